import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The path aliases tsconfig.json declares.
  resolve: {
    alias: {
      '@shared': resolve('shared'),
      '@core': resolve('electron/core'),
      '@renderer': resolve('renderer/src'),
    },
  },
  test: {
    testTimeout: 20_000,
    projects: [
      { extends: true, test: { name: 'core', include: ['test/core/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'renderer',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['test/renderer/setup.ts'],
        },
      },
    ],
  },
});
