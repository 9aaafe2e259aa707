import { solveSpd } from './cholesky.js';
import { CHUNK_ROWS, accumulateCrossProduct } from './cross-product.js';
import { dot, maxAbs } from './lbfgs.js';
import type { LinearFit } from './ridge.js';

export interface SolverOptions {
  l2: number;
  maxIter: number;
  /** Stop when the largest gradient component of the (mean) objective is at most this. */
  tol: number;
}

/**
 * Binary logistic regression by Newton's method with a Cholesky-solved Hessian (few columns
 * make the (p+1)² Hessian cheap, and Newton converges in a handful of passes).
 * Minimizes mean(logloss) + 0.5·l2·‖w‖², intercept unpenalized; l2 = 1/n is scikit-learn's
 * LogisticRegression(C=1). Backtracking keeps every step a descent step.
 */
export function fitLogistic(x: Float32Array, rows: number, cols: number, y: Float64Array, opts: SolverOptions): LinearFit {
  const q = cols + 1; // the intercept is the last parameter
  let theta = new Float64Array(q);
  let cur = logisticPass(x, rows, cols, y, theta, opts.l2);
  const losses: number[] = [];
  const notes: string[] = [];
  let iterations = 0;
  let jitterNoted = false;
  while (iterations < opts.maxIter && maxAbs(cur.grad) > opts.tol) {
    iterations++;
    const { x: step, jitter } = solveSpd(cur.hess, q, cur.grad);
    if (jitter > 0 && !jitterNoted) {
      notes.push(`the Hessian was singular (collinear features or separable classes): added ${jitter.toPrecision(2)} to its diagonal`);
      jitterNoted = true;
    }
    const slope = -dot(cur.grad, step);
    let t = 1;
    let accepted = false;
    for (let k = 0; k < 30 && !accepted; k++, t /= 2) {
      const cand = theta.map((v, i) => v - t * step[i]);
      const pass = logisticPass(x, rows, cols, y, cand, opts.l2);
      if (pass.objective <= cur.objective + 1e-4 * t * slope) {
        theta = cand;
        cur = pass;
        accepted = true;
      }
    }
    if (!accepted) break; // no descent left: at the optimum up to rounding
    losses.push(cur.loss);
  }
  if (maxAbs(cur.grad) > opts.tol && iterations >= opts.maxIter) {
    notes.push(`logistic regression did not converge in ${opts.maxIter} iterations (raise model.params.max_iter)`);
  }
  if (losses.length === 0) losses.push(cur.loss);
  return { weights: theta.slice(0, cols), bias: theta.slice(cols), iterations, losses, notes };
}

interface Pass {
  loss: number;
  objective: number;
  grad: Float64Array;
  hess: Float64Array;
}

/**
 * One pass over the rows: mean log loss, objective, gradient and Hessian. Rows go through in
 * chunks: [x, 1] and its h-weighted copy feed the tiled cross-product kernel (Hessian = Aᵀ·diag(h)·A),
 * zero-padded to a width of 4 so the kernel's tiles cover it.
 */
function logisticPass(x: Float32Array, rows: number, cols: number, y: Float64Array, theta: Float64Array, l2: number): Pass {
  const q = cols + 1;
  const w4 = (q + 3) & ~3;
  const grad = new Float64Array(q);
  const padded = new Float64Array(w4 * w4);
  const a = new Float64Array(CHUNK_ROWS * w4);
  const ha = new Float64Array(CHUNK_ROWS * w4);
  let loss = 0;
  for (let start = 0; start < rows; start += CHUNK_ROWS) {
    const n = Math.min(CHUNK_ROWS, rows - start);
    for (let r = 0; r < n; r++) {
      const o = (start + r) * cols;
      const c = r * w4;
      let z = theta[cols];
      for (let i = 0; i < cols; i++) {
        const v = x[o + i];
        a[c + i] = v;
        z += v * theta[i];
      }
      a[c + cols] = 1;
      const t = y[start + r];
      const e = Math.exp(-Math.abs(z));
      loss += (z > 0 ? z : 0) - z * t + Math.log1p(e);
      const prob = z >= 0 ? 1 / (1 + e) : e / (1 + e);
      const g = prob - t;
      const h = prob * (1 - prob);
      for (let i = 0; i < q; i++) {
        grad[i] += g * a[c + i];
        ha[c + i] = h * a[c + i];
      }
    }
    accumulateCrossProduct(a, ha, padded, { rows: n, p: w4, q: w4, lowerOnly: true });
  }
  let penalty = 0;
  for (let i = 0; i < cols; i++) penalty += theta[i] * theta[i];
  const hess = new Float64Array(q * q);
  for (let i = 0; i < q; i++) {
    grad[i] = grad[i] / rows + (i < cols ? l2 * theta[i] : 0);
    for (let j = 0; j <= i; j++) hess[i * q + j] = padded[i * w4 + j] / rows; // Cholesky reads the lower triangle
    if (i < cols) hess[i * q + i] += l2;
  }
  return { loss: loss / rows, objective: loss / rows + 0.5 * l2 * penalty, grad, hess };
}
