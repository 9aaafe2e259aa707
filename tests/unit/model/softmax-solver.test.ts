import { describe, expect, it } from 'vitest';
import { fitSoftmaxRegression } from '../../../src/model/softmax-regression.js';
import { syntheticData } from './data.js';

/** Largest component of the mean cross-entropy + 0.5·l2·‖W‖² gradient, computed plainly, row by row. */
function maxGradient(x: Float32Array, rows: number, cols: number, y: Float64Array, k: number, w: Float64Array, b: Float64Array, l2: number): number {
  const grad = new Float64Array(cols * k + k);
  const z = new Float64Array(k);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < k; c++) {
      z[c] = b[c];
      for (let i = 0; i < cols; i++) z[c] += x[r * cols + i] * w[i * k + c];
    }
    const m = Math.max(...z);
    const s = z.reduce((a, v) => a + Math.exp(v - m), 0);
    for (let c = 0; c < k; c++) {
      const g = Math.exp(z[c] - m) / s - (c === y[r] ? 1 : 0);
      for (let i = 0; i < cols; i++) grad[i * k + c] += g * x[r * cols + i];
      grad[cols * k + c] += g;
    }
  }
  let max = 0;
  grad.forEach((v, i) => (max = Math.max(max, Math.abs(v / rows + (i < cols * k ? l2 * w[i] : 0)))));
  return max;
}

describe('multinomial logistic solver (coarse-to-fine, block-Hessian L-BFGS)', () => {
  // 40,009 rows × 6 × 3 classes: two coarse levels (every 16th and every 4th row), and row
  // counts that fill neither the strides nor the 256-row chunks evenly.
  const rows = 40_009;
  const cols = 6;

  it('lands on the full-data optimum: the plainly computed gradient is within tol, intercepts centered', () => {
    const { x, y } = syntheticData('multiclass_classification', rows, cols, 3);
    const opts = { l2: 1 / rows, maxIter: 200, tol: 1e-7 };
    const fit = fitSoftmaxRegression(x, rows, cols, y, 3, opts);
    expect(maxGradient(x, rows, cols, y, 3, fit.weights, fit.bias, opts.l2)).toBeLessThan(2e-7);
    expect(Math.abs(fit.bias[0] + fit.bias[1] + fit.bias[2])).toBeLessThan(1e-12);
    expect(fit.notes).toEqual([]);
    expect(fit.losses.length).toBeGreaterThan(0);
  });

  it('is bitwise reproducible', () => {
    const { x, y } = syntheticData('multiclass_classification', rows, cols, 4);
    const opts = { l2: 1 / rows, maxIter: 200, tol: 1e-6 };
    const a = fitSoftmaxRegression(x, rows, cols, y, 3, opts);
    const b = fitSoftmaxRegression(x, rows, cols, y, 3, opts);
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    expect(Array.from(a.bias)).toEqual(Array.from(b.bias));
  });

  it('a class with no rows: its intercept heads down, the rest still converge, no crash', () => {
    const { x, y } = syntheticData('multiclass_classification', rows, cols, 5);
    const opts = { l2: 1 / rows, maxIter: 300, tol: 1e-6 };
    const fit = fitSoftmaxRegression(x, rows, cols, y, 4, opts); // class 3 never occurs
    expect(fit.weights.every(Number.isFinite)).toBe(true);
    expect(fit.bias[3]).toBeLessThan(Math.min(fit.bias[0], fit.bias[1], fit.bias[2]) - 3);
  });

  it('reports max_iter when it stops short', () => {
    const { x, y } = syntheticData('multiclass_classification', rows, cols, 6);
    const fit = fitSoftmaxRegression(x, rows, cols, y, 3, { l2: 1 / rows, maxIter: 1, tol: 1e-12 });
    expect(fit.notes.join(' ')).toMatch(/did not converge in 1 iterations; raise model.params.max_iter/);
  });
});
