import { stringify } from 'yaml';
import { unknownColumnError } from '../data/column-suggestion.js';
import { inferFeatureSchema } from '../data/feature-schema.js';
import type { Table } from '../data/table.js';
import { UsageError } from '../errors.js';
import { DEFAULT_MISSING_VALUES } from '../spec/defaults.js';
import type { DataFormat, DataSpec, Task } from '../spec/types.js';

export interface StarterRequest {
  /** The data file, relative to the repository root. */
  source: string;
  format: DataFormat;
  table: Table;
  /** The column to predict; default: the last column. */
  target?: string;
  /** Where the pipeline will live relative to the schema reference, e.g. `../schemas/pipeline.schema.json`. */
  schemaRef: string;
}

export interface StarterPipeline {
  name: string;
  task: Task;
  text: string;
  warnings: string[];
}

// A target with at most this many distinct values is a label, not a quantity.
const MAX_CLASSES = 20;

/**
 * A starter pipeline for a data file: the task guessed from the target, and the features the
 * run would infer written out explicitly (numeric and categorical lists, the left-out columns
 * under `drop` with why), so the user edits a list instead of guessing what inference does.
 * Pure and deterministic for a given table.
 */
export function starterPipeline(req: StarterRequest): StarterPipeline {
  const columns = [...req.table.columns.keys()];
  if (columns.length < 2) throw new UsageError(`${req.source}: needs at least two columns (features and a target), found ${columns.length}`);
  const target = req.target ?? columns[columns.length - 1];
  if (!req.table.columns.has(target)) throw unknownColumnError(target, columns, { file: req.source, what: 'target', rule: 'columns' });
  const task = guessTask(req.table, target);
  const data: DataSpec = {
    source: req.source, format: req.format, target,
    features: { numeric: [], categorical: [], infer: true }, drop: [],
    missing_values: [...DEFAULT_MISSING_VALUES],
    checks: { min_rows: 1, max_missing_fraction: 0.5, min_class_rows: 1 },
    split: { test: 0.2, seed: 42, stratify: task !== 'regression' },
  };
  const { schema, warnings } = inferFeatureSchema(req.table, data, task);
  const name = pipelineName(req.source);
  const body = {
    apiVersion: 'pipepilot/v1',
    name,
    description: `Predicts ${target} from ${req.source} (written by pipepilot init; edit me).`,
    data: {
      source: req.source,
      target,
      features: { numeric: schema.numeric, categorical: schema.categorical, infer: false },
      ...(schema.excluded.length > 0 ? { drop: schema.excluded.map((e) => e.column) } : {}),
      split: { test: 0.2, seed: 42 },
    },
    model: { task, type: 'linear', seed: 42 },
    gates: [task === 'regression' ? { metric: 'r2', min: 0.5 } : { metric: 'accuracy', min: 0.7 }],
  };
  const why = schema.excluded.map((e) => `#   ${e.column}: ${e.reason}`);
  const text = [
    `# yaml-language-server: $schema=${req.schemaRef}`,
    '# Features were inferred from the data and written out: move columns between the lists, or out',
    "# to drop, as they should be used. Every key: docs/pipeline.md in PipePilot's repository.",
    ...(why.length > 0 ? ['# Left out (listed under data.drop):', ...why] : []),
    stringify(body, { lineWidth: 0 }).trimEnd(),
    '',
  ].join('\n');
  return { name, task, text, warnings };
}

function guessTask(table: Table, target: string): Task {
  const col = table.columns.get(target)!;
  const distinct = new Set<string | number>();
  for (const v of col.values) {
    if (v === null || (typeof v === 'number' && Number.isNaN(v))) continue;
    distinct.add(v);
    if (distinct.size > MAX_CLASSES) break;
  }
  if (distinct.size === 2) return 'binary_classification';
  if (col.kind === 'numeric' && distinct.size > MAX_CLASSES) return 'regression';
  return col.kind === 'numeric' && distinct.size > 10 ? 'regression' : 'multiclass_classification';
}

/** `data/Churn Data.csv` → `churn-data`: the pipeline's (and model's) name. */
export function pipelineName(source: string): string {
  const base = source.split('/').pop()!.replace(/\.[^.]+$/, '');
  const name = base.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^[-_]+|[-_]+$/g, '').slice(0, 64);
  return /^[a-z0-9]/.test(name) ? name : `model-${name}`.slice(0, 64);
}
