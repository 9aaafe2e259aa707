import { DataError } from '../errors.js';
import { checkNotLfsPointer } from '../data/lfs-pointer.js';
import { isUrlSource } from '../spec/source-url.js';
import { referenceStats } from '../data/reference-stats.js';
import { sortedPresentColumns } from '../data/sorted-values.js';
import type { ResampleHelpers } from '../evaluate/bootstrap.js';
import { evaluatePredictions } from '../evaluate/evaluation.js';
import { evaluateGates, gatesPassed, type GateBaseline } from '../evaluate/gates.js';
import { checkFiniteOutputs } from '../features/finite-output.js';
import { fitPreprocessor, transformTable, type Preprocessor } from '../features/preprocessor.js';
import { fitModel, type FittedModel } from '../model/fit-model.js';
import { gainImportance } from '../model/gbdt/tree-shap.js';
import { loadScorer } from '../model/scorer.js';
import type { DataSource, Files, Logger } from '../ports.js';
import { buildReport } from '../report/run-report.js';
import { loadSpec } from '../spec/load-spec.js';
import type { Gate, LoadedPipeline, PipelineSpec } from '../spec/types.js';
import { buildMetricsDoc } from '../evaluate/metrics-doc.js';
import { prepareRows, type PreparedRows } from './prepare-rows.js';
import { readDataTable } from './read-data.js';
import { budgetedBootstrap, oneHotBlocks, runContentKey, sliceValues, stageTimer, type RunDeps, type RunRequest, type RunResult } from './run-parts.js';
import { type BaselineSource, compareProductionModel } from './score-baseline.js';

export type { RunDeps, RunRequest, RunResult } from './run-parts.js';

/**
 * Rows from which an in-memory linear run on Parquet suggests data.stream: ~700 MiB per 3M rows
 * of 5 columns in memory (npm run bench -- scale), so a 7 GiB CI runner is near its limit at ~20M.
 * Only a hint: streaming splits rows differently, so it is never switched on by itself.
 */
const STREAM_HINT_ROWS = 10_000_000;

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
  if (spec.data.stream === true) {
    // Imported here: its Parquet stream reader and codecs cost every in-memory run ~40 ms to load.
    const { runStreamed } = await import('./run-streamed.js');
    return runStreamed(deps, req, pipeline, deps.data ?? repoDataSource(deps.files));
  }
  const { fingerprint, table: raw } = await readDataTable(deps.data ?? repoDataSource(deps.files), spec, deps.engine);
  timer.lap('read');
  if (raw.rowCount >= STREAM_HINT_ROWS && spec.data.format === 'parquet' && spec.model.type === 'linear') {
    deps.log.info(`${spec.data.source}: ${raw.rowCount} rows read into memory; \`data.stream: true\` trains on Parquet row groups in bounded memory (docs/pipeline.md)`);
  }

  const rows = prepareRows(spec, raw);
  for (const w of rows.warnings) deps.log.warn(w);
  timer.lap('split');

  // Sorted once: the preprocessor's median and the reference statistics both read them.
  const sortedTrain = sortedPresentColumns(rows.trainTable, rows.schema.numeric);
  const preprocessor = fitPreprocessor({
    table: rows.trainTable,
    sorted: sortedTrain,
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
  const bootstrap = budgetedBootstrap(spec.evaluate.bootstrap, test.rows, deps.log);
  const evaluation = evaluatePredictions({
    task: spec.model.task,
    yTrue: rows.yTest,
    output,
    classes: rows.classes,
    threshold: spec.evaluate.threshold,
    bootstrap,
    slices: rows.sliceColumns.map((column) => ({ column, values: sliceValues(rows.testTable, column) })),
    minSliceRows: spec.evaluate.min_slice_rows,
    helpers: deps.bootstrapHelpers,
  });
  const baseline = req.baseline ? await compareWithProduction(req.baseline, { spec, rows, output, bootstrap, log: deps.log, helpers: deps.bootstrapHelpers }) : undefined;
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
    bootstrapSamples: bootstrap.samples,
    ...(model.trees ? { importance: gainImportance(model.trees.json) } : {}),
    durationsMs: timer.done(),
  });
  const stats = referenceStats(rows.trainTable, rows.schema, sortedTrain);
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
  ctx: { spec: PipelineSpec; rows: PreparedRows; output: Float32Array; bootstrap: PipelineSpec['evaluate']['bootstrap']; log: Logger; helpers?: ResampleHelpers },
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
    helpers: ctx.helpers,
  });
  ctx.log.info(`baseline: production v${baseline.version} scored on the ${rows.testTable.rowCount} test rows`);
  return baseline;
}

/** Slice columns of the gates against production: those slices are compared on their own rows. */
function productionSliceColumns(gates: Gate[]): string[] {
  const columns = gates.filter((g) => g.slice !== undefined && (g.max_drop !== undefined || g.max_drop_rel !== undefined));
  return [...new Set(columns.map((g) => g.slice as string))];
}

export { runContentKey } from './run-parts.js';
