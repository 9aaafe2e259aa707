import { createGit } from '../git/simple-git-client.js';
import { rollback } from '../use-cases/rollback.js';
import { EXIT, reportError, type CliIo } from './main.js';
import { findRepoRoot } from './node-files.js';
import { parseCount } from './promote-command.js';

export interface RollbackOptions {
  model: string;
  env: string;
  branch?: string;
  to?: string;
}

/** `pipepilot rollback`: a `git revert` of the manifest's last change(s) on the rollback branch; exit 0 done or nothing to do, 2 refused. */
export async function rollbackCommand(io: CliIo, opts: RollbackOptions): Promise<number> {
  try {
    const git = await createGit(findRepoRoot(io.cwd));
    const result = await rollback(
      { git, log: { info: (s) => io.stderr(s + '\n'), warn: (s) => io.stderr(`warning: ${s}\n`) } },
      { model: opts.model, env: opts.env, branch: opts.branch, to: opts.to === undefined ? undefined : parseCount(opts.to, '--to', 'a version number, e.g. --to 3') },
    );
    if (result.action === 'refused') {
      io.stderr(`error: ${result.message}\nhint: ${result.hint}\n`);
      return EXIT.badInput;
    }
    if (result.action === 'unchanged') {
      io.stdout(`${result.message}\n`);
      return EXIT.ok;
    }
    const m = result.manifest;
    const serves = m.canary ? `v${m.version} with canary v${m.canary.version} at ${m.canary.weight}%` : `v${m.version}`;
    io.stdout(
      `${result.action} branch ${result.branch} (commit ${result.commit.slice(0, 12)}): reverts ${result.reverted.map((c) => c.slice(0, 12)).join(', ')}; ${result.env} will serve ${result.model} ${serves}\n` +
        `next: git push -f origin ${result.branch}, then open a pull request; merging it rolls back\n`,
    );
    return EXIT.ok;
  } catch (err) {
    return reportError(io, err);
  }
}
