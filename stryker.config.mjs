// Mutation testing of the code that decides what reaches production (issue 15): `npm run mutate`.
// Incremental: results are kept in reports/stryker-incremental.json and only mutants whose code
// or covering tests changed are run again. One module group at a time (MUTATE_TESTS=unit: unit tests only):
//   npm run mutate -- --mutate src/evaluate/gates.ts,src/evaluate/baseline-gates.ts
// Survivors that no test can kill are listed with the reason in tests/mutation/equivalent-mutants.md.
// Not part of .ci/run: the whole set takes tens of minutes on two cores.
import process from 'node:process';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // Only the tests whose imports reach a mutated file run, each only for the mutants it covers
  // (the vitest runner always measures coverage per test).
  vitest: { configFile: 'vitest.stryker.config.ts', related: true },
  coverageAnalysis: 'perTest',
  // The typed checker drops mutants that do not compile, but costs a project compile per mutant
  // group; MUTATE_CHECK=off skips it for a quick pass (a mutant that does not compile then runs,
  // and is killed or shows as a survivor to read).
  checkers: process.env.MUTATE_CHECK === 'off' ? [] : ['typescript'],
  tsconfigFile: 'tsconfig.json',
  mutate: [
    'src/evaluate/gates.ts',
    'src/evaluate/baseline-gates.ts',
    'src/evaluate/bootstrap.ts',
    'src/registry/plan-registration.ts',
    'src/registry/plan-promotion.ts',
    'src/registry/plan-rollback.ts',
    'src/registry/verify-version.ts',
    'src/registry/digest.ts',
    'src/registry/manifest.ts',
    'src/use-cases/registered-model.ts',
    'src/serve/fleet.ts',
    'src/serve/canary-split.ts',
    'src/action/pipeline-selection.ts',
    'src/action/pipeline-inputs.ts',
    'src/action/release.ts',
    'src/monitor/decide.ts',
    'src/monitor/metric-test.ts',
  ],
  // A mutant of a module-level constant needs every test run again; they are few and cost most of the time.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: null },
  // One test runner: the machine running it is usually shared (and a second runner mostly waits on the first's CPU).
  concurrency: 1,
  // Training tests are slow under load: allow a mutant's tests this much longer than their dry run.
  timeoutFactor: 2,
  timeoutMS: 20_000,
  // The first run of every related test, instrumented, on a shared 2-core machine.
  dryRunTimeoutMinutes: 30,
  ignorePatterns: ['dist', 'reports', 'coverage', '.pipepilot', 'bench/.cache'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
