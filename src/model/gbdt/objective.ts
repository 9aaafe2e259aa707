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
 */
export function gradients(objective: GbdtObjective, margin: Float64Array, outputs: number, y: Float64Array, k: number, out: { grad: Float64Array; hess: Float64Array }): void {
  const rows = y.length;
  const { grad, hess } = out;
  if (objective === 'squared_error') {
    for (let r = 0; r < rows; r++) {
      grad[r] = margin[r] - y[r];
      hess[r] = 1;
    }
    return;
  }
  if (objective === 'binary_logistic') {
    for (let r = 0; r < rows; r++) {
      const p = sigmoid(margin[r]);
      grad[r] = p - y[r];
      hess[r] = p * (1 - p);
    }
    return;
  }
  for (let r = 0; r < rows; r++) {
    const p = softmaxAt(margin, r * outputs, outputs, k);
    grad[r] = p - (y[r] === k ? 1 : 0);
    hess[r] = p * (1 - p);
  }
}

/** Mean loss over the rows `ids`: log loss, cross-entropy or squared error. */
export function meanLoss(objective: GbdtObjective, margin: Float64Array, outputs: number, y: Float64Array, ids: Uint32Array): number {
  let s = 0;
  for (const r of ids) {
    if (objective === 'squared_error') s += (margin[r] - y[r]) ** 2;
    else if (objective === 'binary_logistic') {
      const m = margin[r];
      // log(1 + e^m) − y·m, written to stay finite for large |m|.
      s += Math.max(m, 0) + Math.log1p(Math.exp(-Math.abs(m))) - y[r] * m;
    } else {
      const o = r * outputs;
      let max = -Infinity;
      for (let k = 0; k < outputs; k++) max = Math.max(max, margin[o + k]);
      let z = 0;
      for (let k = 0; k < outputs; k++) z += Math.exp(margin[o + k] - max);
      s += max + Math.log(z) - margin[o + y[r]];
    }
  }
  return ids.length > 0 ? s / ids.length : 0;
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
