import { choleskySolve, factorSpd } from './cholesky.js';
import { CHUNK_ROWS, accumulateGram } from './cross-product.js';
import { dot, maxAbs } from './lbfgs.js';
import {
  COARSE_TOL, NEWTON_ROWS, REFRESH_RATIO, accumulateGradient, coarseToFine, fillWeightedRows, quasiNewtonStep, type Level,
} from './coarse-to-fine.js';
import type { LinearFit } from './ridge.js';

export interface SolverOptions {
  l2: number;
  maxIter: number;
  /** Stop when the largest gradient component of the (mean) objective is at most this. */
  tol: number;
}

/** The rows and labels being fitted. */
interface Data {
  x: Float32Array;
  y: Float64Array;
  cols: number;
}

/**
 * Binary logistic regression by a Newton-type method. Minimizes mean(logloss) + 0.5·l2·‖w‖²,
 * intercept unpenalized; l2 = 1/n is scikit-learn's LogisticRegression(C=1).
 *
 * Coarse to fine: on many rows, the same objective is first solved on every 16th, then every
 * 4th row (read in place), where passes are cheap; each solution starts the next finer level,
 * whose optimum is only sampling noise away. Steps solve with an exact Hessian (Cholesky) taken
 * at each coarse level's first pass, corrected by L-BFGS secant pairs and refreshed only while
 * steps shrink the gradient slowly. The full level inherits the last one, so its passes compute
 * just the loss and gradient (a third of the cost), and it alone decides convergence (tol): the
 * answer is the full-data optimum. Backtracking keeps every step a descent step.
 */
export function fitLogistic(x: Float32Array, rows: number, cols: number, y: Float64Array, opts: SolverOptions): LinearFit {
  const data: Data = { x, y, cols };
  const levels = coarseToFine(rows, cols + 1);
  const state: SolveState = { theta: startingPoint(y, levels[0], cols), iterations: 0, jitterNoted: false, notes: [], losses: [] };
  const ws = new Workspace(cols);
  for (const level of levels) {
    state.losses = [];
    solveLevel(data, level, opts, state, ws, level.stride === 1);
  }
  return { weights: state.theta.slice(0, cols), bias: state.theta.slice(cols), iterations: state.iterations, losses: state.losses, notes: state.notes };
}

interface SolveState {
  theta: Float64Array;
  /** Cholesky factor of the last exact Hessian, carried from a coarser level. */
  factor?: Float64Array;
  iterations: number;
  jitterNoted: boolean;
  notes: string[];
  losses: number[];
}

function solveLevel(data: Data, level: Level, opts: SolverOptions, state: SolveState, ws: Workspace, final: boolean): void {
  const q = data.cols + 1; // the intercept is the last parameter
  const inherit = final && state.factor !== undefined;
  let cur = logisticPass(data, level, state.theta, opts.l2, !inherit, ws);
  // A coarse level only has to land well inside the finer level's sampling noise. Small data, where
  // a Newton step costs next to nothing, goes 100× past tol: on ill-conditioned features a gradient
  // of tol can leave coefficients ~1e-4 from the optimum, and one more step removes that.
  const fullTol = level.rows < NEWTON_ROWS ? opts.tol / 100 : opts.tol;
  const tol = final ? fullTol : Math.max(opts.tol, COARSE_TOL * maxAbs(cur.grad));
  const ss: Float64Array[] = [];
  const ys: Float64Array[] = [];
  const applyInitial = (v: Float64Array): void => v.set(choleskySolve(state.factor ?? v, q, v));
  let iterations = 0;
  ws.wantHessian = false;
  while (iterations < opts.maxIter && maxAbs(cur.grad) > tol) {
    iterations++;
    if (cur.hess !== undefined) {
      const f = factorSpd(cur.hess, q);
      if (f.jitter > 0 && !state.jitterNoted) {
        state.jitterNoted = true;
        state.notes.push(`the Hessian was singular (collinear features or separable classes): added ${f.jitter.toPrecision(2)} to its diagonal`);
      }
      state.factor = f.l;
      ss.length = 0;
      ys.length = 0;
    }
    const next = quasiNewtonStep(state.theta, cur, { ss, ys }, applyInitial, (dir) => lineSearch(data, level, state.theta, cur, dir, opts.l2, ws));
    if (next === undefined) break; // no descent left: at the optimum up to rounding
    state.theta = next.theta;
    cur = next.pass;
    state.losses.push(cur.loss);
  }
  state.iterations += iterations;
  if (!final) return;
  if (maxAbs(cur.grad) > opts.tol && iterations >= opts.maxIter) {
    state.notes.push(`logistic regression did not converge in ${opts.maxIter} iterations (raise model.params.max_iter)`);
  }
  if (state.losses.length === 0) state.losses.push(cur.loss);
}

/** w = 0 and the intercept at log(ȳ / (1 − ȳ)) on the coarsest level: about the intercept-only optimum. */
function startingPoint(y: Float64Array, level: Level, cols: number): Float64Array {
  const theta = new Float64Array(cols + 1);
  let sum = 0;
  for (let r = 0; r < level.rows; r++) sum += y[r * level.stride];
  const rate = sum / level.rows;
  if (rate > 0 && rate < 1) theta[cols] = Math.log(rate / (1 - rate));
  return theta;
}

/**
 * Armijo backtracking along `dir` from a full step. The trial point gets a Hessian when the
 * gradient shrank slowly since the last one (see REFRESH_RATIO): the step after it needs one.
 */
function lineSearch(
  data: Data, level: Level, theta: Float64Array, cur: Pass, dir: Float64Array, l2: number, ws: Workspace,
): { theta: Float64Array; pass: Pass } | undefined {
  const slope = dot(cur.grad, dir);
  for (let k = 0, t = 1; k < 30; k++, t /= 2) {
    const cand = theta.map((v, i) => v + t * dir[i]);
    const pass = logisticPass(data, level, cand, l2, ws.wantHessian, ws);
    if (pass.objective <= cur.objective + 1e-4 * t * slope) {
      ws.wantHessian = level.rows < NEWTON_ROWS || maxAbs(pass.grad) > REFRESH_RATIO * maxAbs(cur.grad);
      return { theta: cand, pass };
    }
    ws.wantHessian = true; // a rejected full step: the curvature model is off, measure it again
  }
  return undefined;
}

interface Pass {
  loss: number;
  objective: number;
  grad: Float64Array;
  /** Lower triangle of the objective's Hessian, when the pass was asked for it. */
  hess?: Float64Array;
}

/** Per-chunk buffers, allocated once per fit. */
export class Workspace {
  readonly width: number;
  readonly g = new Float64Array(CHUNK_ROWS);
  readonly h = new Float64Array(CHUNK_ROWS);
  readonly c: Float64Array;
  readonly gram: Float64Array;
  wantHessian = false;
  constructor(readonly cols: number) {
    this.width = (cols + 1 + 3) & ~3; // [x, 1] zero-padded to the Gram kernel's tile width
    this.c = new Float64Array(CHUNK_ROWS * this.width);
    this.gram = new Float64Array(this.width * this.width);
  }
}

/**
 * One pass over the rows: mean log loss, objective, gradient, and (when asked) the Hessian.
 * Rows go through in chunks: a first loop computes each row's gradient and curvature weights,
 * then register-tiled loops reduce them against the chunk's columns.
 */
function logisticPass(data: Data, level: Level, theta: Float64Array, l2: number, withHessian: boolean, ws: Workspace): Pass {
  const { x, y, cols } = data;
  const { stride, rows } = level;
  const { width, g, h, gram } = ws;
  const q = cols + 1;
  const step = stride * cols; // x offset from one level row to the next
  const grad = new Float64Array(q);
  gram.fill(0);
  let loss = 0;
  for (let start = 0; start < rows; start += CHUNK_ROWS) {
    const n = Math.min(CHUNK_ROWS, rows - start);
    const first = start * stride; // the chunk's first data row
    loss += rowWeights(x, first * cols, step, cols, y, first, stride, n, theta, g, h);
    accumulateGradient(x, first * cols, step, cols, g, n, grad);
    if (withHessian) {
      fillWeightedRows(x, first * cols, step, cols, h, n, ws);
      accumulateGram(ws.c, n, width, q, gram);
    }
  }
  let penalty = 0;
  for (let i = 0; i < cols; i++) penalty += theta[i] * theta[i];
  for (let i = 0; i < q; i++) grad[i] = grad[i] / rows + (i < cols ? l2 * theta[i] : 0);
  const pass: Pass = { loss: loss / rows, objective: loss / rows + 0.5 * l2 * penalty, grad };
  if (withHessian) {
    const hess = new Float64Array(q * q);
    for (let i = 0; i < q; i++) {
      for (let j = 0; j <= i; j++) hess[i * q + j] = gram[i * width + j] / rows; // Cholesky reads the lower triangle
      if (i < cols) hess[i * q + i] += l2;
    }
    pass.hess = hess;
  }
  return pass;
}

/**
 * Per row r of the chunk: g[r] = p − y and h[r] = p·(1 − p) at p = σ(x·w + b); returns the summed
 * log loss. Its log1p(e^−|z|) terms are summed as one log of their product, Π(1 + e) ≤ 2^CHUNK_ROWS,
 * which cannot overflow. The dot product runs four partial sums, so rows do not wait on one add chain.
 */
export function rowWeights(
  x: Float32Array, base: number, step: number, cols: number, y: Float64Array, first: number, stride: number, n: number,
  theta: Float64Array, g: Float64Array, h: Float64Array,
): number {
  const b = theta[cols];
  const iEnd = cols & ~3;
  let loss = 0;
  let product = 1;
  for (let r = 0, o = base, yi = first; r < n; r++, o += step, yi += stride) {
    let z0 = b, z1 = 0, z2 = 0, z3 = 0;
    for (let i = 0; i < iEnd; i += 4) {
      z0 += x[o + i] * theta[i]; z1 += x[o + i + 1] * theta[i + 1]; z2 += x[o + i + 2] * theta[i + 2]; z3 += x[o + i + 3] * theta[i + 3];
    }
    for (let i = iEnd; i < cols; i++) z0 += x[o + i] * theta[i];
    const z = (z0 + z1) + (z2 + z3);
    const t = y[yi];
    const e = Math.exp(-Math.abs(z));
    const onePlus = 1 + e;
    // Branches pick operands only, so every arithmetic op runs on the first pass (whose rows all
    // share one z, of one sign) and the optimized code never deoptimizes on the other sign.
    loss += Math.max(z, 0) - z * t;
    product *= onePlus;
    const prob = (z >= 0 ? 1 : e) / onePlus;
    g[r] = prob - t;
    h[r] = prob * (1 - prob);
  }
  return loss + Math.log(product);
}
