import { dot, twoLoopDirection } from './lbfgs.js';
/**
 * The coarse-to-fine plan and row kernels shared by the logistic solvers (binary and multinomial):
 * a level reads every stride-th row in place; kernels reduce a chunk of a level's rows.
 */

/** Secant pairs kept on top of the last exact Hessian (L-BFGS's usual memory). */
export const MEMORY = 10;
/**
 * A step whose gradient shrank by less than this factor asks for a fresh Hessian at the next
 * point; below it, the last Hessian plus secant updates still converge fast enough, and a pass
 * without the Hessian costs about a third of one with it.
 */
export const REFRESH_RATIO = 0.25;
/** Each coarser level keeps every LEVEL_STRIDE-th row of the next finer one… */
export const LEVEL_STRIDE = 4;
/** …while it keeps at least this many rows (and 64 per parameter). */
export const MIN_LEVEL_ROWS = 2048;
/** Levels this small take a fresh Hessian at every step (plain Newton): it costs little there. */
export const NEWTON_ROWS = LEVEL_STRIDE * MIN_LEVEL_ROWS;
/** A coarse level stops once its gradient is this fraction of its starting one. */
export const COARSE_TOL = 0.01;

/** Rows r·stride of the data (r < rows): a level of the coarse-to-fine solve, read in place. */
export interface Level {
  stride: number;
  rows: number;
}

/**
 * The levels, coarsest first and the full data last: strides LEVEL_STRIDE^k while a level keeps
 * enough rows for its `params` parameters.
 */
export function coarseToFine(rows: number, params: number): Level[] {
  const levels: Level[] = [{ stride: 1, rows }];
  const minRows = Math.max(MIN_LEVEL_ROWS, 64 * params);
  for (let stride = LEVEL_STRIDE; Math.ceil(rows / stride) >= minRows; stride *= LEVEL_STRIDE) {
    levels.unshift({ stride, rows: Math.ceil(rows / stride) });
  }
  return levels;
}

/** grad += [x, 1]ᵀ·g over the chunk, eight (then four) columns at a time held in registers. */
export function accumulateGradient(x: Float32Array, base: number, step: number, cols: number, g: Float64Array, n: number, grad: Float64Array): void {
  const jEnd = cols - (cols % 8);
  for (let j = 0; j < jEnd; j += 8) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
    for (let r = 0, o = base + j; r < n; r++, o += step) {
      const gr = g[r];
      s0 += gr * x[o]; s1 += gr * x[o + 1]; s2 += gr * x[o + 2]; s3 += gr * x[o + 3];
      s4 += gr * x[o + 4]; s5 += gr * x[o + 5]; s6 += gr * x[o + 6]; s7 += gr * x[o + 7];
    }
    grad[j] += s0; grad[j + 1] += s1; grad[j + 2] += s2; grad[j + 3] += s3;
    grad[j + 4] += s4; grad[j + 5] += s5; grad[j + 6] += s6; grad[j + 7] += s7;
  }
  let j = jEnd;
  if (cols - j >= 4) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let r = 0, o = base + j; r < n; r++, o += step) {
      const gr = g[r];
      s0 += gr * x[o]; s1 += gr * x[o + 1]; s2 += gr * x[o + 2]; s3 += gr * x[o + 3];
    }
    grad[j] += s0; grad[j + 1] += s1; grad[j + 2] += s2; grad[j + 3] += s3;
    j += 4;
  }
  for (; j < cols; j++) {
    let s = 0;
    for (let r = 0, o = base + j; r < n; r++, o += step) s += g[r] * x[o];
    grad[j] += s;
  }
  let s = 0;
  for (let r = 0; r < n; r++) s += g[r];
  grad[cols] += s;
}

/** The chunk's rows as √h·[x, 1, 0…] in Float64, zero-padded for the Gram kernel's tiles. */
export function fillWeightedRows(
  x: Float32Array, base: number, step: number, cols: number, h: Float64Array, n: number, ws: { c: Float64Array; width: number },
): void {
  const { c, width } = ws;
  for (let r = 0, o = base, d = 0; r < n; r++, o += step, d += width) {
    const s = Math.sqrt(h[r]);
    for (let i = 0; i < cols; i++) c[d + i] = s * x[o + i];
    c[d + cols] = s;
  }
}

/**
 * One quasi-Newton step shared by the logistic solvers: the L-BFGS direction (falling back to the
 * plain initial-Hessian step when the secant pairs do not give descent), a line search, and the
 * new secant pair kept when it is curvature-positive (at most MEMORY pairs). Returns the accepted
 * point, or undefined when the search finds no descent (the optimum, up to rounding).
 */
export function quasiNewtonStep<P extends { grad: Float64Array }>(
  theta: Float64Array,
  cur: P,
  pairs: { ss: Float64Array[]; ys: Float64Array[] },
  applyInitial: (v: Float64Array) => void,
  search: (dir: Float64Array) => { theta: Float64Array; pass: P } | undefined,
): { theta: Float64Array; pass: P } | undefined {
  const next = search(quasiNewtonDirection(cur.grad, pairs, applyInitial));
  if (next === undefined) return undefined;
  rememberPair(theta, cur.grad, next, pairs);
  return next;
}

/** quasiNewtonStep's direction: L-BFGS's, or the initial-Hessian step when the pairs give no descent (they are then dropped). */
export function quasiNewtonDirection(
  grad: Float64Array, pairs: { ss: Float64Array[]; ys: Float64Array[] }, applyInitial: (v: Float64Array) => void,
): Float64Array {
  const { ss, ys } = pairs;
  let dir = twoLoopDirection(grad, ss, ys, applyInitial);
  if (!(dot(grad, dir) < 0)) {
    ss.length = 0; // the secant pairs misled the step: fall back to the plain initial-Hessian step
    ys.length = 0;
    dir = twoLoopDirection(grad, ss, ys, applyInitial);
  }
  return dir;
}

/** quasiNewtonStep's memory: the step's secant pair, kept when curvature-positive (at most MEMORY pairs). */
export function rememberPair(
  theta: Float64Array, grad: Float64Array, next: { theta: Float64Array; pass: { grad: Float64Array } }, pairs: { ss: Float64Array[]; ys: Float64Array[] },
): void {
  const { ss, ys } = pairs;
  const s = next.theta.map((v, i) => v - theta[i]);
  const yv = next.pass.grad.map((v, i) => v - grad[i]);
  if (dot(s, yv) > 1e-16 * Math.sqrt(dot(s, s) * dot(yv, yv))) {
    ss.push(s);
    ys.push(yv);
    if (ss.length > MEMORY) {
      ss.shift();
      ys.shift();
    }
  }
}
