import { createHash } from 'node:crypto';
import { DataError } from '../errors.js';
import { checkNotLfsPointer } from '../data/lfs-pointer.js';
import { isUrlSource } from '../spec/source-url.js';
import { referenceStats } from '../data/reference-stats.js';
import type { Table } from '../data/table.js';
import type { TableEngine } from '../data/table-engine.js';
import { budgetedBootstrapSamples } from '../evaluate/bootstrap.js';
import { evaluatePredictions } from '../evaluate/evaluation.js';
import { evaluateGates, gatesPassed, type GateBaseline } from '../evaluate/gates.js';
import { checkFiniteOutputs } from '../features/finite-output.js';
import { fitPreprocessor, transformTable, type Preprocessor } from '../features/preprocessor.js';
import { fitModel, type FittedModel } from '../model/fit-model.js';
import { gainImportance } from '../model/gbdt/tree-shap.js';
import { loadScorer } from '../model/scorer.js';
import type { Clock, DataSource, Files, Logger, ProgressSink } from '../ports.js';
import { buildReport } from '../report/run-report.js';
import { loadSpec } from '../spec/load-spec.js';
import type { Gate, LoadedPipeline, PipelineSpec } from '../spec/types.js';
import { buildMetricsDoc, type MetricsDoc } from '../evaluate/metrics-doc.js';
import { prepareRows, type PreparedRows } from './prepare-rows.js';
import { readDataTable } from './read-data.js';
import type { RunArtifacts } from './run-bundle.js';
import { type BaselineSource, compareProductionModel } from './score-baseline.js';

export interface RunDeps {
  files: Files;
  /** Where the data set comes from (a URL, S3, DVC, or the repository); default: repository files only. */
  data?: DataSource;
  log: Logger;
  clock: Clock;
  progress?: ProgressSink;
  /** What reads the data file into columns (the shell's DuckDB engine); default: the JS readers. The Table is the same either way. */
  engine?: TableEngine;
  /** Threads training may use (gbdt histograms; default 1). The model is the same bits whatever the count. */
  threads?: number;
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
  /** Params over model.params (pipepilot tune's winner): trained, keyed and reported as if written in the YAML. */
  params?: Record<string, unknown>;
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
  const pipeline = withParams(loadSpec(await deps.files.readText(req.pipelinePath), {
    file: req.pipelinePath,
    root: deps.files.root,
    realpath: (p) => deps.files.realpath(p),
  }), req.params);
  const { spec } = pipeline;
  for (const w of pipeline.warnings ?? []) deps.log.warn(`${w.file}:${w.line}:${w.col}: ${w.message}`);
  const { fingerprint, table: raw } = await readDataTable(deps.data ?? repoDataSource(deps.files), spec, deps.engine);
  timer.lap('read');

  const rows = prepareRows(spec, raw);
  for (const w of rows.warnings) deps.log.warn(w);
  timer.lap('split');

  const preprocessor = fitPreprocessor({
    table: rows.trainTable,
    features: rows.schema,
    spec: spec.preprocess,
    target: { name: rows.schema.target, task: spec.model.task, classes: rows.classes, threshold: spec.evaluate.threshold },
    origin: { file: spec.data.source, sourceRows: rows.trainSourceRows },
  });
  const testOrigin = { file: spec.data.source, sourceRows: rows.testSourceRows };
  const train = transformTable(preprocessor, rows.trainTable, { file: spec.data.source, sourceRows: rows.trainSourceRows });
  const test = transformTable(preprocessor, rows.testTable, testOrigin);
  timer.lap('preprocess');

  const fitted = trainCandidate(spec, { ...train, oneHotBlocks: oneHotBlocks(preprocessor) }, rows, preprocessor, deps);
  const trained = fitted.summary;
  timer.lap('fit');

  // Score the saved artifact, not the in-memory weights: what is evaluated is what will be served.
  const model = await loadScorer(fitted.modelJson, fitted.weightsBin);
  const output = model.predict(test.x, test.rows, test.cols);
  model.dispose();
  checkFiniteOutputs(preprocessor, rows.testTable, test, output, testOrigin);
  const bootstrapSamples = budgetedBootstrapSamples(spec.evaluate.bootstrap.samples, test.rows);
  if (bootstrapSamples < spec.evaluate.bootstrap.samples) {
    deps.log.info(`bootstrap: ${bootstrapSamples} resamples instead of ${spec.evaluate.bootstrap.samples} (${test.rows} test rows)`);
  }
  const bootstrap = { ...spec.evaluate.bootstrap, samples: bootstrapSamples };
  const evaluation = evaluatePredictions({
    task: spec.model.task,
    yTrue: rows.yTest,
    output,
    classes: rows.classes,
    threshold: spec.evaluate.threshold,
    bootstrap,
    slices: rows.sliceColumns.map((column) => ({ column, values: sliceValues(rows.testTable, column) })),
    minSliceRows: spec.evaluate.min_slice_rows,
  });
  const baseline = req.baseline ? await compareWithProduction(req.baseline, { spec, rows, output, bootstrap, log: deps.log }) : undefined;
  const gates = evaluateGates(spec.gates, evaluation, { baseline });
  timer.lap('evaluate');

  const metrics = buildMetricsDoc({
    pipeline,
    contentKey: runContentKey({ pipeline, fingerprint, codeVersion: req.codeVersion, backend: req.backend.name }),
    codeVersion: req.codeVersion,
    backend: req.backend,
    data: {
      fingerprint,
      rowsRead: raw.rowCount,
      droppedMissingTarget: rows.droppedMissingTarget,
      rowsUsed: rows.rowsUsed,
      train: rows.trainTable.rowCount,
      test: rows.testTable.rowCount,
      schema: rows.schema,
      warnings: rows.warnings,
      classes: rows.classes,
      inputColumns: preprocessor.outputNames.length,
    },
    trained,
    evaluation,
    gates,
    baseline,
    bootstrapSamples,
    ...(model.trees ? { importance: gainImportance(model.trees.json) } : {}),
    durationsMs: timer.done(),
  });
  const stats = referenceStats(rows.trainTable, rows.schema);
  return {
    pipeline,
    metrics,
    report: buildReport(metrics),
    artifacts: { modelJson: fitted.modelJson, weightsBin: fitted.weightsBin, preprocessor, referenceStats: stats },
    gatesPassed: gatesPassed(gates),
  };
}

/**
 * Data read from the repository only, for callers that fetch nothing: a URL source is a
 * DataError, a Git LFS pointer where the data should be says to check out with LFS.
 */
export function repoDataSource(files: Files): DataSource {
  return {
    async readBytes(data) {
      if (isUrlSource(data.source)) {
        throw new DataError(`${data.source}: this command reads data from the repository only`, { file: data.source, rule: 'source' });
      }
      const bytes = await files.readBytes(data.source);
      checkNotLfsPointer(bytes, data.source);
      return bytes;
    },
  };
}

function withParams(pipeline: LoadedPipeline, params: Record<string, unknown> | undefined): LoadedPipeline {
  if (params === undefined) return pipeline;
  const spec = { ...pipeline.spec, model: { ...pipeline.spec.model, params: { ...pipeline.spec.model.params, ...params } } };
  return { ...pipeline, spec };
}

/** The model-row columns of each categorical feature's one-hot block (its categories, then the unknown bucket); none for ordinal rows. */
function oneHotBlocks(pre: Preprocessor): number[][] {
  if (pre.encode === 'ordinal') return [];
  let offset = pre.numeric.length;
  return pre.categorical.map((f) => {
    const block = Array.from({ length: f.categories.length + 1 }, (_, i) => offset + i);
    offset += block.length;
    return block;
  });
}

function trainCandidate(
  spec: PipelineSpec, train: { x: Float32Array; rows: number; cols: number; oneHotBlocks: number[][] }, rows: PreparedRows, preprocessor: Preprocessor, deps: RunDeps,
): FittedModel {
  const fitted = fitModel({
    task: spec.model.task,
    type: spec.model.type,
    params: spec.model.params,
    seed: spec.model.seed,
    ...train,
    y: rows.yTrain,
    classCount: spec.model.task === 'regression' ? 1 : rows.classes.length,
    ...(deps.threads !== undefined ? { threads: deps.threads } : {}),
    onProgress: (p) =>
      deps.progress?.({
        stage: 'train',
        done: p.epoch,
        total: p.epochs,
        detail: `loss ${p.loss.toFixed(4)}${p.valLoss === undefined ? '' : `, val ${p.valLoss.toFixed(4)}`}`,
      }),
  }, preprocessor, { name: spec.name });
  // Solver notes (a jitter on one-hot-collinear normal equations, an iteration cap) are information, not data problems.
  for (const note of fitted.summary.notes) deps.log.info(`note: ${note}`);
  return fitted;
}

async function compareWithProduction(
  source: BaselineSource,
  ctx: { spec: PipelineSpec; rows: PreparedRows; output: Float32Array; bootstrap: PipelineSpec['evaluate']['bootstrap']; log: Logger },
): Promise<GateBaseline> {
  const { spec, rows } = ctx;
  const table = rows.testRowsAllColumns();
  const baseline = await compareProductionModel(source, {
    table,
    yTrue: rows.yTest,
    candidate: ctx.output,
    task: spec.model.task,
    target: rows.schema.target,
    classes: rows.classes,
    threshold: spec.evaluate.threshold,
    bootstrap: ctx.bootstrap,
    slices: productionSliceColumns(spec.gates).map((column) => ({ column, values: sliceValues(table, column) })),
    minSliceRows: spec.evaluate.min_slice_rows,
    file: spec.data.source,
    sourceRows: rows.testSourceRows,
  });
  ctx.log.info(`baseline: production v${baseline.version} scored on the ${rows.testTable.rowCount} test rows`);
  return baseline;
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


function sliceValues(table: Table, column: string): (string | null)[] {
  const col = table.columns.get(column);
  if (!col) return new Array<string | null>(table.rowCount).fill(null);
  return col.kind === 'categorical' ? col.values : Array.from(col.values, (v) => (Number.isNaN(v) ? null : String(v)));
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
