import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    globalSetup: ['test/support/postgres-run.ts'],
    pool: 'forks',
    // Most tests wait on a database or a socket, not the CPU: more files at once than cores.
    maxWorkers: 3,
  },
});
