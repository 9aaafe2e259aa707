import { DataError } from '../errors.js';
import { checkStreamedData, nonFiniteFailures, type Failure } from '../data/checks.js';
import { applyFeatureSchema, inferFeatureSchema, type FeatureSchema } from '../data/feature-schema.js';
import { fingerprintData } from '../data/fingerprint.js';
import { planMissingIndicatorsFrom } from '../data/missing-indicators.js';
import { hyparquetRowGroups, openParquetStream, readRowGroup, type ParquetStream, type RowGroupReader } from '../data/parquet-stream.js';
import type { ParquetColumnPlan } from '../data/read-parquet.js';
import { referenceStats } from '../data/reference-stats.js';
import { isTestRow } from '../data/row-split.js';
import { takeRows, type Column, type Table } from '../data/table.js';
import { classLabels, prepareTarget, targetColumn } from '../data/target.js';
import { evaluatePredictions } from '../evaluate/evaluation.js';
import { evaluateGates, gatesPassed, type GateBaseline } from '../evaluate/gates.js';
import { buildMetricsDoc } from '../evaluate/metrics-doc.js';
import { checkFiniteOutputs } from '../features/finite-output.js';
import { transformTable, type Preprocessor } from '../features/preprocessor.js';
import { PreprocessorSums } from '../features/streamed-preprocessor.js';
import { NormalEquations, type LinearFit } from '../model/ridge.js';
import { loadScorer } from '../model/scorer.js';
import { fitLogisticStreamed, fitSoftmaxStreamed, type RowPass } from '../model/streamed-logistic.js';
import { toTfjsArtifacts } from '../model/tfjs-format.js';
import { outputFor, outputUnits, type TrainedModel } from '../model/types.js';
import type { DataSource, OpenedDataFile } from '../ports.js';
import { buildReport } from '../report/run-report.js';
import { Rng } from '../rng.js';
import type { LoadedPipeline, PipelineSpec } from '../spec/types.js';
import { checkedSliceColumns } from './prepare-rows.js';
import { budgetedBootstrap, oneHotBlocks, runContentKey, sliceValues, stageTimer, type RunDeps, type RunRequest, type RunResult } from './run-parts.js';
import { compareProductionModel } from './score-baseline.js';

/** Rows of the file's first row groups that type the columns and infer unlisted features (the whole file is never read at once). */
export const SCHEMA_ROWS = 100_000;
/** Rows in one row group above which a streamed run warns that its memory is no longer small (a group is read whole). */
export const LARGE_ROW_GROUP = 2_000_000;
/** Training rows in the seeded sample the reference statistics (drift monitoring) are computed on. */
export const REFERENCE_SAMPLE_ROWS = 100_000;

/**
 * `pipepilot run` for `data.stream: true` (issue 10): a Parquet file bigger than memory, read
 * one row group at a time in passes, never whole.
 *
 *   1. statistics: row counts, checks, class labels, the preprocessor (mean/std, categories)
 *      on the training rows, and a seeded sample of training rows for the reference statistics;
 *   2. fit: least squares from the normal equations summed over the row groups (exact), or
 *      binary logistic regression by Newton's method, one pass per evaluation;
 *   3. scoring: the saved model on the test rows, whose predictions, labels and slice values are
 *      kept for the metrics and the bootstrap — memory O(test rows), all else O(row group).
 *
 * The split is by a seeded hash of each row's number in the file (`isTestRow`), so it needs no
 * shuffle of all rows: not the in-memory split, not stratified. Outputs are those of
 * `runPipeline`: the same metrics.json, report.md and model files.
 */
export async function runStreamed(deps: RunDeps, req: RunRequest, pipeline: LoadedPipeline, source: DataSource): Promise<RunResult> {
  const timer = stageTimer(deps.clock);
  const { spec } = pipeline;
  const file = spec.data.source;
  const opened = source.openFile ? await source.openFile(spec.data) : inMemory(await source.readBytes(spec.data));
  let reader: RowGroupReader | undefined;
  try {
    const stream = await openParquetStream(opened, { file, missing: new Set(spec.data.missing_values) });
    // A native engine (DuckDB) decodes the row groups of a file on disk when it can; the Tables are hyparquet's either way.
    reader = (opened.path !== undefined ? await deps.engine?.openRowGroups?.(opened.path, stream) : undefined) ?? hyparquetRowGroups(stream);
    const largest = stream.groups.reduce((m, g) => Math.max(m, g.rowEnd - g.rowStart), 0);
    if (largest > LARGE_ROW_GROUP) {
      deps.log.warn(`${file}: a row group of ${largest} rows: data.stream holds one row group at a time, so memory grows with it; write the file with smaller row groups (e.g. DuckDB's ROW_GROUP_SIZE 122880) to keep it small`);
    }
    const head = await readHead(stream);
    const inferred = inferFeatureSchema(head, spec.data, spec.model.task);
    // A missing target column, or a regression target of text: the usual errors, early. (Class
    // labels are counted over every row group: the first ones may hold one class only.)
    if (spec.model.task === 'regression') prepareTarget(head, inferred.schema, 'regression', { file });
    else targetColumn(head, inferred.schema, file);
    const sliceColumns = checkedSliceColumns(spec, head);
    const plans = columnPlans(stream, [inferred.schema.target, ...inferred.schema.numeric, ...inferred.schema.categorical, ...sliceColumns]);
    timer.lap('read');

    const progress = (pass: string) => (done: number) => deps.progress?.({ stage: pass, done, total: stream.groups.length, detail: 'row groups' });
    const stats = await statisticsPass(stream, reader, plans, spec, inferred.schema, progress('statistics'));
    const classes = spec.model.task === 'regression' ? [] : classLabels([...stats.labelRows.keys()], spec.model.task, file, inferred.schema.target, spec.data.positive_class);
    const missingFraction = (name: string) => (stats.missing.has(name) ? (stats.missing.get(name) as number) / Math.max(1, stats.rowsUsed) : undefined);
    const { schema, warnings: imputeWarnings } = planMissingIndicatorsFrom(missingFraction, inferred.schema, spec.data);
    const warnings = [...inferred.warnings, ...imputeWarnings];
    for (const w of warnings) deps.log.warn(w);
    checkStreamedData({ rows: stats.rowsUsed, missing: stats.missing, classRows: classes.map((c) => stats.labelRows.get(c) ?? 0) }, schema, classes, spec.data, spec.model.task, stats.nonFinite);
    if (stats.trainRows === 0 || stats.testRows === 0) {
      throw new DataError(`${file}: splitting ${stats.rowsUsed} row(s) with test ${spec.data.split.test} leaves ${stats.trainRows} for training and ${stats.testRows} for testing`, {
        file, rule: 'split', hint: 'Use more data, or change data.split.test so both sets get rows.',
      });
    }
    const target = { name: schema.target, task: spec.model.task, classes, threshold: spec.evaluate.threshold };
    const preprocessor = stats.sums.preprocessor(target, schema.missingIndicators);
    deps.log.info(`stream: ${stream.groups.length} row group(s), ${stats.rowsRead} rows, decoded by ${reader.name}; split by row hash: ${stats.trainRows} train, ${stats.testRows} test`);
    timer.lap('split');
    timer.lap('preprocess');

    const labelIndex = new Map(classes.map((c, i) => [c, i]));
    const rows = new RowReader(stream, reader, plans, spec, schema, labelIndex, progress);
    const fit = await fitLinear(spec, preprocessor, rows, stats);
    for (const note of fit.notes) deps.log.info(`note: ${note}`);
    const trained = trainedModel(spec, fit, preprocessor.outputNames.length, classes.length);
    const tfjs = toTfjsArtifacts(trained, { name: spec.name });
    timer.lap('fit');

    const model = await loadScorer(tfjs.modelJson, tfjs.weightsBin);
    const scored = await scoreTestRows(rows, preprocessor, sliceColumns, req.baseline !== undefined, (x, n, cols) => model.predict(x, n, cols));
    model.dispose();
    // The last pass is done: a native reader's memory goes back before the evaluation's peak.
    reader.close();
    reader = undefined;
    const bootstrap = budgetedBootstrap(spec.evaluate.bootstrap, scored.rows, deps.log);
    const evaluation = evaluatePredictions({
      task: spec.model.task,
      yTrue: scored.y,
      output: scored.output,
      classes,
      threshold: spec.evaluate.threshold,
      bootstrap,
      slices: sliceColumns.map((column) => ({ column, values: scored.slices.get(column) ?? [] })),
      minSliceRows: spec.evaluate.min_slice_rows,
      helpers: deps.bootstrapHelpers,
    });
    let baseline: GateBaseline | undefined;
    if (req.baseline !== undefined && scored.allColumns !== undefined) {
      const table = scored.allColumns;
      const productionSlices = [...new Set(spec.gates.filter((g) => g.slice !== undefined && (g.max_drop !== undefined || g.max_drop_rel !== undefined)).map((g) => g.slice as string))];
      baseline = await compareProductionModel(req.baseline, {
        table, yTrue: scored.y, candidate: scored.output, task: spec.model.task, target: schema.target, classes,
        threshold: spec.evaluate.threshold, bootstrap,
        slices: productionSlices.map((column) => ({ column, values: sliceValues(table, column) })),
        minSliceRows: spec.evaluate.min_slice_rows, file, sourceRows: scored.sourceRows, helpers: deps.bootstrapHelpers,
      });
      deps.log.info(`baseline: production v${baseline.version} scored on the ${scored.rows} test rows`);
    }
    const gates = evaluateGates(spec.gates, evaluation, { baseline });
    timer.lap('evaluate');

    const metrics = buildMetricsDoc({
      pipeline,
      contentKey: runContentKey({ pipeline, fingerprint: opened.fingerprint, codeVersion: req.codeVersion, backend: req.backend.name }),
      codeVersion: req.codeVersion,
      backend: req.backend,
      data: {
        fingerprint: opened.fingerprint,
        rowsRead: stats.rowsRead,
        droppedMissingTarget: stats.rowsRead - stats.rowsUsed,
        rowsUsed: stats.rowsUsed,
        train: stats.trainRows,
        test: stats.testRows,
        schema,
        warnings,
        classes,
        inputColumns: preprocessor.outputNames.length,
      },
      trained,
      evaluation,
      gates,
      baseline,
      bootstrapSamples: bootstrap.samples,
      durationsMs: timer.done(),
    });
    return {
      pipeline,
      metrics,
      report: buildReport(metrics),
      artifacts: { modelJson: tfjs.modelJson, weightsBin: tfjs.weightsBin, preprocessor, referenceStats: referenceStats(stats.sample.table(), schema) },
      gatesPassed: gatesPassed(gates),
    };
  } finally {
    reader?.close();
    await opened.close();
  }
}

/** A source without `openFile` (a test's, or an in-memory one): the bytes are already read, so range them in memory. */
function inMemory(bytes: Uint8Array): OpenedDataFile {
  return {
    fingerprint: fingerprintData(bytes),
    byteLength: bytes.byteLength,
    slice: (start, end = bytes.byteLength) => Promise.resolve(bytes.slice(start, end).buffer),
    close: () => Promise.resolve(),
  };
}

function columnPlans(stream: ParquetStream, names: string[]): ParquetColumnPlan[] {
  const wanted = new Set(names);
  return stream.layout.columns.filter((c) => wanted.has(c.name));
}

/** Every column of the first row groups, up to SCHEMA_ROWS rows (at least one group): what schema inference and the target's type see. */
async function readHead(stream: ParquetStream): Promise<Table> {
  const parts: Table[] = [];
  let rows = 0;
  for (const group of stream.groups) {
    if (rows >= SCHEMA_ROWS && parts.length > 0) break;
    const table = await readRowGroup(stream, group, stream.layout.columns);
    parts.push(table);
    rows += table.rowCount;
  }
  if (parts.length === 0) return readRowGroup(stream, { rowStart: 0, rowEnd: 0 }, stream.layout.columns);
  return concatTables(parts);
}

/** One scan of the reader, each Table beside its row group (the reader yields them in file order, one per group). */
async function* rowGroups(stream: ParquetStream, reader: RowGroupReader, plans: readonly ParquetColumnPlan[]) {
  let index = 0;
  for await (const raw of reader.scan(plans)) {
    const group = stream.groups[index];
    if (group === undefined || raw.rowCount !== group.rowEnd - group.rowStart) throw new Error(`${reader.name} gave row group ${index + 1} of ${raw.rowCount} rows; the footer counts ${group === undefined ? 'no such group' : group.rowEnd - group.rowStart}`);
    yield { index, group, raw };
    index++;
  }
  if (index !== stream.groups.length) throw new Error(`${reader.name} gave ${index} of ${stream.groups.length} row groups`);
}

/** The rows of one row group a pass works on, with their file row numbers. */
interface Batch {
  /** Features (of the schema's kinds) and slice columns. */
  table: Table;
  /** 0-based data row in the file of each row. */
  sourceRows: Uint32Array;
  y: Float64Array;
}

/** Reads the row groups, keeps the rows with a target, and hands train or test rows to a pass. */
class RowReader {
  constructor(
    readonly stream: ParquetStream,
    private readonly reader: RowGroupReader,
    private readonly plans: ParquetColumnPlan[],
    readonly spec: PipelineSpec,
    readonly schema: FeatureSchema,
    private readonly labelIndex: Map<string, number>,
    private readonly progress: (pass: string) => (done: number) => void,
  ) {}

  private passes = 0;

  /** One pass over the row groups: `visit` gets each group's rows of one side of the split (`test`: false → train rows). */
  async forEach(test: boolean, visit: (batch: Batch, raw: Table) => void, plans = this.plans): Promise<void> {
    const report = this.progress(test ? 'scoring' : `fit pass ${++this.passes}`);
    for await (const { index, group, raw } of rowGroups(this.stream, this.reader, plans)) {
      report(index);
      const targetColumn = raw.columns.get(this.schema.target) as Column;
      const keep: number[] = [];
      for (let r = 0; r < raw.rowCount; r++) {
        if (isMissing(targetColumn, r)) continue;
        if (isTestRow(group.rowStart + r, this.spec.data.split.seed, this.spec.data.split.test) === test) keep.push(r);
      }
      if (keep.length === 0) continue;
      const rows = takeRows(raw, keep);
      const table = applyFeatureSchema(rows, this.schema);
      for (const [name, column] of rows.columns) if (!table.columns.has(name)) table.columns.set(name, column); // slice columns
      visit({ table, sourceRows: Uint32Array.from(keep, (r) => group.rowStart + r), y: this.labels(rows.columns.get(this.schema.target) as Column) }, rows);
    }
  }

  private labels(column: Column): Float64Array {
    if (this.spec.model.task === 'regression') return Float64Array.from(column.values as Float64Array);
    const y = new Float64Array(column.values.length);
    for (let i = 0; i < y.length; i++) y[i] = this.labelIndex.get(labelOf(column, i) as string) as number;
    return y;
  }
}

function isMissing(column: Column, r: number): boolean {
  return column.kind === 'numeric' ? Number.isNaN(column.values[r]) : column.values[r] === null;
}

function labelOf(column: Column, i: number): string | null {
  if (column.kind === 'categorical') return column.values[i];
  const v = column.values[i];
  return Number.isNaN(v) ? null : String(v);
}

interface Statistics {
  rowsRead: number;
  rowsUsed: number;
  trainRows: number;
  testRows: number;
  /** Missing values per feature over the rows with a target (the checks' denominator). */
  missing: Map<string, number>;
  /** Rows per label (classification), all rows with a target. */
  labelRows: Map<string, number>;
  /** Training rows per label: the starting intercept of logistic regression. */
  trainLabelRows: Map<string, number>;
  nonFinite: Failure[];
  sums: PreprocessorSums;
  sample: ReservoirSample;
}

/** Pass 1: counts, checks, labels, the preprocessor's sums and the reference sample, from the row groups in turn. */
async function statisticsPass(
  stream: ParquetStream, reader: RowGroupReader, plans: ParquetColumnPlan[], spec: PipelineSpec, schema: FeatureSchema, report: (done: number) => void,
): Promise<Statistics> {
  const features = [...schema.numeric, ...schema.categorical];
  const stats: Statistics = {
    rowsRead: 0, rowsUsed: 0, trainRows: 0, testRows: 0,
    missing: new Map(features.map((name) => [name, 0])),
    labelRows: new Map(), trainLabelRows: new Map(), nonFinite: [],
    sums: new PreprocessorSums({ numeric: schema.numeric, categorical: schema.categorical }, spec.preprocess, spec.data.source),
    sample: new ReservoirSample(REFERENCE_SAMPLE_ROWS, spec.model.seed, features),
  };
  const failed = new Set<string>();
  const { seed, test } = spec.data.split;
  for await (const { index, group, raw } of rowGroups(stream, reader, plans)) {
    report(index);
    stats.rowsRead += raw.rowCount;
    const targetColumn = raw.columns.get(schema.target) as Column;
    const present: number[] = [];
    for (let r = 0; r < raw.rowCount; r++) if (!isMissing(targetColumn, r)) present.push(r);
    if (present.length === 0) continue;
    const rows = present.length === raw.rowCount ? raw : takeRows(raw, present);
    const sourceRows = Uint32Array.from(present, (r) => group.rowStart + r);
    stats.rowsUsed += rows.rowCount;
    for (const name of features) {
      const column = rows.columns.get(name) as Column;
      let missing = 0;
      for (let i = 0; i < rows.rowCount; i++) if (isMissing(column, i)) missing++;
      stats.missing.set(name, (stats.missing.get(name) as number) + missing);
    }
    for (const f of nonFiniteFailures(rows, schema, spec.model.task, sourceRows)) {
      if (f.column === undefined || failed.has(f.column)) continue;
      failed.add(f.column);
      stats.nonFinite.push(f);
    }
    const isTrain = new Uint8Array(rows.rowCount);
    const train: number[] = [];
    for (let i = 0; i < rows.rowCount; i++) {
      if (isTestRow(sourceRows[i], seed, test)) stats.testRows++;
      else { isTrain[i] = 1; train.push(i); }
    }
    stats.trainRows += train.length;
    const target = rows.columns.get(schema.target) as Column;
    if (spec.model.task !== 'regression') {
      for (let i = 0; i < rows.rowCount; i++) {
        const label = labelOf(target, i) as string;
        stats.labelRows.set(label, (stats.labelRows.get(label) ?? 0) + 1);
        if (isTrain[i] === 1) stats.trainLabelRows.set(label, (stats.trainLabelRows.get(label) ?? 0) + 1);
      }
    }
    if (train.length === 0 || stats.nonFinite.length > 0) continue; // a failed check ends the run after this pass: sums would only overflow
    const trainTable = applyFeatureSchema(takeRows(rows, train), schema);
    stats.sums.add(trainTable);
    stats.sample.add(trainTable);
  }
  return stats;
}

/** Pass 2 (and more for logistic regression): the linear model on the training rows. */
async function fitLinear(spec: PipelineSpec, pre: Preprocessor, rows: RowReader, stats: Statistics): Promise<LinearFit> {
  const cols = pre.outputNames.length;
  const origin = (sourceRows: Uint32Array) => ({ file: spec.data.source, sourceRows });
  const pass: RowPass = (visit) => rows.forEach(false, (batch) => {
    const t = transformTable(pre, batch.table, origin(batch.sourceRows));
    visit(t.x, t.rows, batch.y);
  });
  if (spec.model.task === 'regression') {
    // Least squares on the target as read: the in-memory trainer's standardized target gives the
    // same weights once de-standardized (the solution is linear in y), so nothing is scaled here.
    const sums = new NormalEquations(cols);
    await pass((x, n, y) => sums.add(x, n, y));
    return sums.solve(spec.model.params.l2 ?? 0, oneHotBlocks(pre));
  }
  const opts = { l2: spec.model.params.l2 ?? 1 / stats.trainRows, maxIter: spec.model.params.max_iter, tol: spec.model.params.tol };
  if (spec.model.task === 'multiclass_classification') {
    return fitSoftmaxStreamed(pass, cols, pre.target.classes.map((c) => stats.trainLabelRows.get(c) ?? 0), opts);
  }
  const positives = stats.trainLabelRows.get(pre.target.classes[1]) ?? 0;
  return fitLogisticStreamed(pass, cols, positives / stats.trainRows, opts);
}

/** The fit as the one Dense layer `trainModel` makes of a linear model. */
function trainedModel(spec: PipelineSpec, fit: LinearFit, cols: number, classCount: number): TrainedModel {
  const output = outputFor(spec.model.task);
  return {
    layers: [{
      weights: Float32Array.from(fit.weights),
      bias: Float32Array.from(fit.bias),
      inputs: cols,
      units: outputUnits(spec.model.task, classCount),
      activation: output,
    }],
    output,
    dropout: 0,
    history: fit.losses.map((loss, i) => ({ epoch: i + 1, loss })),
    iterations: fit.iterations,
    notes: fit.notes,
  };
}

interface Scored {
  rows: number;
  output: Float32Array;
  y: Float64Array;
  /** File rows of the test rows: kept only with `allColumns`, for the baseline's messages. */
  sourceRows: Uint32Array;
  slices: Map<string, (string | null)[]>;
  /** Every column of the test rows, only when a production baseline is scored on them. */
  allColumns?: Table;
}

/** Pass 3: the saved model's outputs on the test rows, with their labels and slice values. */
async function scoreTestRows(
  rows: RowReader, pre: Preprocessor, sliceColumns: string[], withAllColumns: boolean,
  predict: (x: Float32Array, rows: number, cols: number) => Float32Array,
): Promise<Scored> {
  const output = new Grow(Float32Array);
  const y = new Grow(Float64Array);
  const sourceRows = new Grow(Uint32Array);
  const slices = new Map(sliceColumns.map((c) => [c, [] as (string | null)[]]));
  const all: Table[] = [];
  const plans = withAllColumns ? rows.stream.layout.columns : undefined;
  await rows.forEach(true, (batch, raw) => {
    const origin = { file: rows.spec.data.source, sourceRows: batch.sourceRows };
    const t = transformTable(pre, batch.table, origin);
    const out = predict(t.x, t.rows, t.cols);
    checkFiniteOutputs(pre, batch.table, t, out, origin);
    output.push(out);
    y.push(batch.y);
    if (withAllColumns) sourceRows.push(batch.sourceRows); // messages of the baseline's scoring name rows as in the file
    for (const [column, values] of slices) for (const v of sliceValues(raw, column)) values.push(v);
    if (withAllColumns) all.push(raw);
  }, plans);
  const n = output.length;
  return {
    rows: n, output: output.done(), y: y.done(), sourceRows: sourceRows.done(), slices,
    ...(withAllColumns ? { allColumns: all.length > 0 ? concatTables(all) : { rowCount: 0, columns: new Map() } } : {}),
  };
}

type TypedArray = Float32Array | Float64Array | Uint32Array;

/** A typed array that grows by doubling (the test rows' outputs and labels: their count is known only at the end). */
class Grow<T extends TypedArray> {
  private buf: T;
  length = 0;
  constructor(private readonly make: new (n: number) => T) {
    this.buf = new make(1024);
  }
  push(values: ArrayLike<number>): void {
    if (this.length + values.length > this.buf.length) {
      const next = new this.make(Math.max(this.buf.length * 2, this.length + values.length));
      next.set(this.buf.subarray(0, this.length) as never);
      this.buf = next;
    }
    this.buf.set(values as never, this.length);
    this.length += values.length;
  }
  done(): T {
    return this.buf.slice(0, this.length) as T;
  }
}

/** Tables of the same columns, one after the other. */
function concatTables(parts: Table[]): Table {
  const rowCount = parts.reduce((n, t) => n + t.rowCount, 0);
  const columns = new Map<string, Column>();
  for (const [name, first] of parts[0].columns) {
    if (first.kind === 'numeric') {
      const values = new Float64Array(rowCount);
      let at = 0;
      for (const t of parts) {
        const col = t.columns.get(name) as Column;
        values.set(col.values as Float64Array, at);
        at += t.rowCount;
      }
      columns.set(name, { kind: 'numeric', values });
    } else {
      const values: (string | null)[] = [];
      for (const t of parts) for (const v of (t.columns.get(name) as Column).values as (string | null)[]) values.push(v);
      columns.set(name, { kind: 'categorical', values });
    }
  }
  return { rowCount, columns };
}

/**
 * A uniform sample of at most `size` training rows (Vitter's algorithm R, seeded): the
 * reference statistics for drift are computed on it, so they cost O(size), not O(rows).
 */
class ReservoirSample {
  private seen = 0;
  private readonly columns = new Map<string, Column>();
  private readonly rng: Rng;

  constructor(private readonly size: number, seed: number, private readonly names: string[]) {
    this.rng = new Rng(seed);
  }

  add(table: Table): void {
    for (let r = 0; r < table.rowCount; r++) {
      let slot = this.seen;
      if (slot >= this.size) {
        slot = this.rng.int(this.seen + 1);
        if (slot >= this.size) { this.seen++; continue; }
      }
      this.seen++;
      for (const name of this.names) {
        const source = table.columns.get(name) as Column;
        let target = this.columns.get(name);
        if (target === undefined) {
          target = source.kind === 'numeric'
            ? { kind: 'numeric', values: new Float64Array(this.size) }
            : { kind: 'categorical', values: new Array<string | null>(this.size).fill(null) };
          this.columns.set(name, target);
        }
        target.values[slot] = source.values[r] as never;
      }
    }
  }

  table(): Table {
    const rows = Math.min(this.seen, this.size);
    const columns = new Map<string, Column>();
    for (const [name, col] of this.columns) {
      columns.set(name, col.kind === 'numeric' ? { kind: 'numeric', values: col.values.slice(0, rows) } : { kind: 'categorical', values: col.values.slice(0, rows) });
    }
    return { rowCount: rows, columns };
  }
}
