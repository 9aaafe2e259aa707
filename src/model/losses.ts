import type { Vec } from './dense-kernels.js';
import type { OutputActivation } from './types.js';

/**
 * Loss on the output layer's pre-activation values (logits), fused with its gradient.
 * Working on logits keeps both numerically safe without clipping: log-sum-exp for softmax,
 * log1p(exp(-|z|)) for the sigmoid, so probabilities of exactly 0 or 1 never reach a log.
 *
 * Returns the summed loss over `rows`; when `dz` is given it receives ∂loss/∂z · `scale`
 * (the training loop passes scale = 1/batch rows, so dz is the gradient of the mean loss).
 */
export function outputLoss(
  output: OutputActivation,
  z: Vec,
  y: Float64Array,
  shape: { rows: number; units: number },
  grad?: { dz: Vec; scale: number },
): number {
  if (output === 'sigmoid') return sigmoidCrossEntropy(z, y, shape.rows, grad);
  if (output === 'softmax') return softmaxCrossEntropy(z, y, shape, grad);
  return squaredError(z, y, shape.rows, grad);
}

function sigmoidCrossEntropy(z: Vec, y: Float64Array, rows: number, grad?: { dz: Vec; scale: number }): number {
  let loss = 0;
  for (let r = 0; r < rows; r++) {
    const v = z[r];
    const t = y[r];
    const e = Math.exp(-Math.abs(v));
    loss += (v > 0 ? v : 0) - v * t + Math.log1p(e);
    if (grad !== undefined) {
      const p = v >= 0 ? 1 / (1 + e) : e / (1 + e);
      grad.dz[r] = (p - t) * grad.scale;
    }
  }
  return loss;
}

function softmaxCrossEntropy(
  z: Vec, y: Float64Array, shape: { rows: number; units: number }, grad?: { dz: Vec; scale: number },
): number {
  const { rows, units } = shape;
  let loss = 0;
  for (let r = 0; r < rows; r++) {
    const o = r * units;
    let m = z[o];
    for (let j = 1; j < units; j++) if (z[o + j] > m) m = z[o + j];
    let s = 0;
    for (let j = 0; j < units; j++) s += Math.exp(z[o + j] - m);
    const lse = m + Math.log(s);
    const target = y[r];
    loss += lse - z[o + target];
    if (grad !== undefined) {
      for (let j = 0; j < units; j++) {
        grad.dz[o + j] = (Math.exp(z[o + j] - lse) - (j === target ? 1 : 0)) * grad.scale;
      }
    }
  }
  return loss;
}

function squaredError(z: Vec, y: Float64Array, rows: number, grad?: { dz: Vec; scale: number }): number {
  let loss = 0;
  for (let r = 0; r < rows; r++) {
    const d = z[r] - y[r];
    loss += d * d;
    if (grad !== undefined) grad.dz[r] = 2 * d * grad.scale;
  }
  return loss;
}
