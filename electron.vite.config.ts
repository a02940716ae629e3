import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/** The path aliases tsconfig.json declares, for each build (tsx, vitest and Playwright read tsconfig.json). */
const alias = {
  '@shared': resolve('shared'),
  '@core': resolve('electron/core'),
  '@renderer': resolve('renderer/src'),
};

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      // Hostile files (PDFs, PKCS#12) are read in a worker thread beside the main process (electron/core/signing/off-thread.ts).
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          'file-check-worker': resolve('electron/core/signing/file-check-worker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        // A sandboxed preload must be one CommonJS file.
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    resolve: { alias },
    plugins: [react()],
    build: {
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
