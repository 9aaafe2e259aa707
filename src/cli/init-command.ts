import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { readTable } from '../data/read-table.js';
import { UsageError } from '../errors.js';
import { DEFAULT_MISSING_VALUES } from '../spec/defaults.js';
import { formatFromPath } from '../spec/data-format.js';
import { starterPipeline } from '../use-cases/starter-pipeline.js';
import { EXIT, reportError, type CliIo } from './cli-io.js';
import { GITIGNORE_LINE, SCHEMA_PATH, WORKFLOW_PATH, workflowText } from './init-files.js';
import { findRepoRoot, toRepoPath } from './node-files.js';

export interface InitOptions {
  file?: string;
  target?: string;
  force?: boolean;
  action?: string;
}

type Outcome = 'created' | 'overwritten' | 'unchanged' | 'kept' | 'updated';

/** The JSON Schema shipped with this PipePilot (package root /schemas), copied into the user's repository. */
const BUNDLED_SCHEMA = new URL('../../schemas/pipeline.schema.json', import.meta.url);

/**
 * `pipepilot init [FILE]`: a starter pipeline for FILE (features written out), the workflow,
 * `.pipepilot/` in .gitignore, and the pipeline schema in the user's repository so the YAML's
 * `$schema` reference resolves there. Idempotent: an identical file is `unchanged`, a
 * different one is `kept` unless --force; .gitignore only ever gains the line.
 */
export async function initCommand(io: CliIo, opts: InitOptions): Promise<number> {
  try {
    const root = findRepoRoot(io.cwd);
    const results: [string, Outcome][] = [];
    const write = (path: string, text: string) => results.push([path, writeFile(root, path, text, Boolean(opts.force))]);
    const dataPaths: string[] = [];
    if (opts.file !== undefined) {
      const source = toRepoPath(root, opts.file, io.cwd);
      const starter = await starterFor(root, source, opts.target);
      for (const w of starter.warnings) io.stderr(`warning: ${w}\n`);
      write(`pipelines/${starter.name}.yaml`, starter.text);
      const dir = posix.dirname(source);
      if (dir !== '.' && dir !== 'pipelines' && !dir.startsWith('pipelines/')) dataPaths.push(`${dir}/**`);
    }
    write(WORKFLOW_PATH, workflowText({ action: opts.action ?? '<owner>/pipepilot@v1', dataPaths }));
    write(SCHEMA_PATH, readFileSync(BUNDLED_SCHEMA, 'utf8'));
    results.push(['.gitignore', addGitignoreLine(root)]);
    for (const [path, outcome] of results) io.stdout(`${outcome.padEnd(11)} ${path}${outcome === 'kept' ? ' (exists and differs; --force to overwrite)' : ''}\n`);
    if (opts.file === undefined) io.stdout('no data file given: pass one (pipepilot init data/churn.csv) for a starter pipeline\n');
    return EXIT.ok;
  } catch (err) {
    return reportError(io, err);
  }
}

async function starterFor(root: string, source: string, target?: string) {
  const abs = join(root, source);
  if (!existsSync(abs) || !statSync(abs).isFile()) throw new UsageError(`${source}: no such file`, { hint: 'Name the data file to start from, e.g. pipepilot init data/churn.csv.' });
  const format = formatFromPath(source);
  if (format === undefined) throw new UsageError(`${source}: cannot tell the format from the name`, { hint: 'Use a .csv, .json, .jsonl or .parquet file.' });
  const table = await readTable(new Uint8Array(readFileSync(abs)), { file: source, format, missingValues: [...DEFAULT_MISSING_VALUES] });
  return starterPipeline({ source, format, table, target, schemaRef: `../${SCHEMA_PATH}` });
}

function writeFile(root: string, path: string, text: string, force: boolean): Outcome {
  const abs = join(root, path);
  if (existsSync(abs)) {
    if (readFileSync(abs, 'utf8') === text) return 'unchanged';
    if (!force) return 'kept';
    writeFileSync(abs, text);
    return 'overwritten';
  }
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, text);
  return 'created';
}

/** Appends `.pipepilot/` unless a line already ignores it; never rewrites the user's lines. */
function addGitignoreLine(root: string): Outcome {
  const abs = join(root, '.gitignore');
  const text = existsSync(abs) ? readFileSync(abs, 'utf8') : undefined;
  const lines = (text ?? '').split(/\r?\n/).map((l) => l.trim());
  if (lines.some((l) => l === GITIGNORE_LINE || l === '.pipepilot' || l === '/.pipepilot/' || l === '/.pipepilot')) return 'unchanged';
  const prefix = text === undefined || text === '' || text.endsWith('\n') ? '' : '\n';
  writeFileSync(abs, `${text ?? ''}${prefix}# PipePilot's local run bundles\n${GITIGNORE_LINE}\n`);
  return text === undefined ? 'created' : 'updated';
}
