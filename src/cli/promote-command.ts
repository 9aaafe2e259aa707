import { UsageError } from '../errors.js';
import { createGit } from '../git/simple-git-client.js';
import { promote } from '../use-cases/promote.js';
import { reportDeploymentChange } from './deployment-output.js';
import { reportError, type CliIo } from './cli-io.js';
import { findRepoRoot } from './node-files.js';

export interface PromoteOptions {
  model: string;
  version: string;
  env: string;
  canary?: string;
  branch?: string;
  reason?: string;
  force?: boolean;
}

/** `pipepilot promote`: the manifest change as one commit on the deploy branch; exit 0 done or nothing to do, 2 refused. */
export async function promoteCommand(io: CliIo, opts: PromoteOptions): Promise<number> {
  try {
    if (opts.force && opts.reason === undefined) {
      throw new UsageError('--force needs --reason "…"', { hint: 'Skipping the environment order is recorded: --force --reason "why" goes into the manifest and the commit.' });
    }
    const git = await createGit(findRepoRoot(io.cwd));
    const result = await promote(
      { git, log: { info: (s) => io.stderr(s + '\n'), warn: (s) => io.stderr(`warning: ${s}\n`) } },
      {
        model: opts.model,
        version: parseCount(opts.version, '--version', 'a registered version number, e.g. --version 3'),
        env: opts.env,
        canaryWeight: opts.canary === undefined ? undefined : parseCount(opts.canary, '--canary', 'a percent from 1 to 99, e.g. --canary 10'),
        branch: opts.branch,
        reason: opts.reason,
        force: opts.force,
      },
    );
    return reportDeploymentChange(io, result, { merging: 'deploys' });
  } catch (err) {
    return reportError(io, err);
  }
}

/** A positive integer option (versions, percents); anything else is bad input naming the flag. */
export function parseCount(value: string, flag: string, expected: string): number {
  if (!/^[1-9][0-9]{0,8}$/.test(value.trim())) throw new UsageError(`${flag} must be ${expected}, got '${value}'`);
  return Number(value.trim());
}
