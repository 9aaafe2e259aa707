import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The test set Stryker runs against each mutant (stryker.config.mjs). The e2e tests run the
 * bundled dist/ and the built lib/, which Stryker does not mutate, so they are left out.
 * MUTATE_TESTS=unit keeps only the unit tests: a quick first pass over the pure core.
 * Instrumented code under coverage runs several times slower, hence the longer timeouts.
 * (Not mergeConfig: it would append to the base `include` instead of replacing it.)
 */
const unitOnly = process.env.MUTATE_TESTS === 'unit';
// Without the base's projects (unit tests sharing processes): their includes would replace these.
const { projects: _projects, ...shared } = base.test ?? {};

export default defineConfig({
  test: {
    ...shared,
    include: unitOnly ? ['tests/unit/**/*.test.ts'] : ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
