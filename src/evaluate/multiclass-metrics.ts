import { PipePilotError } from '../errors.js';
import {
  FLOAT64_EPS, type Scores, checkClassIndices, checkProbabilities, checkRows,
} from './metric-inputs.js';
import { countingResampler } from './bootstrap.js';
import { compensatedSum } from './statistics.js';

/**
 * Multiclass metrics over row-major probabilities (rows × k), agreeing with scikit-learn 1.2.1.
 * The predicted class is the first maximum of a row (numpy's argmax).
 *
 * Macro and weighted averages run over the classes that occur in yTrue or in the predictions,
 * as sklearn does without `labels`: a class absent from both says nothing about the model. Per
 * class, precision is 0 with no prediction of the class and recall is 0 with no row of it
 * (sklearn's zero_division default). balanced_accuracy averages recall over the classes present
 * in yTrue. log_loss clips to [eps, 1 − eps] (float64 eps), renormalises each row, and is
 * defined even when yTrue holds one class.
 */
export interface ClassReport {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** Validated input reduced to what every metric needs: true and predicted class, per-row loss. */
interface PreparedMulticlass {
  k: number;
  yTrue: Float64Array;
  predicted: Uint32Array;
  rowLogLoss: Float64Array;
}

/** Counts of a (possibly resampled) test set. */
interface Tally {
  k: number;
  /** confusion[t][p]: rows of true class t predicted as p. */
  confusion: number[][];
  rows: number;
  logLoss: number;
}

function checkK(k: number): void {
  if (!Number.isInteger(k) || k < 2) {
    throw new PipePilotError(`multiclass metrics: k is ${k}, expected an integer >= 2`, {
      hint: 'pass the number of classes the model was trained on',
    });
  }
}

/** Index of the first maximum in each row of a rows × k matrix. */
export function argmaxRows(probs: Scores, k: number): Uint32Array {
  const rows = probs.length / k;
  const out = new Uint32Array(rows);
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (probs[r * k + c] > probs[r * k + best]) best = c;
    out[r] = best;
  }
  return out;
}

function prepareMulticlass(yTrue: Float64Array, probs: Scores, k: number): PreparedMulticlass {
  checkK(k);
  checkRows('multiclass metrics', yTrue, yTrue.length * k, probs.length);
  checkClassIndices('multiclass metrics', yTrue, k);
  checkProbabilities('multiclass metrics', probs);
  const rowLogLoss = new Float64Array(yTrue.length);
  for (let r = 0; r < yTrue.length; r++) {
    // sklearn: clip to [eps, 1 − eps], renormalise the row, then −log of the true class.
    let rowSum = 0;
    for (let c = 0; c < k; c++) rowSum += clip(probs[r * k + c]);
    rowLogLoss[r] = -Math.log(clip(probs[r * k + yTrue[r]]) / rowSum);
  }
  return { k, yTrue, predicted: argmaxRows(probs, k), rowLogLoss };
}

/** Confusion counts and mean loss with row i counted `weights[i]` times (once when omitted). */
function tally(prep: PreparedMulticlass, weights?: ArrayLike<number>): Tally {
  const { k, yTrue, predicted } = prep;
  const confusion = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  let rows = 0;
  for (let r = 0; r < yTrue.length; r++) {
    const w = weights === undefined ? 1 : weights[r];
    confusion[yTrue[r]][predicted[r]] += w;
    rows += w;
  }
  return { k, confusion, rows, logLoss: compensatedSum(prep.rowLogLoss, weights) / rows };
}

function clip(p: number): number {
  return Math.min(Math.max(p, FLOAT64_EPS), 1 - FLOAT64_EPS);
}

/** A class report plus how often the class was predicted (decides which classes are averaged). */
type ClassTally = ClassReport & { predicted: number };

function classReports(t: Tally, labels: string[]): ClassTally[] {
  return labels.map((label, c) => {
    let predicted = 0;
    for (let row = 0; row < t.k; row++) predicted += t.confusion[row][c];
    const support = t.confusion[c].reduce((a, b) => a + b, 0);
    const hits = t.confusion[c][c];
    const precision = predicted > 0 ? hits / predicted : 0;
    const recall = support > 0 ? hits / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support, predicted };
  });
}

function average(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** accuracy, balanced_accuracy, f1_macro, f1_weighted, precision_macro, recall_macro, log_loss. */
export function multiclassMetrics(yTrue: Float64Array, probs: Scores, k: number): Record<string, number> {
  return metricsOf(tally(prepareMulticlass(yTrue, probs, k)));
}

/** A bootstrap `compute` for multiclass metrics: argmax and losses once, then O(n) per resample. */
export function multiclassResampler(
  yTrue: Float64Array,
  probs: Scores,
  k: number,
): (indices: Uint32Array) => Record<string, number> {
  const prep = prepareMulticlass(yTrue, probs, k);
  return countingResampler(yTrue.length, (counts) => metricsOf(tally(prep, counts)));
}

function metricsOf(t: Tally): Record<string, number> {
  const reports = classReports(t, defaultLabels(t.k));
  const seen = reports.filter((r) => r.support > 0 || r.predicted > 0);
  const present = reports.filter((r) => r.support > 0);
  const correct = t.confusion.reduce((sum, row, c) => sum + row[c], 0);
  return {
    accuracy: correct / t.rows,
    balanced_accuracy: average(present.map((r) => r.recall)),
    f1_macro: average(seen.map((r) => r.f1)),
    f1_weighted: seen.reduce((sum, r) => sum + r.f1 * r.support, 0) / t.rows,
    precision_macro: average(seen.map((r) => r.precision)),
    recall_macro: average(seen.map((r) => r.recall)),
    log_loss: t.logLoss,
  };
}

/** k × k confusion matrix, rows = true class, columns = predicted class (sklearn's layout). */
export function multiclassConfusion(
  yTrue: Float64Array,
  probs: Scores,
  k: number,
  labels: string[] = defaultLabels(k),
): { labels: string[]; matrix: number[][] } {
  checkLabels(labels, k);
  return { labels: [...labels], matrix: tally(prepareMulticlass(yTrue, probs, k)).confusion };
}

/** precision, recall, f1 and support of every class, in class-index order (all k classes). */
export function multiclassPerClass(
  yTrue: Float64Array,
  probs: Scores,
  k: number,
  labels: string[] = defaultLabels(k),
): ClassReport[] {
  checkLabels(labels, k);
  return classReports(tally(prepareMulticlass(yTrue, probs, k)), labels).map(({ label, precision, recall, f1, support }) => ({
    label, precision, recall, f1, support,
  }));
}

function defaultLabels(k: number): string[] {
  return Array.from({ length: k }, (_, c) => String(c));
}

function checkLabels(labels: string[], k: number): void {
  if (labels.length !== k) {
    throw new PipePilotError(`multiclass metrics: ${labels.length} class labels for k = ${k} classes`, {
      hint: 'pass one label per model output column',
    });
  }
}
