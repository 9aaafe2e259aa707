import { verifyRegistry } from '../use-cases/verify-registry.js';
import { EXIT, reportError, type CliIo } from './cli-io.js';
import { findRepoRoot, nodeFiles } from './node-files.js';

/** `pipepilot verify [model]`: one `file: problem` line each; exit 1 if any. */
export async function verifyCommand(io: CliIo, model: string | undefined): Promise<number> {
  try {
    const report = await verifyRegistry({ files: nodeFiles(findRepoRoot(io.cwd)) }, { model });
    for (const p of report.problems) io.stderr(`${p.file}: ${p.message}\n`);
    for (const m of report.models) io.stdout(`${m.name}: ${m.versions} version(s), ${m.manifests} manifest(s)\n`);
    if (report.problems.length > 0) {
      io.stderr(`${report.problems.length} problem(s) in the registry\nhint: restore changed files from git (\`git checkout -- models/\`); a manifest must name an existing version\n`);
      return EXIT.mismatch;
    }
    io.stdout(report.models.length === 0 ? 'no models registered\n' : 'ok: every digest and manifest checks out\n');
    return EXIT.ok;
  } catch (err) {
    return reportError(io, err);
  }
}
