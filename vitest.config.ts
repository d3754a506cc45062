import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two files at a time on this two-core machine: the kill trials (mostly waiting on child
    // processes) run beside the rest instead of after it. Threads sharing one module graph per
    // worker (no re-import per file) keep `npm test` well under a minute; every test makes its
    // own data folder and app, so no state crosses files.
    maxWorkers: 2,
    pool: 'threads',
    isolate: false,
  },
});
