import { existsSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { UsageError } from '../errors.js';
import { readTable } from '../data/read-table.js';
import { selectBackend } from '../model/backend.js';
import { formatFromPath } from '../spec/data-format.js';
import { openRegisteredModel } from '../use-cases/registered-model.js';
import { loadScoringModel, predictionRecords, scoreTable, type Predictions } from '../use-cases/predict.js';
import { EXIT, reportError, type CliIo } from './cli-io.js';
import { findRepoRoot, nodeFiles } from './node-files.js';

export interface PredictOptions {
  model: string;
  input: string;
  env?: string;
  version?: string;
  output?: string;
  backend?: string;
}

/** `pipepilot predict`: batch scoring of a file through the saved preprocessor and model. */
export async function predictCommand(io: CliIo, opts: PredictOptions): Promise<number> {
  try {
    const read = await modelReader(io, opts);
    const inputFormat = formatFromPath(opts.input);
    if (!inputFormat) throw new UsageError(`${opts.input}: unknown file type`, { hint: 'Use .csv, .json, .jsonl/.ndjson or .parquet.' });
    const outputFormat = opts.output ? formatFromPath(opts.output) : 'jsonl';
    if (outputFormat !== 'csv' && outputFormat !== 'json' && outputFormat !== 'jsonl') {
      throw new UsageError(`${opts.output}: cannot write this file type`, { hint: 'Use .csv, .json or .jsonl.' });
    }
    await selectBackend(opts.backend === 'tensorflow' || opts.backend === 'wasm' || opts.backend === 'cpu' ? opts.backend : undefined);
    const scoring = await loadScoringModel(read.read, read.label);
    const bytes = await readNamed(resolve(io.cwd, opts.input), opts.input);
    const table = await readTable(bytes, { file: opts.input, format: inputFormat, missingValues: ['', 'NA', 'N/A', 'null', 'NULL', 'NaN', 'nan'] });
    const predictions = scoreTable(scoring, table, opts.input);
    scoring.model.dispose();
    const text = formatPredictions(predictions, outputFormat);
    if (opts.output) {
      await writeFile(resolve(io.cwd, opts.output), text);
      io.stderr(`wrote ${predictions.predictions.length} predictions to ${opts.output}\n`);
    } else {
      io.stdout(text);
    }
    return EXIT.ok;
  } catch (err) {
    return reportError(io, err);
  }
}

/**
 * `--model` is a directory when one exists at that path (a run's --out or its model/), otherwise
 * a registered model name, resolved through the registry with every file's digest checked.
 */
async function modelReader(io: CliIo, opts: PredictOptions): Promise<{ read: (name: string) => Promise<Uint8Array>; label: string }> {
  const path = resolve(io.cwd, opts.model);
  if (existsSync(path) && statSync(path).isDirectory()) {
    if (opts.env !== undefined || opts.version !== undefined) throw new UsageError(`--env and --version go with a model name, not a directory (${opts.model})`);
    const modelDir = resolveModelDir(path, opts.model);
    return { read: (name) => readNamed(join(modelDir, name), `${opts.model}/${name}`), label: opts.model };
  }
  // A path (a '/', a '.') can never be a model name: say the folder is missing, not "unknown model".
  if (/[/\\.]/.test(opts.model)) {
    throw new UsageError(`--model ${opts.model}: no such directory${existsSync(path) ? ' (it is a file)' : ''}`, {
      hint: 'Pass the --out directory of `pipepilot run` (or its model/ folder), or a registered model name such as churn.',
    });
  }
  if (opts.env !== undefined && opts.version !== undefined) throw new UsageError('pass --env or --version, not both');
  const version = opts.version === undefined ? undefined : Number(opts.version);
  if (version !== undefined && !(Number.isInteger(version) && version >= 1)) throw new UsageError(`--version ${opts.version}: expected a version number (1, 2, …)`);
  const registered = await openRegisteredModel(nodeFiles(findRepoRoot(io.cwd)), { model: opts.model, version, env: opts.env });
  io.stderr(`model: ${registered.model} v${registered.version}${version === undefined ? ` (${opts.env ?? 'production'})` : ''}\n`);
  return { read: (name) => registered.read(name), label: registered.dir };
}

function resolveModelDir(dir: string, given: string): string {
  if (existsSync(join(dir, 'model.json'))) return dir;
  if (existsSync(join(dir, 'model', 'model.json'))) return join(dir, 'model');
  throw new UsageError(`${given}: no model.json here or in ${given}/model/`, { hint: 'Pass the --out directory of `pipepilot run`, or its model/ folder.' });
}

async function readNamed(path: string, shown: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`${shown}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code})`}`, { cause: err });
  }
}

function formatPredictions(p: Predictions, format: 'csv' | 'json' | 'jsonl'): string {
  const records = predictionRecords(p);
  if (format === 'jsonl') return records.map((r) => JSON.stringify(r)).join('\n') + (records.length ? '\n' : '');
  if (format === 'json') return JSON.stringify(records, null, 2) + '\n';
  const header = ['prediction', ...p.classes.map((c) => `probability_${c}`)];
  const k = p.classes.length;
  const rows = p.predictions.map((pred, i) => [pred, ...Array.from({ length: k }, (_, c) => p.probabilities![i * k + c])]);
  return stringify([header, ...rows]);
}
