import { choleskySolve, factorSpd } from './cholesky.js';
import { COARSE_TOL, NEWTON_ROWS, coarseToFine, quasiNewtonStep, type Level } from './coarse-to-fine.js';
import { dot, maxAbs } from './lbfgs.js';
import type { SolverOptions } from './logistic.js';
import type { LinearFit } from './ridge.js';
import { SoftmaxWorkspace, softmaxPass, type SoftmaxData, type SoftmaxPass } from './softmax-pass.js';

/**
 * Multinomial (softmax) logistic regression, with all k classes parameterized like scikit-learn's
 * multinomial LogisticRegression: minimizes mean(cross-entropy) + 0.5·l2·‖W‖², intercepts
 * unpenalized (l2 = 1/n is C=1). Returns W (cols×k row-major) and b (k).
 *
 * The binary solver's plan (logistic.ts): coarse to fine over every 16th, then 4th, then every
 * row, starting at the class log-priors; L-BFGS steps whose starting inverse Hessian is the
 * per-class diagonal blocks of the exact Hessian (Cholesky), taken at each coarse level's first
 * pass; the full level inherits the last ones, so all its passes are loss and gradient only.
 * The blocks drop the classes' coupling (−p_c·p_d), which the secant pairs then learn; so,
 * unlike the binary solver, refreshing them on slow steps measured no fewer iterations, only
 * dearer passes. The full level alone decides convergence (tol): the answer is the full-data optimum.
 */
export function fitSoftmaxRegression(
  x: Float32Array, rows: number, cols: number, y: Float64Array, k: number, opts: SolverOptions,
): LinearFit {
  const q = cols + 1;
  const data: SoftmaxData = { x, y, cols, k };
  const levels = coarseToFine(rows, q * k);
  const state: SolveState = { theta: startingPoint(y, levels[0], cols, k), iterations: 0, jitterNoted: false, notes: [], losses: [] };
  const ws = new SoftmaxWorkspace(cols, k);
  for (const level of levels) {
    state.losses = [];
    solveLevel(data, level, opts, state, ws, level.stride === 1);
  }
  return { ...unpack(state.theta, cols, k), iterations: state.iterations, losses: state.losses, notes: state.notes };
}

export interface SolveState {
  theta: Float64Array;
  /** Cholesky factors of the last diagonal Hessian blocks, carried from a coarser level. */
  factors?: Float64Array[];
  iterations: number;
  jitterNoted: boolean;
  notes: string[];
  losses: number[];
}

function solveLevel(data: SoftmaxData, level: Level, opts: SolverOptions, state: SolveState, ws: SoftmaxWorkspace, final: boolean): void {
  const q = data.cols + 1;
  let cur = softmaxPass(data, level, state.theta, opts.l2, !(final && state.factors !== undefined), ws);
  // As in logistic.ts: small data goes 100× past tol (cheap there, and it pins ill-conditioned
  // coefficients); a coarse level only has to land inside the finer level's sampling noise.
  const fullTol = level.rows < NEWTON_ROWS ? opts.tol / 100 : opts.tol;
  const tol = final ? fullTol : Math.max(opts.tol, COARSE_TOL * maxAbs(cur.grad));
  const ss: Float64Array[] = [];
  const ys: Float64Array[] = [];
  const applyInitial = (v: Float64Array): void => {
    state.factors?.forEach((l, c) => v.set(choleskySolve(l, q, v.subarray(c * q, (c + 1) * q)), c * q));
    centerAcrossClasses(v, q, data.k);
  };
  let iterations = 0;
  while (iterations < opts.maxIter && maxAbs(cur.grad) > tol) {
    iterations++;
    if (cur.blocks !== undefined) state.factors = factorBlocks(cur.blocks, q, state);
    const next = quasiNewtonStep(state.theta, cur, { ss, ys }, applyInitial, (dir) => lineSearch(data, level, state.theta, cur, dir, opts.l2, ws));
    if (next === undefined) break; // no descent left: at the optimum up to rounding
    state.theta = next.theta;
    cur = next.pass;
    state.losses.push(cur.loss);
  }
  state.iterations += iterations;
  if (!final) return;
  if (maxAbs(cur.grad) > opts.tol && iterations >= opts.maxIter) {
    state.notes.push(`multinomial logistic regression did not converge in ${opts.maxIter} iterations; raise model.params.max_iter`);
  }
  if (state.losses.length === 0) state.losses.push(cur.loss);
}

export function factorBlocks(blocks: Float64Array[], q: number, state: SolveState): Float64Array[] {
  return blocks.map((block) => {
    const f = factorSpd(block, q);
    if (f.jitter > 0 && !state.jitterNoted) {
      state.jitterNoted = true;
      state.notes.push(`the Hessian was singular (collinear features or an absent class): added ${f.jitter.toPrecision(2)} to its diagonal`);
    }
    return f.l;
  });
}

/** Armijo backtracking along `dir` from a full step. */
function lineSearch(
  data: SoftmaxData, level: Level, theta: Float64Array, cur: SoftmaxPass, dir: Float64Array, l2: number, ws: SoftmaxWorkspace,
): { theta: Float64Array; pass: SoftmaxPass } | undefined {
  const slope = dot(cur.grad, dir);
  for (let k = 0, t = 1; k < 30; k++, t /= 2) {
    const cand = theta.map((v, i) => v + t * dir[i]);
    const pass = softmaxPass(data, level, cand, l2, false, ws);
    if (pass.objective <= cur.objective + 1e-4 * t * slope) return { theta: cand, pass };
  }
  return undefined;
}

/**
 * W = 0 and intercepts at the class log-priors of the coarsest level, centered (an absent class
 * counts half a row). The objective is blind to a common shift of the intercepts; centering
 * here and in unpack lands on the same representative as scikit-learn's solvers from zero.
 */
function startingPoint(y: Float64Array, level: Level, cols: number, k: number): Float64Array {
  const counts = new Float64Array(k);
  for (let r = 0; r < level.rows; r++) counts[y[r * level.stride]]++;
  const logs = Array.from(counts, (n) => Math.log(Math.max(n, 0.5) / level.rows));
  const mean = logs.reduce((a, b) => a + b, 0) / k;
  const theta = new Float64Array((cols + 1) * k);
  logs.forEach((v, c) => (theta[c * (cols + 1) + cols] = v - mean));
  return theta;
}

/**
 * Subtracts, for each parameter index, its mean over the classes. The loss is blind to such a
 * common shift and the penalty's optimum has none, so the iterates stay in the centered subspace;
 * the blocks (which ignore the coupling) would otherwise drift along the shift, which only l2 resists.
 */
export function centerAcrossClasses(v: Float64Array, q: number, k: number): void {
  for (let i = 0; i < q; i++) {
    let mean = 0;
    for (let c = 0; c < k; c++) mean += v[c * q + i];
    mean /= k;
    for (let c = 0; c < k; c++) v[c * q + i] -= mean;
  }
}

/** Class blocks → W (cols×k, Keras kernel layout) and centered b. */
export function unpack(theta: Float64Array, cols: number, k: number): { weights: Float64Array; bias: Float64Array } {
  const q = cols + 1;
  const weights = new Float64Array(cols * k);
  const bias = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    for (let i = 0; i < cols; i++) weights[i * k + c] = theta[c * q + i];
    bias[c] = theta[c * q + cols];
  }
  const mean = bias.reduce((a, b) => a + b, 0) / k;
  for (let c = 0; c < k; c++) bias[c] -= mean;
  return { weights, bias };
}
