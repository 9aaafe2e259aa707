import { defineConfig } from 'vitest/config';

/**
 * Test files whose subject is per-process state (the tfjs backend chosen once per process): they
 * need a fresh process, so they run in a project of their own, one process per file.
 */
const NEEDS_OWN_PROCESS = ['tests/unit/model/backend.test.ts'];

export default defineConfig({
  test: {
    // The run's temp dir (repository templates shared by the tests of a process), removed at the end.
    globalSetup: ['tests/helpers/global-setup.ts'],
    // Training tests are real tfjs/typed-array fits on small data: give them room on a 2-core box.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most test time is spent waiting on child processes (git, the built CLI, servers), not on
    // our CPU: three files at a time on 2 cores roughly halves the wall time (vitest's default
    // here is one). Measured with `time npx vitest run` on a quiet 2-core machine.
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          exclude: NEEDS_OWN_PROCESS,
          // Unit tests share their worker processes: each file no longer pays for a new process
          // and its own import of tfjs, fastify and our modules. `npx vitest run tests/unit`
          // measured 75 CPU s isolated, 28 shared (/usr/bin/time, user+sys; docs/testing.md).
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts', 'tests/fuzz/**/*.test.ts'],
          // Shared worker processes, as for the unit tests: a file no longer pays ~1–2 s for a
          // process and a fresh import of tfjs, fastify and our modules (67 files). They pass
          // environments to their children explicitly and undo what they stub (vi.unstubAllEnvs),
          // so nothing carries over. `npx vitest run --project integration`: 485 → 408 CPU s.
          isolate: false,
          // Scenarios of several action runs or monitor passes took 59.6–62.6 s at load 12–14 on
          // this 2-core kind (10–25 s when quiet): 60 s failed them on a busy machine, not on a bug.
          testTimeout: 150_000,
        },
      },
      {
        extends: true,
        test: { name: 'own-process', include: NEEDS_OWN_PROCESS, testTimeout: 150_000 },
      },
    ],
  },
});
