import { UsageError } from '../errors.js';
import { createGit } from '../git/simple-git-client.js';
import { rollback } from '../use-cases/rollback.js';
import { reportDeploymentChange } from './deployment-output.js';
import { reportError, type CliIo } from './cli-io.js';
import { findRepoRoot } from './node-files.js';
import { parseCount } from './promote-command.js';

export interface RollbackOptions {
  model: string;
  env: string;
  branch?: string;
  to?: string;
  undoLast?: boolean;
}

/** `pipepilot rollback`: a `git revert` of the manifest's change(s) that take the newest version out, on the rollback branch; exit 0 done or nothing to do, 2 refused. */
export async function rollbackCommand(io: CliIo, opts: RollbackOptions): Promise<number> {
  try {
    if (opts.undoLast && opts.to !== undefined) throw new UsageError('--undo-last and --to cannot be used together', { hint: 'Use --to N to go back to the state that last named vN, or --undo-last to revert only the last change.' });
    const git = await createGit(findRepoRoot(io.cwd));
    const result = await rollback(
      { git, log: { info: (s) => io.stderr(s + '\n'), warn: (s) => io.stderr(`warning: ${s}\n`) } },
      { model: opts.model, env: opts.env, branch: opts.branch, undoLast: opts.undoLast, to: opts.to === undefined ? undefined : parseCount(opts.to, '--to', 'a version number, e.g. --to 3') },
    );
    return reportDeploymentChange<Extract<typeof result, { action: 'created' | 'updated' }>>(io, result, {
      detail: (r) => `reverts ${r.reverted.map((c) => c.slice(0, 12)).join(', ')}`,
      merging: 'rolls back',
    });
  } catch (err) {
    return reportError(io, err);
  }
}
