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
    include: ['test/core/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
