import { Rng } from '../../rng.js';
import type { Task } from '../../spec/types.js';
import type { EpochRecord } from '../types.js';
import type { GbdtColumn } from './binning.js';
import { tsKernels, type TreeKernels } from './kernels.js';
import { wasmKernels } from './wasm-kernels.js';
import { growTree, type GrowRules, type GrownTree, type TrainingData } from './grow-tree.js';
import { baseScore, gradients, objectiveFor, sumLoss } from './objective.js';
import { BIN_SLOTS } from './histogram.js';
import { GBDT_FORMAT, type GbdtModelJson, type TreeJson } from './tree-format.js';

export interface GbdtSettings extends Omit<GrowRules, 'maxDepth'> {
  maxDepth?: number;
  maxIter: number;
  maxBins: number;
  /** Fraction of rows each iteration learns from (drawn without replacement), in (0, 1]. */
  subsample: number;
  /** Fraction of features each tree may split on, in (0, 1]. */
  colsample: number;
  earlyStopping?: { validationFraction: number; patience: number; minDelta: number; restoreBest: boolean };
}

export interface GbdtFitRequest {
  task: Task;
  settings: GbdtSettings;
  seed: number;
  /** rows×cols row-major: numbers unscaled with NaN for missing, categories as codes. */
  x: Float32Array;
  rows: number;
  cols: number;
  columns: GbdtColumn[];
  y: Float64Array;
  classCount: number;
  onProgress?: (p: { epoch: number; epochs: number; loss: number; valLoss?: number }) => void;
  /** Threads that build histograms (default 1). The trees are the same bits whatever the count. */
  threads?: number;
  /** 'wasm' (default; falls back to 'ts' past a 2 GiB memory) or 'ts', the reference. Same trees either way. */
  kernels?: 'wasm' | 'ts';
}

export interface GbdtFit {
  model: GbdtModelJson;
  history: EpochRecord[];
  stoppedIteration?: number;
  bestIteration?: number;
}

/**
 * Histogram gradient boosting (the LightGBM / HistGradientBoosting family): features binned
 * once, then per iteration one leaf-wise tree per output on the loss's gradients. All
 * randomness (validation rows, row and feature sampling) comes from `seed`, and every sum runs
 * in a fixed order: the same request gives the same trees, bit for bit.
 */
export function fitGbdt(req: GbdtFitRequest): GbdtFit {
  const outputs = req.task === 'multiclass_classification' ? req.classCount : 1;
  const shape = { rows: req.rows, cols: req.cols, histograms: req.settings.maxLeafNodes + 2, outputs };
  const kernels = (req.kernels === 'ts' ? undefined : wasmKernels(shape, req.threads ?? 1)) ?? tsKernels(shape);
  try {
    return boost(req, kernels);
  } finally {
    kernels.close();
  }
}

function boost(req: GbdtFitRequest, kernels: TreeKernels): GbdtFit {
  const { settings: s, rows, cols } = req;
  const rng = new Rng(req.seed);
  const objective = objectiveFor(req.task);
  const outputs = req.task === 'multiclass_classification' ? req.classCount : 1;
  const { train, valid } = holdOut(rows, s.earlyStopping?.validationFraction, rng);
  const mapper = kernels.binInput(req.x, train, req.columns, s.maxBins);
  const { grad, hess } = kernels;
  const base = baseScore(objective, req.y, train, outputs);
  // In the kernels' memory: the binary gradient pass reads them on two threads.
  const { margin, labels } = kernels;
  labels.set(req.y);
  for (let r = 0; r < rows; r++) for (let k = 0; k < outputs; k++) margin[r * outputs + k] = base[k];
  // Without row sampling every root learns from the training rows: count their bins once. With
  // every feature in every tree the first root's histogram counts them (its count slots are
  // those counts), which spares a serial pass over the rows here.
  const sameRoots = s.subsample >= 1;
  const countHere = sameRoots && s.colsample < 1;
  if (countHere) countBins(kernels.bins, cols, train, kernels.rootCounts);
  const data: TrainingData = { cols, mapper, kernels, rootCountsKnown: countHere, keepRootCounts: sameRoots && !countHere };
  const trees: TreeJson[] = [];
  const history: EpochRecord[] = [];
  let best = { loss: Infinity, iteration: 0 };
  let stopped: number | undefined;
  // An iteration's training loss is read from the next iteration's gradient pass, which runs at
  // the margin this one ended on (the loss over every row, less the validation rows' share); so
  // its record is emitted then, one iteration late, and the last one after the loop.
  let pending: { epoch: number; validSum: number } | undefined;
  const emit = (lossAll: number) => {
    if (!pending) return;
    const record: EpochRecord = { epoch: pending.epoch, loss: (lossAll - pending.validSum) / train.length };
    if (valid.length > 0) record.valLoss = pending.validSum / valid.length;
    history.push(record);
    req.onProgress?.({ ...record, epochs: s.maxIter });
    pending = undefined;
  };
  for (let it = 0; it < s.maxIter; it++) {
    const ids = sampleRows(train, s.subsample, rng);
    // Every output's tree of an iteration learns from the margins the iteration started with.
    const probe = outputs > 1 ? margin.slice() : margin;
    for (let k = 0; k < outputs; k++) {
      const lossAll = objective === 'binary_logistic' ? kernels.binaryGradients() : gradients(objective, probe, outputs, req.y, k, { grad, hess });
      if (k === 0) emit(lossAll as number);
      const order = kernels.order.subarray(0, ids.length);
      order.set(ids);
      const tree = growTree(data, order, sampleFeatures(cols, s.colsample, rng), s);
      applyTree(margin, outputs, k, tree, data, { order, inSample: sampledFlags(ids, rows) });
      trees.push(toJson(tree, k));
    }
    const validSum = valid.length > 0 ? sumLoss(objective, margin, outputs, req.y, valid) : 0;
    pending = { epoch: it + 1, validSum };
    if (valid.length > 0 && s.earlyStopping) {
      const valLoss = validSum / valid.length;
      if (valLoss < best.loss - s.earlyStopping.minDelta) best = { loss: valLoss, iteration: it + 1 };
      else if (it + 1 - best.iteration >= s.earlyStopping.patience) {
        stopped = it + 1;
        break;
      }
    }
  }
  emit(sumLoss(objective, margin, outputs, req.y));
  const keep = stopped !== undefined && s.earlyStopping?.restoreBest ? best.iteration : history.length;
  const model: GbdtModelJson = {
    format: GBDT_FORMAT,
    objective,
    outputs,
    base_score: base,
    features: req.columns.map((c) => ({ name: c.name, kind: c.categories === undefined ? 'numeric' : 'categorical' })),
    iterations: keep,
    trees: trees.slice(0, keep * outputs),
  };
  return { model, history, ...(stopped !== undefined ? { stoppedIteration: stopped, bestIteration: best.iteration } : {}) };
}

/** Splits off the early-stopping validation rows (a seeded shuffle); both lists ascending. */
function holdOut(rows: number, fraction: number | undefined, rng: Rng): { train: Uint32Array; valid: Uint32Array } {
  // A plain loop: Uint32Array.from with a callback took ~40-120 ms of the main thread at 800k rows.
  const all = new Uint32Array(rows);
  for (let i = 0; i < rows; i++) all[i] = i;
  if (fraction === undefined) return { train: all, valid: new Uint32Array(0) };
  const nValid = Math.min(rows - 1, Math.max(1, Math.round(rows * fraction)));
  rng.shuffle(all);
  return { valid: all.slice(0, nValid).sort(), train: all.slice(nValid).sort() };
}

function sampleRows(train: Uint32Array, fraction: number, rng: Rng): Uint32Array {
  if (fraction >= 1) return train;
  const n = Math.max(1, Math.round(train.length * fraction));
  return rng.shuffle(train.slice()).subarray(0, n).sort();
}

function sampleFeatures(cols: number, fraction: number, rng: Rng): Int32Array {
  const all = Int32Array.from({ length: cols }, (_, i) => i);
  if (fraction >= 1) return all;
  const n = Math.max(1, Math.round(cols * fraction));
  return rng.shuffle(all).subarray(0, n).sort();
}

/**
 * Adds the tree's leaf values to every row's margin: the rows the tree learned from by their
 * leaf (growTree left each leaf's rows contiguous in `order`), the others (validation and
 * unsampled rows) by walking their bins, the same comparisons as scoring the saved thresholds.
 */
function applyTree(margin: Float64Array, outputs: number, k: number, tree: GrownTree, data: TrainingData, sample: { order: Uint32Array; inSample: Uint8Array | undefined }): void {
  const { cols } = data;
  const { bins } = data.kernels;
  const { order, inSample } = sample;
  data.kernels.addLeafValues(order, tree.leaves.map((l) => ({ start: l.start, end: l.end, value: tree.value[l.node] })), k);
  if (!inSample) return;
  const rows = inSample.length;
  for (let r = 0; r < rows; r++) {
    if (inSample[r] === 1) continue;
    let node = 0;
    while (tree.feature[node] >= 0) {
      const b = bins[r * cols + tree.feature[node]];
      node = (tree.goesLeft[node] as Uint8Array)[b] === 1 ? tree.left[node] : tree.right[node];
    }
    margin[r * outputs + k] += tree.value[node];
  }
}

/** counts[f·256 + bin] = rows of `rows` whose feature f falls in that bin (float64, as a histogram's count slots). */
function countBins(bins: Uint8Array, cols: number, rows: Uint32Array, counts: Float64Array): void {
  counts.fill(0);
  for (const r of rows) {
    const base = r * cols;
    for (let f = 0; f < cols; f++) counts[f * BIN_SLOTS + bins[base + f]]++;
  }
}

/** Which rows an iteration learned from; undefined when it learned from all of them. */
function sampledFlags(ids: Uint32Array, rows: number): Uint8Array | undefined {
  if (ids.length === rows) return undefined;
  const flags = new Uint8Array(rows);
  for (const r of ids) flags[r] = 1;
  return flags;
}

function toJson(t: GrownTree, output: number): TreeJson {
  return {
    output,
    feature: t.feature,
    threshold: t.threshold,
    categories: t.categories,
    missing_left: t.missingLeft,
    left: t.left,
    right: t.right,
    value: t.value,
    count: t.count,
    gain: t.gain,
  };
}
