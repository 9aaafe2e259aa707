import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Training tests are real tfjs/typed-array fits on small data: give them room on a 2-core box.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most test time is spent waiting on child processes (git, the built CLI, servers), not on
    // our CPU: three files at a time on 2 cores roughly halves the wall time (vitest's default
    // here is one). Measured with `time npx vitest run` on a quiet 2-core machine.
    maxWorkers: 3,
  },
});
