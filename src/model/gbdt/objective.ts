import type { Task } from '../../spec/types.js';
import type { GbdtObjective } from './tree-format.js';

/** Probabilities are clipped this far from 0 and 1 in the starting margin, as scikit-learn does. */
const EPS = 1e-15;

export function objectiveFor(task: Task): GbdtObjective {
  if (task === 'binary_classification') return 'binary_logistic';
  if (task === 'multiclass_classification') return 'multiclass_softmax';
  return 'squared_error';
}

/** The constant margin that minimises the loss on the rows `ids`: log-odds, log-priors or the mean. */
export function baseScore(objective: GbdtObjective, y: Float64Array, ids: Uint32Array, outputs: number): number[] {
  const n = ids.length;
  if (objective === 'squared_error') {
    let s = 0;
    for (const r of ids) s += y[r];
    return [n > 0 ? s / n : 0];
  }
  const counts = new Float64Array(objective === 'binary_logistic' ? 2 : outputs);
  for (const r of ids) counts[y[r]] += 1;
  const p = (c: number) => Math.min(1 - EPS, Math.max(EPS, counts[c] / n));
  if (objective === 'binary_logistic') return [Math.log(p(1) / (1 - p(1)))];
  return Array.from({ length: outputs }, (_, k) => Math.log(p(k)));
}

/**
 * Gradient and hessian of the loss in the margin of output k, for every row: logistic
 * (p − y, p(1 − p)), softmax (p_k − [y = k], p_k(1 − p_k)) or squared error (F − y, 1).
 * For k = 0 it also returns the loss summed over every row at this margin, from the same pass:
 * the loss the previous iteration ended on, which boost would otherwise spend a pass of its own
 * on (on 800k rows that pass was 14 % of the fit). Undefined for k > 0.
 */
export function gradients(objective: GbdtObjective, margin: Float64Array, outputs: number, y: Float64Array, k: number, out: { grad: Float64Array; hess: Float64Array }): number | undefined {
  const rows = y.length;
  const { grad, hess } = out;
  let loss = 0;
  if (objective === 'squared_error') {
    for (let r = 0; r < rows; r++) {
      const d = margin[r] - y[r];
      grad[r] = d;
      hess[r] = 1;
      loss += d * d;
    }
    return loss;
  }
  if (objective === 'binary_logistic') return binaryGradientsInHalves(margin, y, grad, hess);
  for (let r = 0; r < rows; r++) {
    const p = softmaxAt(margin, r * outputs, outputs, k);
    grad[r] = p - (y[r] === k ? 1 : 0);
    hess[r] = p * (1 - p);
    if (k === 0) loss += softmaxLoss(margin, r * outputs, outputs, y[r]);
  }
  return k === 0 ? loss : undefined;
}

/** The logistic gradients of every row, and the loss summed as the two halves [0, rows/2) + [rows/2, rows), on this thread. */
export function binaryGradientsInHalves(margin: Float64Array, y: Float64Array, grad: Float64Array, hess: Float64Array): number {
  const half = y.length >> 1;
  return binaryGradientRange(margin, y, grad, hess, 0, half) + binaryGradientRange(margin, y, grad, hess, half, y.length);
}

/**
 * The logistic loss's gradient and hessian for rows [start, end), and the loss summed over them.
 * The binary loss of all rows is always the sum of two halves, [0, rows/2) + [rows/2, rows), so
 * the two threads of the wasm kernels and one thread give the same bits. The wasm kernels run
 * gbdt.wat's binaryGradients, the same operations with Math.exp and Math.log1p's algorithms
 * (fdlibm, as V8 computes them): the same bits, tested against this function.
 */
export function binaryGradientRange(margin: Float64Array, y: Float64Array, grad: Float64Array, hess: Float64Array, start: number, end: number): number {
  let loss = 0;
  for (let r = start; r < end; r++) {
    const m = margin[r];
    // sigmoid(m) from the same e^−m the loss needs: log(1 + e^m) − y·m, finite for large |m|.
    const e = Math.exp(-m);
    const p = 1 / (1 + e);
    grad[r] = p - y[r];
    hess[r] = p * (1 - p);
    loss += (m > 0 ? m + Math.log1p(e) : Math.log1p(1 / e)) - y[r] * m;
  }
  return loss;
}

/** Loss summed over the rows `ids` (every row when undefined): squared error, log loss or cross-entropy. */
export function sumLoss(objective: GbdtObjective, margin: Float64Array, outputs: number, y: Float64Array, ids?: Uint32Array): number {
  let s = 0;
  const n = ids === undefined ? y.length : ids.length;
  for (let i = 0; i < n; i++) {
    const r = ids === undefined ? i : ids[i];
    if (objective === 'squared_error') s += (margin[r] - y[r]) ** 2;
    else if (objective === 'binary_logistic') {
      const m = margin[r];
      s += Math.max(m, 0) + Math.log1p(Math.exp(-Math.abs(m))) - y[r] * m;
    } else s += softmaxLoss(margin, r * outputs, outputs, y[r]);
  }
  return s;
}

/** −log softmax of the true class: max + log Σ e^(m − max) − m_y. */
function softmaxLoss(margin: ArrayLike<number>, offset: number, outputs: number, label: number): number {
  let max = -Infinity;
  for (let k = 0; k < outputs; k++) max = Math.max(max, margin[offset + k]);
  let z = 0;
  for (let k = 0; k < outputs; k++) z += Math.exp(margin[offset + k] - max);
  return max + Math.log(z) - margin[offset + label];
}

export function sigmoid(m: number): number {
  return 1 / (1 + Math.exp(-m));
}

export function softmaxAt(margin: ArrayLike<number>, offset: number, outputs: number, k: number): number {
  let max = -Infinity;
  for (let c = 0; c < outputs; c++) max = Math.max(max, margin[offset + c]);
  let z = 0;
  for (let c = 0; c < outputs; c++) z += Math.exp(margin[offset + c] - max);
  return Math.exp(margin[offset + k] - max) / z;
}
