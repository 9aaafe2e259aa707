import { solveSpd } from './cholesky.js';
import { CHUNK_ROWS, accumulateCrossProduct } from './cross-product.js';

export interface LinearFit {
  /** cols×units row-major, like a Keras kernel. */
  weights: Float64Array;
  bias: Float64Array;
  iterations: number;
  /** Objective (mean loss without the L2 term) after each iteration. */
  losses: number[];
  notes: string[];
}

/**
 * Least squares / ridge by the normal equations, exact in one pass over the rows.
 * Minimizes mean((y - x·w - b)²) + 0.5·l2·‖w‖² (the MLP's objective; sklearn Ridge's alpha is
 * n·l2/2), intercept unpenalized. The pass accumulates the cross-products of rows shifted by
 * the first row, which keeps the centering accurate in Float64 even when features have large means.
 */
export function fitRidge(x: Float32Array, rows: number, cols: number, y: Float64Array, l2: number): LinearFit {
  // Augmented rows [x - x₀, 1, y, 0…]: one cross-product gives Σddᵀ, Σd, Σdy, n, Σy and Σy².
  // Zero columns pad the width to a multiple of 4 so the kernel's register tiles cover it all.
  const p = cols;
  const q = (p + 2 + 3) & ~3;
  const m = new Float64Array(q * q);
  const chunk = new Float64Array(CHUNK_ROWS * q);
  for (let start = 0; start < rows; start += CHUNK_ROWS) {
    const n = Math.min(CHUNK_ROWS, rows - start);
    for (let r = 0; r < n; r++) {
      const o = (start + r) * p;
      const c = r * q;
      for (let i = 0; i < p; i++) chunk[c + i] = x[o + i] - x[i];
      chunk[c + p] = 1;
      chunk[c + p + 1] = y[start + r];
    }
    accumulateCrossProduct(chunk, chunk, m, { rows: n, p: q, q, lowerOnly: true });
  }
  const n = rows;
  const at = (i: number, j: number): number => (i >= j ? m[i * q + j] : m[j * q + i]); // lower triangle is filled
  const sy = at(p, p + 1);
  const cov = new Float64Array(p * p);
  const rhs = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    rhs[i] = at(i, p + 1) - (at(i, p) * sy) / n;
    for (let j = 0; j <= i; j++) cov[i * p + j] = cov[j * p + i] = at(i, j) - (at(i, p) * at(j, p)) / n;
  }
  const penalized = Float64Array.from(cov);
  for (let i = 0; i < p; i++) penalized[i * p + i] += (n * l2) / 2;
  const notes: string[] = [];
  const { x: w, jitter } = solveSpd(penalized, p, rhs);
  if (jitter > 0) {
    notes.push(`the features are collinear or constant: added ${jitter.toPrecision(2)} to the normal equations' diagonal (set model.params.l2 to regularize on purpose)`);
  }
  let b = sy / n;
  for (let i = 0; i < p; i++) b -= w[i] * (at(i, p) / n + x[i]);
  // Mean squared error from the same sums: Σ(yc - dcᵀw)² = Syy - 2wᵀSdy + wᵀSddw (centered).
  let sse = at(p + 1, p + 1) - (sy * sy) / n;
  for (let i = 0; i < p; i++) {
    sse -= 2 * w[i] * rhs[i];
    for (let j = 0; j < p; j++) sse += w[i] * cov[i * p + j] * w[j];
  }
  return { weights: w, bias: Float64Array.of(b), iterations: 1, losses: [Math.max(0, sse) / n], notes };
}
