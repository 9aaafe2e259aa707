import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { UsageError } from '../errors.js';
import { readTable } from '../data/read-table.js';
import { selectBackend } from '../model/backend.js';
import { formatFromPath } from '../spec/data-format.js';
import { loadScoringModel, predictionRecords, scoreTable, type Predictions } from '../use-cases/predict.js';
import { EXIT, reportError, type CliIo } from './main.js';

export interface PredictOptions {
  model: string;
  input: string;
  output?: string;
  backend?: string;
}

/** `pipepilot predict`: batch scoring of a file through the saved preprocessor and model. */
export async function predictCommand(io: CliIo, opts: PredictOptions): Promise<number> {
  try {
    const modelDir = resolveModelDir(resolve(io.cwd, opts.model), opts.model);
    const inputFormat = formatFromPath(opts.input);
    if (!inputFormat) throw new UsageError(`${opts.input}: unknown file type`, { hint: 'Use .csv, .json, .jsonl/.ndjson or .parquet.' });
    const outputFormat = opts.output ? formatFromPath(opts.output) : 'jsonl';
    if (outputFormat !== 'csv' && outputFormat !== 'json' && outputFormat !== 'jsonl') {
      throw new UsageError(`${opts.output}: cannot write this file type`, { hint: 'Use .csv, .json or .jsonl.' });
    }
    await selectBackend(opts.backend === 'tensorflow' || opts.backend === 'wasm' || opts.backend === 'cpu' ? opts.backend : undefined);
    const scoring = await loadScoringModel((name) => readNamed(join(modelDir, name), `${opts.model}/${name}`), opts.model);
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
