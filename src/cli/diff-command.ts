import { renderVersionDiff } from '../report/version-diff.js';
import { diffRegisteredVersions } from '../use-cases/diff-versions.js';
import { EXIT, reportError, type CliIo } from './cli-io.js';
import { findRepoRoot, nodeFiles } from './node-files.js';

/** `pipepilot diff <model> A B [--json]`: what changed from A to B, as markdown or data. */
export async function diffCommand(io: CliIo, model: string, from: string, to: string, opts: { json?: boolean }): Promise<number> {
  try {
    const diff = await diffRegisteredVersions({ files: nodeFiles(findRepoRoot(io.cwd)) }, { model, from, to });
    io.stdout(opts.json ? JSON.stringify(diff, null, 2) + '\n' : renderVersionDiff(diff));
    return EXIT.ok;
  } catch (err) {
    return reportError(io, err);
  }
}
