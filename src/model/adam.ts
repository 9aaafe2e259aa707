import type { Vec } from './dense-kernels.js';

/**
 * Adam over one flat parameter buffer, in one fused loop (moments, bias correction, update).
 * Constants and the update form follow Keras (β1 0.9, β2 0.999, ε 1e-7, ε added to √v with the
 * bias correction folded into the step size), so a learning rate means what it does in Keras.
 * Moments are stored in float32 like the parameters (each step computes in double, rounds once).
 */
export class Adam {
  private readonly m: Vec;
  private readonly v: Vec;
  private step = 0;

  constructor(
    size: number,
    private readonly learningRate: number,
    private readonly beta1 = 0.9,
    private readonly beta2 = 0.999,
    private readonly epsilon = 1e-7,
  ) {
    this.m = new Float32Array(size);
    this.v = new Float32Array(size);
  }

  /** params -= Adam step for `grads` (same layout). Allocates nothing. */
  update(params: Vec, grads: Vec): void {
    this.step++;
    const { m, v, beta1: b1, beta2: b2, epsilon: eps } = this;
    const c1 = 1 - b1;
    const c2 = 1 - b2;
    const lrT = (this.learningRate * Math.sqrt(1 - b2 ** this.step)) / (1 - b1 ** this.step);
    const n = params.length;
    for (let i = 0; i < n; i++) {
      const g = grads[i];
      const mi = b1 * m[i] + c1 * g;
      const vi = b2 * v[i] + c2 * g * g;
      m[i] = mi;
      v[i] = vi;
      params[i] -= (lrT * mi) / (Math.sqrt(vi) + eps);
    }
  }
}
