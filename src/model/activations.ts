import type { Activation } from '../spec/types.js';
import type { KernelArena, Vec } from './dense-kernels.js';

// Keras/tfjs constants, so our forward pass and the served tfjs model agree.
const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;

/**
 * Applies the activation in place to the first `n` values of `a`, a buffer of `kernels`
 * (ReLU, the common case, runs there as SIMD; the rest are transcendental, so JS's Math).
 */
export function activateInPlace(kernels: KernelArena, a: Vec, n: number, activation: Activation): void {
  switch (activation) {
    case 'relu':
      kernels.relu(a, n);
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) a[i] = Math.tanh(a[i]);
      return;
    case 'sigmoid':
      for (let i = 0; i < n; i++) a[i] = sigmoid(a[i]);
      return;
    case 'elu':
      for (let i = 0; i < n; i++) if (a[i] < 0) a[i] = Math.expm1(a[i]);
      return;
    case 'selu':
      for (let i = 0; i < n; i++) {
        const v = a[i];
        a[i] = v > 0 ? SELU_SCALE * v : SELU_SCALE * SELU_ALPHA * Math.expm1(v);
      }
      return;
    case 'linear':
      return;
  }
}

/**
 * Turns dA (gradient w.r.t. the activation output) into dZ in place, using only the
 * activation output `a`: every supported activation's derivative is a function of its output.
 */
export function activationBackwardInPlace(kernels: KernelArena, d: Vec, a: Vec, n: number, activation: Activation): void {
  switch (activation) {
    case 'relu':
      kernels.reluBackward(d, a, n);
      return;
    case 'tanh':
      for (let i = 0; i < n; i++) d[i] *= 1 - a[i] * a[i];
      return;
    case 'sigmoid':
      for (let i = 0; i < n; i++) d[i] *= a[i] * (1 - a[i]);
      return;
    case 'elu':
      for (let i = 0; i < n; i++) if (a[i] < 0) d[i] *= a[i] + 1;
      return;
    case 'selu':
      for (let i = 0; i < n; i++) d[i] *= a[i] > 0 ? SELU_SCALE : a[i] + SELU_SCALE * SELU_ALPHA;
      return;
    case 'linear':
      return;
  }
}

/** Logistic sigmoid without overflow for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}
