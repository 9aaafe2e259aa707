import { describe, expect, it } from 'vitest';
import { accumulateGram } from '../../../src/model/cross-product.js';
import { fitLogistic } from '../../../src/model/logistic.js';
import { Rng } from '../../../src/rng.js';
import { syntheticData } from './data.js';

/** Largest component of the mean-logloss + 0.5·l2·‖w‖² gradient, computed plainly, row by row. */
function maxGradient(x: Float32Array, rows: number, cols: number, y: Float64Array, w: Float64Array, b: number, l2: number): number {
  const grad = new Float64Array(cols + 1);
  for (let r = 0; r < rows; r++) {
    let z = b;
    for (let i = 0; i < cols; i++) z += x[r * cols + i] * w[i];
    const g = 1 / (1 + Math.exp(-z)) - y[r];
    for (let i = 0; i < cols; i++) grad[i] += g * x[r * cols + i];
    grad[cols] += g;
  }
  let m = 0;
  for (let i = 0; i <= cols; i++) m = Math.max(m, Math.abs(grad[i] / rows + (i < cols ? l2 * w[i] : 0)));
  return m;
}

describe('binary logistic solver (coarse-to-fine Newton)', () => {
  // 20,011 rows × 7: one coarse level (every 4th row, 5,003 rows), and row counts that fill
  // neither the level's stride nor the 256-row chunks evenly.
  const rows = 20_011;
  const cols = 7;

  it('lands on the full-data optimum: the plainly computed gradient is within tol', () => {
    const { x, y } = syntheticData('binary_classification', rows, cols, 3);
    const opts = { l2: 1 / rows, maxIter: 100, tol: 1e-8 };
    const fit = fitLogistic(x, rows, cols, y, opts);
    expect(maxGradient(x, rows, cols, y, fit.weights, fit.bias[0], opts.l2)).toBeLessThan(2e-8);
    expect(fit.notes).toEqual([]);
    expect(fit.losses.length).toBeGreaterThan(0);
  });

  it('is bitwise reproducible', () => {
    const { x, y } = syntheticData('binary_classification', rows, cols, 4);
    const opts = { l2: 1 / rows, maxIter: 100, tol: 1e-6 };
    const a = fitLogistic(x, rows, cols, y, opts);
    const b = fitLogistic(x, rows, cols, y, opts);
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    expect(Array.from(a.bias)).toEqual(Array.from(b.bias));
  });

  it('converges when a feature is absent from every coarse level (rows sorted by class, one rare column)', () => {
    const { x, y } = syntheticData('binary_classification', rows, cols, 5);
    const order = Array.from({ length: rows }, (_, r) => r).sort((a, b) => y[a] - y[b] || a - b);
    const xs = new Float32Array(rows * cols);
    const ys = new Float64Array(rows);
    order.forEach((src, r) => {
      xs.set(x.subarray(src * cols, (src + 1) * cols), r * cols);
      ys[r] = y[src];
    });
    // Column 6 is zero except on some rows ≡ 1 (mod 4): the coarse level (rows ≡ 0) never sees it.
    for (let r = 0; r < rows; r++) xs[r * cols + 6] = r % 4 === 1 && r % 7 === 0 ? 3 * ys[r] - 1 : 0;
    const opts = { l2: 1 / rows, maxIter: 200, tol: 1e-7 };
    const fit = fitLogistic(xs, rows, cols, ys, opts);
    expect(maxGradient(xs, rows, cols, ys, fit.weights, fit.bias[0], opts.l2)).toBeLessThan(2e-7);
    expect(fit.weights[6]).toBeGreaterThan(0.5); // the rare column carries the label
  });

  it('one class only: the intercept heads to that class, no crash', () => {
    const { x } = syntheticData('binary_classification', rows, cols, 6);
    const fit = fitLogistic(x, rows, cols, new Float64Array(rows).fill(1), { l2: 1 / rows, maxIter: 50, tol: 1e-6 });
    expect(fit.bias[0]).toBeGreaterThan(5);
    expect(fit.weights.every(Number.isFinite)).toBe(true);
  });
});

describe('accumulateGram', () => {
  it.each([1, 2, 5, 8, 21])('matches the plain lower-triangular Σ ccᵀ for q = %i', (q) => {
    const width = (q + 3) & ~3;
    const rows = 37;
    const rng = new Rng(q);
    const c = new Float64Array(rows * width);
    for (let r = 0; r < rows; r++) for (let i = 0; i < q; i++) c[r * width + i] = rng.normal();
    const out = new Float64Array(width * width);
    accumulateGram(c, rows, width, q, out);
    accumulateGram(c, rows, width, q, out); // accumulates
    for (let i = 0; i < q; i++) {
      for (let j = 0; j <= i; j++) {
        let s = 0;
        for (let r = 0; r < rows; r++) s += c[r * width + i] * c[r * width + j];
        expect(out[i * width + j]).toBeCloseTo(2 * s, 10);
      }
    }
  });
});
