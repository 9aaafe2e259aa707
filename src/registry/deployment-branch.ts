import { UsageError } from '../errors.js';
import { assertEnvName, assertModelName } from './layout.js';

/**
 * The branches promote and rollback write, one per model and environment: the key that makes a
 * rerun idempotent, and (later) the head of the one pull request the action keeps for it.
 * Rollback has its own, so rolling back never overwrites an open promotion's pull request.
 */
export function deployBranch(model: string, env: string): string {
  return `pipepilot/deploy/${assertModelName(model)}/${assertEnvName(env)}`;
}

export function rollbackBranch(model: string, env: string): string {
  return `pipepilot/rollback/${assertModelName(model)}/${assertEnvName(env)}`;
}

/**
 * The branch of a model's registration pull request (release on a protected default branch): one
 * per model, so a newer run of the pipeline replaces an unmerged one instead of racing it for N.
 */
export function registrationBranch(model: string): string {
  return `pipepilot/register/${assertModelName(model)}`;
}

// git check-ref-format's rules, conservatively: no leading '-', no '..', '//', '@{', no '.lock'
// component end, no control characters, spaces or ~^:?*[\.
const BRANCH = /^(?!-)(?!.*\.\.)(?!.*\/\/)(?!.*@\{)(?!.*\.lock(\/|$))(?!.*\/\.)(?!\.)[A-Za-z0-9._/@+-]{1,200}(?<![./])$/;

/** Throws a UsageError unless `name` is a branch name PipePilot will write (git checks again). */
export function assertBranchName(name: string): string {
  if (!BRANCH.test(name) || name === '@') {
    throw new UsageError(`'${name}' is not a branch name PipePilot can use`, {
      hint: 'Use letters, digits and . _ - / @ +, e.g. pipepilot/deploy/churn/production (no leading -, no .., no trailing / or .).',
    });
  }
  return name;
}
