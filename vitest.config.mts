import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'platform/**/*.test.ts',
      'gateway/**/*.test.ts',
      'subgraphs/**/*.test.ts',
      'datasets/**/*.test.ts',
      'e2e/**/*.test.ts',
      'test/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    globalSetup: ['./test/global-setup.ts'],
    setupFiles: ['reflect-metadata'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
