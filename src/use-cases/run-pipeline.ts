import { createHash } from 'node:crypto';
import { checkData } from '../data/checks.js';
import { unknownColumnError } from '../data/column-suggestion.js';
import { inferFeatureSchema } from '../data/feature-schema.js';
import { fingerprintData } from '../data/fingerprint.js';
import { readTable } from '../data/read-table.js';
import { referenceStats } from '../data/reference-stats.js';
import { splitRows } from '../data/split.js';
import { takeRows, type Table } from '../data/table.js';
import { prepareTarget } from '../data/target.js';
import { budgetedBootstrapSamples } from '../evaluate/bootstrap.js';
import { evaluatePredictions } from '../evaluate/evaluation.js';
import { evaluateGates, gatesPassed, type GateBaseline } from '../evaluate/gates.js';
import { fitPreprocessor, transformTable } from '../features/preprocessor.js';
import { predictBatch } from '../model/predict.js';
import { loadTfjsModel, toTfjsArtifacts } from '../model/tfjs-format.js';
import { trainModel } from '../model/train.js';
import type { Clock, Files, Logger, ProgressSink } from '../ports.js';
import { buildReport } from '../report/run-report.js';
import { loadSpec } from '../spec/load-spec.js';
import type { Gate, LoadedPipeline } from '../spec/types.js';
import { buildMetricsDoc, type MetricsDoc } from '../report/metrics-doc.js';
import type { RunArtifacts } from './run-bundle.js';
import { type BaselineSource, compareProductionModel } from './score-baseline.js';

export interface RunDeps {
  files: Files;
  log: Logger;
  clock: Clock;
  progress?: ProgressSink;
}

export interface RunRequest {
  /** Pipeline path relative to the repository root. */
  pipelinePath: string;
  /** The tfjs backend already initialised by the shell, and why it was chosen. */
  backend: { name: string; reason: string };
  /** Package version of PipePilot (part of the content key and lineage). */
  codeVersion: string;
  /**
   * The production model that `vs: production` gates compare with (the registry reads it from
   * the production manifest at the base of the change). Absent: those gates report 'no baseline'.
   * Loaded only after the candidate is evaluated, and disposed after scoring.
   */
  baseline?: BaselineSource;
}

export interface RunResult {
  pipeline: LoadedPipeline;
  metrics: MetricsDoc;
  report: string;
  artifacts: RunArtifacts;
  gatesPassed: boolean;
}

/**
 * The life of a model up to the gates: load the pipeline, read and check the data, split,
 * fit the preprocessor on the training rows, train, score the saved tfjs model on the test rows,
 * evaluate, gate. Returns everything a run bundle holds; writing it is the shell's job.
 */
export async function runPipeline(deps: RunDeps, req: RunRequest): Promise<RunResult> {
  const timer = stageTimer(deps.clock);
  const pipeline = loadSpec(await deps.files.readText(req.pipelinePath), {
    file: req.pipelinePath,
    root: deps.files.root,
    realpath: (p) => deps.files.realpath(p),
  });
  const { spec } = pipeline;
  const task = spec.model.task;

  const bytes = await deps.files.readBytes(spec.data.source);
  const raw = await readTable(bytes, {
    file: spec.data.source,
    format: spec.data.format,
    missingValues: spec.data.missing_values,
  });
  const fingerprint = fingerprintData(bytes);
  timer.lap('read');

  const { schema, warnings } = inferFeatureSchema(raw, spec.data, task);
  for (const w of warnings) deps.log.warn(w);
  const target = prepareTarget(raw, schema, task, { file: spec.data.source, positiveClass: spec.data.positive_class });
  checkData(target.table, schema, target.y, target.classes, spec.data, task, target.sourceRows);
  const stratify = spec.data.split.stratify && task !== 'regression';
  const split = splitRows(target.table.rowCount, {
    test: spec.data.split.test,
    seed: spec.data.split.seed,
    strata: stratify ? target.y : undefined,
    file: spec.data.source,
  });
  const used = [...schema.numeric, ...schema.categorical];
  const sliceColumns = [...new Set([...spec.evaluate.slices, ...spec.gates.flatMap((g) => (g.slice ? [g.slice] : []))])];
  for (const column of sliceColumns) if (!raw.columns.has(column)) {
    throw unknownColumnError(column, [...raw.columns.keys()], { file: spec.data.source, what: 'slice column', rule: 'slice' });
  }
  const kept = selectColumns(target.table, [...new Set([...used, ...sliceColumns])]);
  const trainTable = takeRows(kept, split.train);
  const testTable = takeRows(kept, split.test);
  timer.lap('split');

  const preprocessor = fitPreprocessor({
    table: trainTable,
    features: schema,
    spec: spec.preprocess,
    target: { name: schema.target, task, classes: target.classes, threshold: spec.evaluate.threshold },
  });
  const train = transformTable(preprocessor, trainTable);
  const test = transformTable(preprocessor, testTable);
  timer.lap('preprocess');

  const yTrain = pick(target.y, split.train);
  const yTest = pick(target.y, split.test);
  const trained = trainModel({
    task,
    type: spec.model.type,
    params: spec.model.params,
    seed: spec.model.seed,
    x: train.x,
    rows: train.rows,
    cols: train.cols,
    y: yTrain,
    classCount: task === 'regression' ? 1 : target.classes.length,
    onProgress: (p) =>
      deps.progress?.({ stage: 'train', done: p.epoch, total: p.epochs, detail: `loss ${p.loss.toFixed(4)}${p.valLoss === undefined ? '' : `, val ${p.valLoss.toFixed(4)}`}` }),
  });
  // Solver notes (a jitter on one-hot-collinear normal equations, an iteration cap) are information, not data problems.
  for (const note of trained.notes) deps.log.info(`note: ${note}`);
  const tfjs = toTfjsArtifacts(trained, { name: spec.name });
  timer.lap('fit');

  // Score the saved artifact, not the in-memory weights: what is evaluated is what will be served.
  const model = await loadTfjsModel(tfjs);
  const output = predictBatch(model, test.x, test.rows, test.cols);
  model.dispose();
  const bootstrapSamples = budgetedBootstrapSamples(spec.evaluate.bootstrap.samples, test.rows);
  if (bootstrapSamples < spec.evaluate.bootstrap.samples) {
    deps.log.info(`bootstrap: ${bootstrapSamples} resamples instead of ${spec.evaluate.bootstrap.samples} (${test.rows} test rows)`);
  }
  const evaluation = evaluatePredictions({
    task,
    yTrue: yTest,
    output,
    classes: target.classes,
    threshold: spec.evaluate.threshold,
    bootstrap: { ...spec.evaluate.bootstrap, samples: bootstrapSamples },
    slices: sliceColumns.map((column) => ({ column, values: sliceValues(testTable, column) })),
    minSliceRows: spec.evaluate.min_slice_rows,
  });
  let baseline: GateBaseline | undefined;
  if (req.baseline) {
    // Every column of the test rows, not just the candidate's features: the baseline may use a column the candidate dropped.
    const rows = takeRows(target.table, split.test);
    baseline = await compareProductionModel(req.baseline, {
      table: rows,
      yTrue: yTest,
      candidate: output,
      task,
      target: schema.target,
      classes: target.classes,
      threshold: spec.evaluate.threshold,
      bootstrap: { ...spec.evaluate.bootstrap, samples: bootstrapSamples },
      slices: productionSliceColumns(spec.gates).map((column) => ({ column, values: sliceValues(rows, column) })),
      minSliceRows: spec.evaluate.min_slice_rows,
      file: spec.data.source,
    });
    deps.log.info(`baseline: production v${baseline.version} scored on the ${split.test.length} test rows`);
  }
  const gates = evaluateGates(spec.gates, evaluation, { baseline });
  timer.lap('evaluate');

  const stats = referenceStats(trainTable, schema);
  const contentKey = runContentKey({ pipeline, fingerprint, codeVersion: req.codeVersion, backend: req.backend.name });
  const metrics = buildMetricsDoc({
    pipeline,
    contentKey,
    codeVersion: req.codeVersion,
    backend: req.backend,
    data: {
      fingerprint,
      rowsRead: raw.rowCount,
      droppedMissingTarget: target.droppedMissingTarget,
      rowsUsed: target.table.rowCount,
      train: split.train.length,
      test: split.test.length,
      schema,
      warnings,
      classes: target.classes,
      inputColumns: preprocessor.outputNames.length,
    },
    trained,
    evaluation,
    gates,
    baseline,
    bootstrapSamples,
    durationsMs: timer.done(),
  });
  return {
    pipeline,
    metrics,
    report: buildReport(metrics),
    artifacts: { modelJson: tfjs.modelJson, weightsBin: tfjs.weightsBin, preprocessor, referenceStats: stats },
    gatesPassed: gatesPassed(gates),
  };
}

/** Slice columns of the gates against production: those slices are compared on their own rows. */
function productionSliceColumns(gates: Gate[]): string[] {
  const columns = gates.filter((g) => g.slice !== undefined && (g.max_drop !== undefined || g.max_drop_rel !== undefined));
  return [...new Set(columns.map((g) => g.slice as string))];
}

/**
 * The run's content key: same pipeline, data, code and backend give the same key, so a later
 * step (the registry, the action's release job) can recognise a run it has already done.
 */
export function runContentKey(parts: {
  pipeline: LoadedPipeline;
  fingerprint: string;
  codeVersion: string;
  backend: string;
}): string {
  const h = createHash('sha256');
  // The normalized spec (defaults applied), so comments and key order do not change the key.
  h.update(JSON.stringify(parts.pipeline.spec, sortedKeys));
  h.update('\0' + parts.fingerprint + '\0' + parts.codeVersion + '\0' + parts.backend);
  return `sha256:${h.digest('hex')}`;
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function selectColumns(table: Table, names: string[]): Table {
  const columns = new Map();
  for (const name of names) {
    const col = table.columns.get(name);
    if (col) columns.set(name, col);
  }
  return { rowCount: table.rowCount, columns };
}

function sliceValues(table: Table, column: string): (string | null)[] {
  const col = table.columns.get(column);
  if (!col) return new Array<string | null>(table.rowCount).fill(null);
  return col.kind === 'categorical' ? col.values : Array.from(col.values, (v) => (Number.isNaN(v) ? null : String(v)));
}

function pick(values: Float64Array, indices: Uint32Array): Float64Array {
  const out = new Float64Array(indices.length);
  for (let i = 0; i < indices.length; i++) out[i] = values[indices[i]];
  return out;
}

function stageTimer(clock: Clock) {
  const start = clock.now();
  let last = start;
  const durations: Record<string, number> = {};
  return {
    lap(stage: string) {
      const now = clock.now();
      durations[stage] = Math.round(now - last);
      last = now;
    },
    done(): Record<string, number> {
      return { ...durations, total: Math.round(clock.now() - start) };
    },
  };
}
