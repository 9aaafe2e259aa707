import { createGit } from '../git/simple-git-client.js';
import { parseInstant } from '../registry/model-history.js';
import { renderHistory } from '../report/model-history.js';
import { readModelHistory } from '../use-cases/model-history.js';
import { EXIT, reportError, type CliIo } from './cli-io.js';
import { findRepoRoot, nodeFiles } from './node-files.js';

export interface HistoryOptions {
  env?: string;
  at?: string;
  json?: boolean;
}

/** `pipepilot history <model> [--env E] [--at TIME] [--json]`: versions, who and when, what ran where. */
export async function historyCommand(io: CliIo, model: string, opts: HistoryOptions): Promise<number> {
  try {
    const atMs = opts.at === undefined ? undefined : parseInstant(opts.at);
    const root = findRepoRoot(io.cwd);
    const history = await readModelHistory({ git: await createGit(root), files: nodeFiles(root) }, { model, env: opts.env, atMs });
    io.stdout(opts.json ? JSON.stringify(history, null, 2) + '\n' : renderHistory(history));
    return EXIT.ok;
  } catch (err) {
    return reportError(io, err);
  }
}
