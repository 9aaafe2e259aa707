import { createRequire as __pipepilotCreateRequire } from 'node:module';
import { fileURLToPath as __pipepilotFileURLToPath } from 'node:url';
const require = __pipepilotCreateRequire(import.meta.url);
var __filename = __pipepilotFileURLToPath(import.meta.url);
var __dirname = __pipepilotFileURLToPath(new URL('.', import.meta.url));
import {
  compressors,
  corrupt,
  fillChunk,
  layoutOf
} from "./chunk-7HTHO3KL.js";
import {
  CHUNK_ROWS,
  NormalEquations,
  SoftmaxWorkspace,
  Workspace,
  accumulateGradient,
  accumulateGram,
  applyFeatureSchema,
  assemblePreprocessor,
  budgetedBootstrap,
  buildMetricsDoc,
  buildReport,
  categoricalFromCounts,
  centerAcrossClasses,
  checkFiniteOutputs,
  checkStreamedData,
  checkedSliceColumns,
  choleskySolve,
  classLabels,
  compareProductionModel,
  countCategories,
  dot,
  evaluateGates,
  factorBlocks,
  factorSpd,
  fillWeightedRows,
  fingerprintData,
  finishSoftmaxPass,
  gatesPassed,
  inferFeatureSchema,
  loadScorer,
  maxAbs,
  nonFiniteFailures,
  oneHotBlocks,
  outputFor,
  outputUnits,
  planMissingIndicatorsFrom,
  prepareTarget,
  quasiNewtonDirection,
  referenceStats,
  rememberPair,
  rowWeights,
  runContentKey,
  sliceValues,
  softmaxPass,
  stageTimer,
  takeRows,
  targetColumn,
  toTfjsArtifacts,
  transformTable,
  unpack
} from "./chunk-A7R3OLQL.js";
import "./chunk-WU4UF6XR.js";
import {
  Rng,
  evaluatePredictions,
  fmix32
} from "./chunk-ORQHQG6C.js";
import {
  parquetMetadataAsync,
  parquetRead,
  parquetSchema
} from "./chunk-OOSRC25T.js";
import {
  DataError
} from "./chunk-5VPJA5XD.js";
import "./chunk-FT3D6YK5.js";

// src/data/parquet-stream.ts
async function openParquetStream(buffer, opts) {
  const { file } = opts;
  if (buffer.byteLength === 0) throw corrupt(file, new Error("the file is empty"));
  let metadata;
  try {
    metadata = await parquetMetadataAsync(buffer);
  } catch (err) {
    throw corrupt(file, err);
  }
  const layout = layoutOf(metadata, parquetSchema(metadata).children, opts);
  const groups = [];
  let start = 0;
  for (const group of metadata.row_groups) {
    const rows = Number(group.num_rows);
    groups.push({ rowStart: start, rowEnd: start + rows });
    start += rows;
  }
  if (start !== layout.rowCount) throw corrupt(file, new Error(`the row groups hold ${start} rows, the footer says ${layout.rowCount}`));
  return { file, buffer, metadata, layout, groups, missing: opts.missing };
}
async function readRowGroup(stream, group, columns) {
  const rows = group.rowEnd - group.rowStart;
  const out = /* @__PURE__ */ new Map();
  const written = /* @__PURE__ */ new Map();
  for (const { name, kind } of columns) {
    out.set(name, kind === "numeric" ? { kind: "numeric", values: new Float64Array(rows).fill(NaN) } : { kind: "categorical", values: new Array(rows).fill(null) });
    written.set(name, 0);
  }
  if (columns.length > 0 && rows > 0) {
    try {
      await parquetRead({
        file: stream.buffer,
        metadata: stream.metadata,
        compressors,
        columns: columns.map((c) => c.name),
        rowStart: group.rowStart,
        rowEnd: group.rowEnd,
        onChunk: (chunk) => {
          const target = out.get(chunk.columnName);
          if (target !== void 0) written.set(chunk.columnName, (written.get(chunk.columnName) ?? 0) + fillChunk(target, chunk, stream.missing, group.rowStart));
        }
      });
    } catch (err) {
      throw corrupt(stream.file, err);
    }
  }
  for (const [name, n] of written) {
    if (n !== rows) {
      throw corrupt(stream.file, new Error(`column '${name}' has ${n} values in the row group of rows ${group.rowStart}\u2013${group.rowEnd - 1}, which holds ${rows}`));
    }
  }
  return { rowCount: rows, columns: out };
}
function hyparquetRowGroups(stream) {
  return {
    name: "hyparquet",
    scan: (columns) => readRowGroupsFrom(stream, 0, columns),
    close: () => {
    }
  };
}
async function* readRowGroupsFrom(stream, first, columns) {
  for (let g = first; g < stream.groups.length; g++) yield await readRowGroup(stream, stream.groups[g], columns);
}

// src/data/row-split.ts
function isTestRow(row, seed, fraction) {
  const h = fmix32((fmix32((seed ^ 2654435769) >>> 0) ^ row) >>> 0);
  return h / 4294967296 < fraction;
}

// src/features/streamed-preprocessor.ts
var PreprocessorSums = class {
  constructor(features, spec, file) {
    this.features = features;
    this.spec = spec;
    this.file = file;
    for (const name of features.numeric) this.numeric.set(name, { count: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity, missing: 0 });
    for (const name of features.categorical) this.counts.set(name, /* @__PURE__ */ new Map());
  }
  features;
  spec;
  file;
  numeric = /* @__PURE__ */ new Map();
  counts = /* @__PURE__ */ new Map();
  rows = 0;
  /** Adds the training rows of `table` (its features already of the schema's kinds: applyFeatureSchema). */
  add(table) {
    this.rows += table.rowCount;
    for (const [name, m] of this.numeric) {
      const col = table.columns.get(name);
      if (col?.kind !== "numeric") throw new Error(`internal: numeric column '${name}' not in the batch`);
      addMoments(m, col.values);
    }
    for (const [name, counts] of this.counts) {
      const col = table.columns.get(name);
      if (col?.kind !== "categorical") throw new Error(`internal: categorical column '${name}' not in the batch`);
      countCategories(col.values, this.spec, counts);
    }
  }
  /** The fitted preprocessor (target as given; missing indicators as planned from the pass's missing counts). */
  preprocessor(target, missingIndicators) {
    const numeric = [...this.numeric].map(([name, m]) => this.numericFeature(name, m));
    const categorical = [...this.counts].map(([name, counts]) => categoricalFromCounts(name, counts, this.spec));
    return assemblePreprocessor(numeric, categorical, { features: { ...this.features, missingIndicators }, spec: this.spec, target });
  }
  numericFeature(name, m) {
    const spec = this.spec;
    const fill = spec.impute.numeric === "constant" || m.count === 0 ? spec.impute.fill_numeric : m.mean;
    const overflow = (what) => new DataError(
      `${this.file}: the ${what} of feature '${name}' overflows float64 on the training rows`,
      { file: this.file, column: name, rule: "finite", hint: "A value in this column is far out of range (beyond ~1e154); fix or drop it." }
    );
    if (!Number.isFinite(fill) || !Number.isFinite(m.mean)) throw overflow("mean");
    if (spec.scale === "none") return { name, fill, center: 0, scale: 1 };
    const n = m.count + m.missing;
    if (spec.scale === "minmax") {
      const min = m.missing > 0 ? Math.min(m.min, fill) : m.min;
      const max = m.missing > 0 ? Math.max(m.max, fill) : m.max;
      if (n > 0 && !Number.isFinite(max - min)) throw overflow("range (max \u2212 min)");
      return { name, fill, center: n > 0 ? min : 0, scale: nonZero(max - min) };
    }
    const mean = n > 0 ? (m.count * m.mean + m.missing * fill) / n : 0;
    const ss = m.m2 + m.count * (m.mean - mean) ** 2 + m.missing * (fill - mean) ** 2;
    if (!Number.isFinite(ss)) throw overflow("variance");
    return { name, fill, center: mean, scale: nonZero(n > 0 ? Math.sqrt(ss / n) : 0) };
  }
  /** Training rows added. */
  get trainRows() {
    return this.rows;
  }
};
function addMoments(m, values) {
  let count = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    count++;
    sum += v;
    if (v < m.min) m.min = v;
    if (v > m.max) m.max = v;
  }
  m.missing += values.length - count;
  if (count === 0) return;
  const mean = sum / count;
  let m2 = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isNaN(v)) m2 += (v - mean) * (v - mean);
  }
  const total = m.count + count;
  const delta = mean - m.mean;
  m.mean += delta * count / total;
  m.m2 += m2 + delta * delta * m.count * count / total;
  m.count = total;
}
function nonZero(scale) {
  return scale > 0 && Number.isFinite(scale) ? scale : 1;
}

// src/model/streamed-logistic.ts
async function fitLogisticStreamed(pass, cols, rate, opts) {
  const q = cols + 1;
  const ws = new Workspace(cols);
  let theta = new Float64Array(q);
  if (rate > 0 && rate < 1) theta[cols] = Math.log(rate / (1 - rate));
  const notes = [];
  const losses = [];
  let jitterNoted = false;
  let cur = await evaluate(pass, theta, opts.l2, ws);
  let iterations = 0;
  while (iterations < opts.maxIter && maxAbs(cur.grad) > opts.tol) {
    iterations++;
    const f = factorSpd(cur.hess, q);
    if (f.jitter > 0 && !jitterNoted) {
      jitterNoted = true;
      notes.push(`the Hessian was singular (collinear features or separable classes): added ${f.jitter.toPrecision(2)} to its diagonal`);
    }
    const dir = choleskySolve(f.l, q, cur.grad.map((g) => -g));
    const slope = dot(cur.grad, dir);
    if (!(slope < 0)) break;
    let accepted;
    for (let k = 0, t = 1; k < 30; k++, t /= 2) {
      const cand = theta.map((v, i) => v + t * dir[i]);
      const next = await evaluate(pass, cand, opts.l2, ws);
      if (next.objective <= cur.objective + 1e-4 * t * slope) {
        accepted = { theta: cand, pass: next };
        break;
      }
    }
    if (accepted === void 0) break;
    theta = accepted.theta;
    cur = accepted.pass;
    losses.push(cur.loss);
  }
  if (maxAbs(cur.grad) > opts.tol && iterations >= opts.maxIter) {
    notes.push(`logistic regression did not converge in ${opts.maxIter} iterations (raise model.params.max_iter)`);
  }
  if (losses.length === 0) losses.push(cur.loss);
  return { weights: theta.slice(0, cols), bias: theta.slice(cols), iterations, losses, notes };
}
async function evaluate(pass, theta, l2, ws) {
  const { cols, width, g, h, gram } = ws;
  const q = cols + 1;
  const grad = new Float64Array(q);
  gram.fill(0);
  let loss = 0;
  let rows = 0;
  await pass((x, batchRows, y) => {
    for (let start = 0; start < batchRows; start += CHUNK_ROWS) {
      const n = Math.min(CHUNK_ROWS, batchRows - start);
      loss += rowWeights(x, start * cols, cols, cols, y, start, 1, n, theta, g, h);
      accumulateGradient(x, start * cols, cols, cols, g, n, grad);
      fillWeightedRows(x, start * cols, cols, cols, h, n, ws);
      accumulateGram(ws.c, n, width, q, gram);
    }
    rows += batchRows;
  });
  let penalty = 0;
  for (let i = 0; i < cols; i++) penalty += theta[i] * theta[i];
  for (let i = 0; i < q; i++) grad[i] = grad[i] / rows + (i < cols ? l2 * theta[i] : 0);
  const hess = new Float64Array(q * q);
  for (let i = 0; i < q; i++) {
    for (let j = 0; j <= i; j++) hess[i * q + j] = gram[i * width + j] / rows;
    if (i < cols) hess[i * q + i] += l2;
  }
  return { loss: loss / rows, objective: loss / rows + 0.5 * l2 * penalty, grad, hess };
}
async function fitSoftmaxStreamed(pass, cols, classRows, opts) {
  const k = classRows.length;
  const q = cols + 1;
  const ws = new SoftmaxWorkspace(cols, k);
  const total = classRows.reduce((a, b) => a + b, 0);
  let theta = new Float64Array(q * k);
  const logs = classRows.map((n) => Math.log(Math.max(n, 0.5) / total));
  const mean = logs.reduce((a, b) => a + b, 0) / k;
  logs.forEach((v, c) => theta[c * q + cols] = v - mean);
  const state = { theta, iterations: 0, jitterNoted: false, notes: [], losses: [] };
  let cur = await evaluateSoftmax(pass, theta, cols, k, opts.l2, true, ws);
  const factors = factorBlocks(cur.blocks, q, state);
  const applyInitial = (v) => {
    factors.forEach((l, c) => v.set(choleskySolve(l, q, v.subarray(c * q, (c + 1) * q)), c * q));
    centerAcrossClasses(v, q, k);
  };
  const pairs = { ss: [], ys: [] };
  let iterations = 0;
  while (iterations < opts.maxIter && maxAbs(cur.grad) > opts.tol) {
    iterations++;
    const dir = quasiNewtonDirection(cur.grad, pairs, applyInitial);
    const slope = dot(cur.grad, dir);
    let accepted;
    for (let step = 0, t = 1; step < 30; step++, t /= 2) {
      const cand = theta.map((v, i) => v + t * dir[i]);
      const next = await evaluateSoftmax(pass, cand, cols, k, opts.l2, false, ws);
      if (next.objective <= cur.objective + 1e-4 * t * slope) {
        accepted = { theta: cand, pass: next };
        break;
      }
    }
    if (accepted === void 0) break;
    rememberPair(theta, cur.grad, accepted, pairs);
    theta = accepted.theta;
    cur = accepted.pass;
    state.losses.push(cur.loss);
  }
  if (maxAbs(cur.grad) > opts.tol && iterations >= opts.maxIter) {
    state.notes.push(`multinomial logistic regression did not converge in ${opts.maxIter} iterations; raise model.params.max_iter`);
  }
  if (state.losses.length === 0) state.losses.push(cur.loss);
  return { ...unpack(theta, cols, k), iterations, losses: state.losses, notes: state.notes };
}
async function evaluateSoftmax(pass, theta, cols, k, l2, withHessian, ws) {
  const q = cols + 1;
  const grad = new Float64Array(q * k);
  const blocks = withHessian ? Array.from({ length: k }, () => new Float64Array(q * q)) : void 0;
  let loss = 0;
  let rows = 0;
  await pass((x, n, y) => {
    if (n === 0) return;
    const part = softmaxPass({ x, y, cols, k }, { stride: 1, rows: n }, theta, 0, withHessian, ws);
    loss += part.loss * n;
    for (let i = 0; i < grad.length; i++) grad[i] += part.grad[i] * n;
    part.blocks?.forEach((block, c) => {
      const sum = blocks[c];
      for (let i = 0; i < block.length; i++) sum[i] += block[i] * n;
    });
    rows += n;
  });
  const out = finishSoftmaxPass(loss, grad, theta, { k, q, cols, rows, l2 });
  if (blocks !== void 0) {
    out.blocks = blocks.map((block) => {
      for (let i = 0; i < block.length; i++) block[i] /= rows;
      for (let i = 0; i < cols; i++) block[i * q + i] += l2;
      return block;
    });
  }
  return out;
}

// src/use-cases/run-streamed.ts
var SCHEMA_ROWS = 1e5;
var LARGE_ROW_GROUP = 2e6;
var REFERENCE_SAMPLE_ROWS = 1e5;
async function runStreamed(deps, req, pipeline, source) {
  const timer = stageTimer(deps.clock);
  const { spec } = pipeline;
  const file = spec.data.source;
  const opened = source.openFile ? await source.openFile(spec.data) : inMemory(await source.readBytes(spec.data));
  let reader;
  try {
    const stream = await openParquetStream(opened, { file, missing: new Set(spec.data.missing_values) });
    reader = (opened.path !== void 0 ? await deps.engine?.openRowGroups?.(opened.path, stream) : void 0) ?? hyparquetRowGroups(stream);
    const largest = stream.groups.reduce((m, g) => Math.max(m, g.rowEnd - g.rowStart), 0);
    if (largest > LARGE_ROW_GROUP) {
      deps.log.warn(`${file}: a row group of ${largest} rows: data.stream holds one row group at a time, so memory grows with it; write the file with smaller row groups (e.g. DuckDB's ROW_GROUP_SIZE 122880) to keep it small`);
    }
    const head = await readHead(stream);
    const inferred = inferFeatureSchema(head, spec.data, spec.model.task);
    if (spec.model.task === "regression") prepareTarget(head, inferred.schema, "regression", { file });
    else targetColumn(head, inferred.schema, file);
    const sliceColumns = checkedSliceColumns(spec, head);
    const plans = columnPlans(stream, [inferred.schema.target, ...inferred.schema.numeric, ...inferred.schema.categorical, ...sliceColumns]);
    timer.lap("read");
    const progress = (pass) => (done) => deps.progress?.({ stage: pass, done, total: stream.groups.length, detail: "row groups" });
    const stats = await statisticsPass(stream, reader, plans, spec, inferred.schema, progress("statistics"));
    const classes = spec.model.task === "regression" ? [] : classLabels([...stats.labelRows.keys()], spec.model.task, file, inferred.schema.target, spec.data.positive_class);
    const missingFraction = (name) => stats.missing.has(name) ? stats.missing.get(name) / Math.max(1, stats.rowsUsed) : void 0;
    const { schema, warnings: imputeWarnings } = planMissingIndicatorsFrom(missingFraction, inferred.schema, spec.data);
    const warnings = [...inferred.warnings, ...imputeWarnings];
    for (const w of warnings) deps.log.warn(w);
    checkStreamedData({ rows: stats.rowsUsed, missing: stats.missing, classRows: classes.map((c) => stats.labelRows.get(c) ?? 0) }, schema, classes, spec.data, spec.model.task, stats.nonFinite);
    if (stats.trainRows === 0 || stats.testRows === 0) {
      throw new DataError(`${file}: splitting ${stats.rowsUsed} row(s) with test ${spec.data.split.test} leaves ${stats.trainRows} for training and ${stats.testRows} for testing`, {
        file,
        rule: "split",
        hint: "Use more data, or change data.split.test so both sets get rows."
      });
    }
    const target = { name: schema.target, task: spec.model.task, classes, threshold: spec.evaluate.threshold };
    const preprocessor = stats.sums.preprocessor(target, schema.missingIndicators);
    deps.log.info(`stream: ${stream.groups.length} row group(s), ${stats.rowsRead} rows, decoded by ${reader.name}; split by row hash: ${stats.trainRows} train, ${stats.testRows} test`);
    timer.lap("split");
    timer.lap("preprocess");
    const labelIndex = new Map(classes.map((c, i) => [c, i]));
    const rows = new RowReader(stream, reader, plans, spec, schema, labelIndex, progress);
    const fit = await fitLinear(spec, preprocessor, rows, stats);
    for (const note of fit.notes) deps.log.info(`note: ${note}`);
    const trained = trainedModel(spec, fit, preprocessor.outputNames.length, classes.length);
    const tfjs = toTfjsArtifacts(trained, { name: spec.name });
    timer.lap("fit");
    const model = await loadScorer(tfjs.modelJson, tfjs.weightsBin);
    const scored = await scoreTestRows(rows, preprocessor, sliceColumns, req.baseline !== void 0, (x, n, cols) => model.predict(x, n, cols));
    model.dispose();
    reader.close();
    reader = void 0;
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
      helpers: deps.bootstrapHelpers
    });
    let baseline;
    if (req.baseline !== void 0 && scored.allColumns !== void 0) {
      const table = scored.allColumns;
      const productionSlices = [...new Set(spec.gates.filter((g) => g.slice !== void 0 && (g.max_drop !== void 0 || g.max_drop_rel !== void 0)).map((g) => g.slice))];
      baseline = await compareProductionModel(req.baseline, {
        table,
        yTrue: scored.y,
        candidate: scored.output,
        task: spec.model.task,
        target: schema.target,
        classes,
        threshold: spec.evaluate.threshold,
        bootstrap,
        slices: productionSlices.map((column) => ({ column, values: sliceValues(table, column) })),
        minSliceRows: spec.evaluate.min_slice_rows,
        file,
        sourceRows: scored.sourceRows,
        helpers: deps.bootstrapHelpers
      });
      deps.log.info(`baseline: production v${baseline.version} scored on the ${scored.rows} test rows`);
    }
    const gates = evaluateGates(spec.gates, evaluation, { baseline });
    timer.lap("evaluate");
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
        inputColumns: preprocessor.outputNames.length
      },
      trained,
      evaluation,
      gates,
      baseline,
      bootstrapSamples: bootstrap.samples,
      durationsMs: timer.done()
    });
    return {
      pipeline,
      metrics,
      report: buildReport(metrics),
      artifacts: { modelJson: tfjs.modelJson, weightsBin: tfjs.weightsBin, preprocessor, referenceStats: referenceStats(stats.sample.table(), schema) },
      gatesPassed: gatesPassed(gates)
    };
  } finally {
    reader?.close();
    await opened.close();
  }
}
function inMemory(bytes) {
  return {
    fingerprint: fingerprintData(bytes),
    byteLength: bytes.byteLength,
    slice: (start, end = bytes.byteLength) => Promise.resolve(bytes.slice(start, end).buffer),
    close: () => Promise.resolve()
  };
}
function columnPlans(stream, names) {
  const wanted = new Set(names);
  return stream.layout.columns.filter((c) => wanted.has(c.name));
}
async function readHead(stream) {
  const parts = [];
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
async function* rowGroups(stream, reader, plans) {
  let index = 0;
  for await (const raw of reader.scan(plans)) {
    const group = stream.groups[index];
    if (group === void 0 || raw.rowCount !== group.rowEnd - group.rowStart) throw new Error(`${reader.name} gave row group ${index + 1} of ${raw.rowCount} rows; the footer counts ${group === void 0 ? "no such group" : group.rowEnd - group.rowStart}`);
    yield { index, group, raw };
    index++;
  }
  if (index !== stream.groups.length) throw new Error(`${reader.name} gave ${index} of ${stream.groups.length} row groups`);
}
var RowReader = class {
  constructor(stream, reader, plans, spec, schema, labelIndex, progress) {
    this.stream = stream;
    this.reader = reader;
    this.plans = plans;
    this.spec = spec;
    this.schema = schema;
    this.labelIndex = labelIndex;
    this.progress = progress;
  }
  stream;
  reader;
  plans;
  spec;
  schema;
  labelIndex;
  progress;
  passes = 0;
  /** One pass over the row groups: `visit` gets each group's rows of one side of the split (`test`: false → train rows). */
  async forEach(test, visit, plans = this.plans) {
    const report = this.progress(test ? "scoring" : `fit pass ${++this.passes}`);
    for await (const { index, group, raw } of rowGroups(this.stream, this.reader, plans)) {
      report(index);
      const targetColumn2 = raw.columns.get(this.schema.target);
      const keep = [];
      for (let r = 0; r < raw.rowCount; r++) {
        if (isMissing(targetColumn2, r)) continue;
        if (isTestRow(group.rowStart + r, this.spec.data.split.seed, this.spec.data.split.test) === test) keep.push(r);
      }
      if (keep.length === 0) continue;
      const rows = takeRows(raw, keep);
      const table = applyFeatureSchema(rows, this.schema);
      for (const [name, column] of rows.columns) if (!table.columns.has(name)) table.columns.set(name, column);
      visit({ table, sourceRows: Uint32Array.from(keep, (r) => group.rowStart + r), y: this.labels(rows.columns.get(this.schema.target)) }, rows);
    }
  }
  labels(column) {
    if (this.spec.model.task === "regression") return Float64Array.from(column.values);
    const y = new Float64Array(column.values.length);
    for (let i = 0; i < y.length; i++) y[i] = this.labelIndex.get(labelOf(column, i));
    return y;
  }
};
function isMissing(column, r) {
  return column.kind === "numeric" ? Number.isNaN(column.values[r]) : column.values[r] === null;
}
function labelOf(column, i) {
  if (column.kind === "categorical") return column.values[i];
  const v = column.values[i];
  return Number.isNaN(v) ? null : String(v);
}
async function statisticsPass(stream, reader, plans, spec, schema, report) {
  const features = [...schema.numeric, ...schema.categorical];
  const stats = {
    rowsRead: 0,
    rowsUsed: 0,
    trainRows: 0,
    testRows: 0,
    missing: new Map(features.map((name) => [name, 0])),
    labelRows: /* @__PURE__ */ new Map(),
    trainLabelRows: /* @__PURE__ */ new Map(),
    nonFinite: [],
    sums: new PreprocessorSums({ numeric: schema.numeric, categorical: schema.categorical }, spec.preprocess, spec.data.source),
    sample: new ReservoirSample(REFERENCE_SAMPLE_ROWS, spec.model.seed, features)
  };
  const failed = /* @__PURE__ */ new Set();
  const { seed, test } = spec.data.split;
  for await (const { index, group, raw } of rowGroups(stream, reader, plans)) {
    report(index);
    stats.rowsRead += raw.rowCount;
    const targetColumn2 = raw.columns.get(schema.target);
    const present = [];
    for (let r = 0; r < raw.rowCount; r++) if (!isMissing(targetColumn2, r)) present.push(r);
    if (present.length === 0) continue;
    const rows = present.length === raw.rowCount ? raw : takeRows(raw, present);
    const sourceRows = Uint32Array.from(present, (r) => group.rowStart + r);
    stats.rowsUsed += rows.rowCount;
    for (const name of features) {
      const column = rows.columns.get(name);
      let missing = 0;
      for (let i = 0; i < rows.rowCount; i++) if (isMissing(column, i)) missing++;
      stats.missing.set(name, stats.missing.get(name) + missing);
    }
    for (const f of nonFiniteFailures(rows, schema, spec.model.task, sourceRows)) {
      if (f.column === void 0 || failed.has(f.column)) continue;
      failed.add(f.column);
      stats.nonFinite.push(f);
    }
    const isTrain = new Uint8Array(rows.rowCount);
    const train = [];
    for (let i = 0; i < rows.rowCount; i++) {
      if (isTestRow(sourceRows[i], seed, test)) stats.testRows++;
      else {
        isTrain[i] = 1;
        train.push(i);
      }
    }
    stats.trainRows += train.length;
    const target = rows.columns.get(schema.target);
    if (spec.model.task !== "regression") {
      for (let i = 0; i < rows.rowCount; i++) {
        const label = labelOf(target, i);
        stats.labelRows.set(label, (stats.labelRows.get(label) ?? 0) + 1);
        if (isTrain[i] === 1) stats.trainLabelRows.set(label, (stats.trainLabelRows.get(label) ?? 0) + 1);
      }
    }
    if (train.length === 0 || stats.nonFinite.length > 0) continue;
    const trainTable = applyFeatureSchema(takeRows(rows, train), schema);
    stats.sums.add(trainTable);
    stats.sample.add(trainTable);
  }
  return stats;
}
async function fitLinear(spec, pre, rows, stats) {
  const cols = pre.outputNames.length;
  const origin = (sourceRows) => ({ file: spec.data.source, sourceRows });
  const pass = (visit) => rows.forEach(false, (batch) => {
    const t = transformTable(pre, batch.table, origin(batch.sourceRows));
    visit(t.x, t.rows, batch.y);
  });
  if (spec.model.task === "regression") {
    const sums = new NormalEquations(cols);
    await pass((x, n, y) => sums.add(x, n, y));
    return sums.solve(spec.model.params.l2 ?? 0, oneHotBlocks(pre));
  }
  const opts = { l2: spec.model.params.l2 ?? 1 / stats.trainRows, maxIter: spec.model.params.max_iter, tol: spec.model.params.tol };
  if (spec.model.task === "multiclass_classification") {
    return fitSoftmaxStreamed(pass, cols, pre.target.classes.map((c) => stats.trainLabelRows.get(c) ?? 0), opts);
  }
  const positives = stats.trainLabelRows.get(pre.target.classes[1]) ?? 0;
  return fitLogisticStreamed(pass, cols, positives / stats.trainRows, opts);
}
function trainedModel(spec, fit, cols, classCount) {
  const output = outputFor(spec.model.task);
  return {
    layers: [{
      weights: Float32Array.from(fit.weights),
      bias: Float32Array.from(fit.bias),
      inputs: cols,
      units: outputUnits(spec.model.task, classCount),
      activation: output
    }],
    output,
    dropout: 0,
    history: fit.losses.map((loss, i) => ({ epoch: i + 1, loss })),
    iterations: fit.iterations,
    notes: fit.notes
  };
}
async function scoreTestRows(rows, pre, sliceColumns, withAllColumns, predict) {
  const output = new Grow(Float32Array);
  const y = new Grow(Float64Array);
  const sourceRows = new Grow(Uint32Array);
  const slices = new Map(sliceColumns.map((c) => [c, []]));
  const all = [];
  const plans = withAllColumns ? rows.stream.layout.columns : void 0;
  await rows.forEach(true, (batch, raw) => {
    const origin = { file: rows.spec.data.source, sourceRows: batch.sourceRows };
    const t = transformTable(pre, batch.table, origin);
    const out = predict(t.x, t.rows, t.cols);
    checkFiniteOutputs(pre, batch.table, t, out, origin);
    output.push(out);
    y.push(batch.y);
    if (withAllColumns) sourceRows.push(batch.sourceRows);
    for (const [column, values] of slices) for (const v of sliceValues(raw, column)) values.push(v);
    if (withAllColumns) all.push(raw);
  }, plans);
  const n = output.length;
  return {
    rows: n,
    output: output.done(),
    y: y.done(),
    sourceRows: sourceRows.done(),
    slices,
    ...withAllColumns ? { allColumns: all.length > 0 ? concatTables(all) : { rowCount: 0, columns: /* @__PURE__ */ new Map() } } : {}
  };
}
var Grow = class {
  constructor(make) {
    this.make = make;
    this.buf = new make(1024);
  }
  make;
  buf;
  length = 0;
  push(values) {
    if (this.length + values.length > this.buf.length) {
      const next = new this.make(Math.max(this.buf.length * 2, this.length + values.length));
      next.set(this.buf.subarray(0, this.length));
      this.buf = next;
    }
    this.buf.set(values, this.length);
    this.length += values.length;
  }
  done() {
    return this.buf.slice(0, this.length);
  }
};
function concatTables(parts) {
  const rowCount = parts.reduce((n, t) => n + t.rowCount, 0);
  const columns = /* @__PURE__ */ new Map();
  for (const [name, first] of parts[0].columns) {
    if (first.kind === "numeric") {
      const values = new Float64Array(rowCount);
      let at = 0;
      for (const t of parts) {
        const col = t.columns.get(name);
        values.set(col.values, at);
        at += t.rowCount;
      }
      columns.set(name, { kind: "numeric", values });
    } else {
      const values = [];
      for (const t of parts) for (const v of t.columns.get(name).values) values.push(v);
      columns.set(name, { kind: "categorical", values });
    }
  }
  return { rowCount, columns };
}
var ReservoirSample = class {
  constructor(size, seed, names) {
    this.size = size;
    this.names = names;
    this.rng = new Rng(seed);
  }
  size;
  names;
  seen = 0;
  columns = /* @__PURE__ */ new Map();
  rng;
  add(table) {
    for (let r = 0; r < table.rowCount; r++) {
      let slot = this.seen;
      if (slot >= this.size) {
        slot = this.rng.int(this.seen + 1);
        if (slot >= this.size) {
          this.seen++;
          continue;
        }
      }
      this.seen++;
      for (const name of this.names) {
        const source = table.columns.get(name);
        let target = this.columns.get(name);
        if (target === void 0) {
          target = source.kind === "numeric" ? { kind: "numeric", values: new Float64Array(this.size) } : { kind: "categorical", values: new Array(this.size).fill(null) };
          this.columns.set(name, target);
        }
        target.values[slot] = source.values[r];
      }
    }
  }
  table() {
    const rows = Math.min(this.seen, this.size);
    const columns = /* @__PURE__ */ new Map();
    for (const [name, col] of this.columns) {
      columns.set(name, col.kind === "numeric" ? { kind: "numeric", values: col.values.slice(0, rows) } : { kind: "categorical", values: col.values.slice(0, rows) });
    }
    return { rowCount: rows, columns };
  }
};
export {
  LARGE_ROW_GROUP,
  REFERENCE_SAMPLE_ROWS,
  SCHEMA_ROWS,
  runStreamed
};
