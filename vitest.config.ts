import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Files run one at a time: integration tests start worker processes and Chromium, and
    // the politeness test measures request timing, which a loaded 2-core machine would blur.
    // Each file still uses its own queue prefix and database file.
    pool: 'forks',
    fileParallelism: false,
    projects: [
      {
        extends: true,
        test: {
          // Pure code, fixture files and SQLite on a temporary file: no network, no server,
          // no child process. The setup file makes any such attempt fail the test.
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          setupFiles: ['test/unit/no-io.setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          // Real Redis, real Chromium, loopback HTTP/SMTP servers, the simulator, workers.
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
        },
      },
    ],
  },
});
