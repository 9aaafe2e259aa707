import { choleskySolve, factorSpd } from './cholesky.js';
import { CHUNK_ROWS, accumulateGram } from './cross-product.js';
import { accumulateGradient, fillWeightedRows, quasiNewtonDirection, rememberPair } from './coarse-to-fine.js';
import { dot, maxAbs } from './lbfgs.js';
import { Workspace, rowWeights, type SolverOptions } from './logistic.js';
import type { LinearFit } from './ridge.js';
import { SoftmaxWorkspace, finishSoftmaxPass, softmaxPass, type SoftmaxPass } from './softmax-pass.js';
import { centerAcrossClasses, factorBlocks, unpack, type SolveState } from './softmax-regression.js';

/**
 * One pass over the training rows: calls `visit` with each batch (row-major x, its rows, its 0/1
 * labels). The streaming run reads a Parquet row group per batch (issue 10).
 */
export type RowPass = (visit: (x: Float32Array, rows: number, y: Float64Array) => void) => Promise<void>;

interface Pass {
  loss: number;
  objective: number;
  grad: Float64Array;
  hess: Float64Array;
}

/**
 * Binary logistic regression on rows that are never all in memory: Newton's method with the
 * exact Hessian, each evaluation one pass over the rows (loss, gradient and Hessian together),
 * and Armijo backtracking. Minimizes the objective of `fitLogistic` (mean log loss +
 * 0.5·l2·‖w‖², intercept unpenalized) to the same tolerance on the gradient, so both land on the
 * same optimum up to that tolerance; Newton needs ~5–10 passes where L-BFGS would need 30–100,
 * and each pass costs a read of the file, so passes are what to save. `rate` is the training
 * rows' positive fraction (the starting intercept).
 */
export async function fitLogisticStreamed(pass: RowPass, cols: number, rate: number, opts: SolverOptions): Promise<LinearFit> {
  const q = cols + 1;
  const ws = new Workspace(cols);
  let theta: Float64Array = new Float64Array(q);
  if (rate > 0 && rate < 1) theta[cols] = Math.log(rate / (1 - rate));
  const notes: string[] = [];
  const losses: number[] = [];
  let jitterNoted = false;
  let cur = await evaluate(pass, theta, opts.l2, ws);
  let iterations = 0;
  while (iterations < opts.maxIter && maxAbs(cur.grad) > opts.tol) {
    iterations++;
    const f = factorSpd(cur.hess, q);
    if (f.jitter > 0 && !jitterNoted) {
      jitterNoted = true;
      notes.push(`the Hessian was singular (collinear features or separable classes): added ${f.jitter.toPrecision(2)} to its diagonal`);
    }
    const dir = choleskySolve(f.l, q, cur.grad.map((g) => -g));
    const slope = dot(cur.grad, dir);
    if (!(slope < 0)) break; // no descent left: at the optimum up to rounding
    let accepted: { theta: Float64Array; pass: Pass } | undefined;
    for (let k = 0, t = 1; k < 30; k++, t /= 2) {
      const cand = theta.map((v, i) => v + t * dir[i]);
      const next = await evaluate(pass, cand, opts.l2, ws);
      if (next.objective <= cur.objective + 1e-4 * t * slope) {
        accepted = { theta: cand, pass: next };
        break;
      }
    }
    if (accepted === undefined) break;
    theta = accepted.theta;
    cur = accepted.pass;
    losses.push(cur.loss);
  }
  if (maxAbs(cur.grad) > opts.tol && iterations >= opts.maxIter) {
    notes.push(`logistic regression did not converge in ${opts.maxIter} iterations (raise model.params.max_iter)`);
  }
  if (losses.length === 0) losses.push(cur.loss);
  return { weights: theta.slice(0, cols), bias: theta.slice(cols), iterations, losses, notes };
}

/** Loss, objective, gradient and Hessian at `theta`, in one pass over the rows. */
async function evaluate(pass: RowPass, theta: Float64Array, l2: number, ws: Workspace): Promise<Pass> {
  const { cols, width, g, h, gram } = ws;
  const q = cols + 1;
  const grad = new Float64Array(q);
  gram.fill(0);
  let loss = 0;
  let rows = 0;
  await pass((x, batchRows, y) => {
    for (let start = 0; start < batchRows; start += CHUNK_ROWS) {
      const n = Math.min(CHUNK_ROWS, batchRows - start);
      loss += rowWeights(x, start * cols, cols, cols, y, start, 1, n, theta, g, h);
      accumulateGradient(x, start * cols, cols, cols, g, n, grad);
      fillWeightedRows(x, start * cols, cols, cols, h, n, ws);
      accumulateGram(ws.c, n, width, q, gram);
    }
    rows += batchRows;
  });
  let penalty = 0;
  for (let i = 0; i < cols; i++) penalty += theta[i] * theta[i];
  for (let i = 0; i < q; i++) grad[i] = grad[i] / rows + (i < cols ? l2 * theta[i] : 0);
  const hess = new Float64Array(q * q);
  for (let i = 0; i < q; i++) {
    for (let j = 0; j <= i; j++) hess[i * q + j] = gram[i * width + j] / rows; // Cholesky reads the lower triangle
    if (i < cols) hess[i * q + i] += l2;
  }
  return { loss: loss / rows, objective: loss / rows + 0.5 * l2 * penalty, grad, hess };
}

/**
 * Multinomial logistic regression on rows that are never all in memory: the objective of
 * `fitSoftmaxRegression` (mean cross-entropy + 0.5·l2·‖W‖², intercepts unpenalized, all k
 * classes), minimized by L-BFGS over full passes, preconditioned — as the in-memory solver's
 * full level is — by the Cholesky factors of the k diagonal Hessian blocks, measured once at the
 * start (class log-priors, W = 0). Each pass sums `softmaxPass` over the batches (loss, gradient,
 * blocks are sums over rows, so batching changes only rounding). Stops at the same gradient
 * tolerance, so both solvers reach the same optimum within it. `classRows`: training rows per class.
 */
export async function fitSoftmaxStreamed(pass: RowPass, cols: number, classRows: readonly number[], opts: SolverOptions): Promise<LinearFit> {
  const k = classRows.length;
  const q = cols + 1;
  const ws = new SoftmaxWorkspace(cols, k);
  const total = classRows.reduce((a, b) => a + b, 0);
  let theta: Float64Array = new Float64Array(q * k);
  const logs = classRows.map((n) => Math.log(Math.max(n, 0.5) / total));
  const mean = logs.reduce((a, b) => a + b, 0) / k;
  logs.forEach((v, c) => (theta[c * q + cols] = v - mean));
  const state: SolveState = { theta, iterations: 0, jitterNoted: false, notes: [], losses: [] };
  let cur = await evaluateSoftmax(pass, theta, cols, k, opts.l2, true, ws);
  const factors = factorBlocks(cur.blocks as Float64Array[], q, state);
  const applyInitial = (v: Float64Array): void => {
    factors.forEach((l, c) => v.set(choleskySolve(l, q, v.subarray(c * q, (c + 1) * q)), c * q));
    centerAcrossClasses(v, q, k);
  };
  const pairs = { ss: [] as Float64Array[], ys: [] as Float64Array[] };
  let iterations = 0;
  while (iterations < opts.maxIter && maxAbs(cur.grad) > opts.tol) {
    iterations++;
    const dir = quasiNewtonDirection(cur.grad, pairs, applyInitial);
    const slope = dot(cur.grad, dir);
    let accepted: { theta: Float64Array; pass: SoftmaxPass } | undefined;
    for (let step = 0, t = 1; step < 30; step++, t /= 2) {
      const cand = theta.map((v, i) => v + t * dir[i]);
      const next = await evaluateSoftmax(pass, cand, cols, k, opts.l2, false, ws);
      if (next.objective <= cur.objective + 1e-4 * t * slope) {
        accepted = { theta: cand, pass: next };
        break;
      }
    }
    if (accepted === undefined) break; // no descent left: at the optimum up to rounding
    rememberPair(theta, cur.grad, accepted, pairs);
    theta = accepted.theta;
    cur = accepted.pass;
    state.losses.push(cur.loss);
  }
  if (maxAbs(cur.grad) > opts.tol && iterations >= opts.maxIter) {
    state.notes.push(`multinomial logistic regression did not converge in ${opts.maxIter} iterations; raise model.params.max_iter`);
  }
  if (state.losses.length === 0) state.losses.push(cur.loss);
  return { ...unpack(theta, cols, k), iterations, losses: state.losses, notes: state.notes };
}

/** softmaxPass summed over a pass's batches (each without the penalty), then averaged and penalized. */
async function evaluateSoftmax(
  pass: RowPass, theta: Float64Array, cols: number, k: number, l2: number, withHessian: boolean, ws: SoftmaxWorkspace,
): Promise<SoftmaxPass> {
  const q = cols + 1;
  const grad = new Float64Array(q * k);
  const blocks = withHessian ? Array.from({ length: k }, () => new Float64Array(q * q)) : undefined;
  let loss = 0;
  let rows = 0;
  await pass((x, n, y) => {
    if (n === 0) return;
    const part = softmaxPass({ x, y, cols, k }, { stride: 1, rows: n }, theta, 0, withHessian, ws);
    loss += part.loss * n;
    for (let i = 0; i < grad.length; i++) grad[i] += part.grad[i] * n;
    part.blocks?.forEach((block, c) => {
      const sum = (blocks as Float64Array[])[c];
      for (let i = 0; i < block.length; i++) sum[i] += block[i] * n;
    });
    rows += n;
  });
  const out = finishSoftmaxPass(loss, grad, theta, { k, q, cols, rows, l2 });
  if (blocks !== undefined) {
    out.blocks = blocks.map((block) => {
      for (let i = 0; i < block.length; i++) block[i] /= rows;
      for (let i = 0; i < cols; i++) block[i * q + i] += l2;
      return block;
    });
  }
  return out;
}
