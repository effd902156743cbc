import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // Four times the slowest in-process test (about 13 s) with two copies of the suite
    // running at once on this two-core machine: a busy machine must not fail a test.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ['test/support/postgres-run.ts'],
    pool: 'forks',
    // One module graph per worker, not per file: loading botbuilder, restify and the
    // rest again for every file was about two thirds of the suite's time. Tests start
    // their own app (database, server, registry) and restore what they stub.
    isolate: false,
    // Most tests wait on a database or a socket, not the CPU: more files at once than cores.
    maxWorkers: 3,
  },
});
