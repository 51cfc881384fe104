import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests share one Redis and one Chromium install; files run in parallel,
    // each with its own queue prefix and database file.
    pool: 'forks',
  },
});
