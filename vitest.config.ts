import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Files run one at a time: integration tests start worker processes and Chromium, and
    // the politeness test measures request timing, which a loaded 2-core machine would blur.
    // Each file still uses its own queue prefix and database file.
    pool: 'forks',
    fileParallelism: false,
  },
});
