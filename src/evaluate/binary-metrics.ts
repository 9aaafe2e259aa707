import { PipePilotError } from '../errors.js';
import {
  FLOAT64_EPS, type Scores, checkClassIndices, checkProbabilities, checkRows,
} from './metric-inputs.js';
import { type ScoreGroups, groupByScore, positivesInOrder, rankingScores } from './ranking.js';
import { countingResampler } from './bootstrap.js';
import { compensatedSum } from './statistics.js';

/**
 * Binary classification metrics, agreeing with scikit-learn 1.2.1 (see
 * tests/fixtures/reference/metrics_reference.py). A row is predicted positive when its
 * positive-class probability is >= threshold.
 *
 * Undefined metrics are NaN, never thrown: roc_auc when yTrue holds one class only, pr_auc when
 * it holds no positive. Ill-defined ratios follow sklearn's zero_division default instead:
 * precision is 0 with no positive prediction, recall is 0 with no positive row, and f1 is 0
 * when precision + recall is 0. log_loss clips probabilities to [eps, 1 − eps] with the float64
 * eps (sklearn's eps='auto' for float64 input) and is defined for a single class.
 */
export interface PreparedBinary {
  yTrue: ArrayLike<number>;
  predicted: Uint8Array;
  rowLogLoss: Float64Array;
  rowBrier: Float64Array;
  groups: ScoreGroups;
  /** The labels in score order (positivesInOrder). */
  positives: Uint8Array;
  /** Rows predicted positive: in score order they are the first this many positions. */
  predictedCount: number;
}

export function prepareBinary(yTrue: Float64Array, probPositive: Scores, threshold: number): PreparedBinary {
  checkRows('binary metrics', yTrue, yTrue.length, probPositive.length);
  checkClassIndices('binary metrics', yTrue, 2);
  checkProbabilities('binary metrics', probPositive);
  if (!(threshold >= 0 && threshold <= 1)) {
    throw new PipePilotError(`binary metrics: threshold ${threshold} is not in [0, 1]`, {
      hint: 'set evaluate.threshold to a probability, e.g. 0.5',
    });
  }
  const n = yTrue.length;
  const predicted = new Uint8Array(n);
  const rowLogLoss = new Float64Array(n);
  const rowBrier = new Float64Array(n);
  let predictedCount = 0;
  for (let i = 0; i < n; i++) {
    const p = probPositive[i];
    predicted[i] = p >= threshold ? 1 : 0;
    predictedCount += predicted[i];
    // sklearn: clip, expand to [1 − p, p], renormalise the row, then −log of the true class.
    const clipped = Math.min(Math.max(p, FLOAT64_EPS), 1 - FLOAT64_EPS);
    const rowSum = 1 - clipped + clipped;
    rowLogLoss[i] = -Math.log((yTrue[i] === 1 ? clipped : 1 - clipped) / rowSum);
    rowBrier[i] = (yTrue[i] - p) ** 2;
  }
  const groups = groupByScore(probPositive);
  return { yTrue, predicted, rowLogLoss, rowBrier, groups, positives: positivesInOrder(groups, yTrue), predictedCount };
}

/**
 * Metrics with each row counted `weights[i]` times (bootstrap counts); once each when omitted.
 * With `metrics`, brier is computed only when named (its sum is a third of a resample's row
 * pass, and the bootstrap's headline metrics do not include it); every other metric's bits are
 * the same either way.
 */
export function weightedBinaryMetrics(prep: PreparedBinary, weights?: Int32Array | Uint8Array, metrics?: readonly string[]): Record<string, number> {
  // The confusion counts come out of the ranking pass (predicted positives are the first
  // predictedCount positions in score order; whole-number tallies, exact in any order), so a
  // resample costs one pass in score order and one loss pass in row order, not two row passes.
  const ranking = rankingScores(prep.groups, prep.positives, weights, prep.predictedCount);
  const all = ranking.rows, positives = ranking.positives, predictedPositives = ranking.rowsAbove, tp = ranking.positivesAbove;
  const tn = all - positives - predictedPositives + tp, fp = predictedPositives - tp, fn = positives - tp;
  const withBrier = metrics === undefined || metrics.includes('brier');
  const { logLossSum, brierSum } = withBrier ? lossSums(prep, weights) : { logLossSum: compensatedSum(prep.rowLogLoss, weights), brierSum: NaN };
  const total = tn + fp + fn + tp;
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const out: Record<string, number> = {
    accuracy: (tp + tn) / total,
    balanced_accuracy: balancedAccuracy(tn, fp, fn, tp),
    precision,
    recall,
    f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0,
    roc_auc: ranking.roc_auc,
    pr_auc: ranking.pr_auc,
    log_loss: logLossSum / total,
  };
  if (withBrier) out.brier = brierSum / total;
  return out;
}

/**
 * The two loss sums in one pass over the rows, in row order: compensatedSum's Neumaier steps
 * inlined, the same bits as calling it twice (unlike the confusion counts, these sums are not
 * exact, so their order is kept).
 */
function lossSums(prep: PreparedBinary, weights?: Int32Array | Uint8Array) {
  const { rowLogLoss, rowBrier } = prep;
  let logLoss = 0, logLossComp = 0, brier = 0, brierComp = 0;
  for (let i = 0; i < rowLogLoss.length; i++) {
    const l = weights === undefined ? rowLogLoss[i] : rowLogLoss[i] * weights[i];
    const lt = logLoss + l;
    logLossComp += Math.abs(logLoss) >= Math.abs(l) ? logLoss - lt + l : l - lt + logLoss;
    logLoss = lt;
    const b = weights === undefined ? rowBrier[i] : rowBrier[i] * weights[i];
    const bt = brier + b;
    brierComp += Math.abs(brier) >= Math.abs(b) ? brier - bt + b : b - bt + brier;
    brier = bt;
  }
  return { logLossSum: logLoss + logLossComp, brierSum: brier + brierComp };
}


/** Mean recall over the classes present in yTrue (sklearn drops classes only predicted). */
function balancedAccuracy(tn: number, fp: number, fn: number, tp: number): number {
  const recalls: number[] = [];
  if (tn + fp > 0) recalls.push(tn / (tn + fp));
  if (tp + fn > 0) recalls.push(tp / (tp + fn));
  return recalls.reduce((a, b) => a + b, 0) / recalls.length;
}

/** accuracy, balanced_accuracy, precision, recall, f1, roc_auc, pr_auc, log_loss, brier. */
export function binaryMetrics(yTrue: Float64Array, probPositive: Scores, threshold: number): Record<string, number> {
  return weightedBinaryMetrics(prepareBinary(yTrue, probPositive, threshold));
}

/** sklearn's confusion_matrix with labels [0, 1]: [[tn, fp], [fn, tp]]. */
export function binaryConfusion(
  yTrue: Float64Array,
  probPositive: Scores,
  threshold: number,
  labels: [string, string] = ['0', '1'],
): { labels: string[]; matrix: number[][] } {
  const { predicted } = prepareBinary(yTrue, probPositive, threshold);
  const matrix = [[0, 0], [0, 0]];
  for (let i = 0; i < yTrue.length; i++) matrix[yTrue[i]][predicted[i]] += 1;
  return { labels: [...labels], matrix };
}

/**
 * A bootstrap `compute` for binary metrics: sorts by score once, then scores each resample in
 * O(n) from how many times it drew each row.
 */
export function binaryResampler(
  yTrue: Float64Array,
  probPositive: Scores,
  threshold: number,
): (indices: Uint32Array) => Record<string, number> {
  const prep = prepareBinary(yTrue, probPositive, threshold);
  return countingResampler(yTrue.length, (counts, metrics) => weightedBinaryMetrics(prep, counts, metrics));
}
