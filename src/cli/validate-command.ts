import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem } from '../errors.js';
import { validatePipelineFiles } from '../spec/validate-files.js';
import { EXIT, reportError, type CliIo } from './cli-io.js';
import { findRepoRoot, nodeFiles, toRepoPath } from './node-files.js';

/** `pipepilot validate [files…]`: one `file:line:col: message` line per problem; exit 2 if any. */
export async function validateCommand(io: CliIo, given: string[]): Promise<number> {
  try {
    const root = findRepoRoot(io.cwd);
    const files = nodeFiles(root);
    const paths = given.length > 0 ? given.map((g) => toRepoPath(root, g, io.cwd)) : defaultPipelines(root);
    if (paths.length === 0) {
      io.stderr('no pipelines found: pass files, or add pipelines/*.yaml\n');
      return EXIT.badInput;
    }
    const inputs = await Promise.all(paths.map(async (file) => ({ file, text: await files.readText(file) })));
    const results = validatePipelineFiles(inputs, root, (p) => files.realpath(p));
    let bad = 0;
    for (const r of results) {
      if (r.ok) io.stdout(`ok ${r.file}\n`);
      for (const p of r.problems) io.stderr(formatProblem(p) + '\n');
      for (const w of r.warnings) io.stderr(`${w.file}:${w.line}:${w.col}: warning: ${w.message}\n`);
      if (!r.ok) bad++;
    }
    if (bad > 0) io.stderr(`${bad} of ${results.length} pipeline file(s) invalid\n`);
    return bad > 0 ? EXIT.badInput : EXIT.ok;
  } catch (err) {
    return reportError(io, err);
  }
}

function defaultPipelines(root: string): string[] {
  try {
    return readdirSync(join(root, 'pipelines'))
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()
      .map((f) => `pipelines/${f}`);
  } catch {
    return [];
  }
}
