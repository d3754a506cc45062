import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two files at a time on this two-core machine: the kill trials (mostly waiting on child
    // processes) run beside the rest instead of after it.
    maxWorkers: 2,
  },
});
