/**
 * Limited-memory BFGS (two-loop recursion, Armijo backtracking) for smooth convex objectives
 * such as multinomial logistic regression. Deterministic; allocates per iteration only
 * O(parameters) arrays, which is negligible next to the objective's pass over the rows.
 */
export interface LbfgsResult {
  theta: Float64Array;
  iterations: number;
  converged: boolean;
  /** Objective after each iteration. */
  values: number[];
}

/**
 * `objective(theta, grad)` returns f(theta) and writes ∇f into grad. Stops at max|∇f| ≤ gtol.
 * `onIteration` runs right after a step is accepted, when the last objective call was the new point.
 */
export function minimizeLbfgs(
  objective: (theta: Float64Array, grad: Float64Array) => number,
  theta0: Float64Array,
  opts: { maxIter: number; gtol: number; memory?: number; onIteration?: (iteration: number, value: number) => void },
): LbfgsResult {
  const n = theta0.length;
  const memory = opts.memory ?? 10;
  const ss: Float64Array[] = [];
  const ys: Float64Array[] = [];
  let theta: Float64Array = Float64Array.from(theta0);
  let grad: Float64Array = new Float64Array(n);
  let f = objective(theta, grad);
  const values: number[] = [];
  let iterations = 0;
  while (iterations < opts.maxIter && maxAbs(grad) > opts.gtol) {
    iterations++;
    const dir = twoLoopDirection(grad, ss, ys);
    let slope = dot(grad, dir);
    if (!(slope < 0)) {
      // The curvature history misled us: restart from steepest descent.
      ss.length = 0;
      ys.length = 0;
      for (let i = 0; i < n; i++) dir[i] = -grad[i];
      slope = dot(grad, dir);
    }
    let t = ss.length === 0 ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
    const nextGrad = new Float64Array(n);
    let next: Float64Array | undefined;
    let fNext = f;
    for (let k = 0; k < 40; k++, t /= 2) {
      const cand = theta.map((v, i) => v + t * dir[i]);
      fNext = objective(cand, nextGrad);
      if (fNext <= f + 1e-4 * t * slope) {
        next = cand;
        break;
      }
    }
    if (next === undefined) break; // no descent left: at the optimum up to rounding
    const s = next.map((v, i) => v - theta[i]);
    const yv = nextGrad.map((v, i) => v - grad[i]);
    if (dot(s, yv) > 1e-12) {
      ss.push(s);
      ys.push(yv);
      if (ss.length > memory) {
        ss.shift();
        ys.shift();
      }
    }
    const relDrop = (f - fNext) / Math.max(Math.abs(f), Math.abs(fNext), 1);
    theta = next;
    grad = nextGrad;
    f = fNext;
    values.push(f);
    opts.onIteration?.(iterations, f);
    if (relDrop <= 2.220446049250313e-9) break; // scipy's default factr·eps: no progress left
  }
  return { theta, iterations, converged: maxAbs(grad) <= opts.gtol || iterations < opts.maxIter, values };
}

/**
 * −B⁻¹·grad for the L-BFGS inverse-Hessian B⁻¹ built from the secant pairs (s, y) on top of an
 * initial inverse: `applyInitial` (in place) when given, such as an exact Hessian's Cholesky solve,
 * else the usual scaling γ = sᵀy / yᵀy of the newest pair.
 */
export function twoLoopDirection(
  grad: Float64Array, ss: Float64Array[], ys: Float64Array[], applyInitial?: (v: Float64Array) => void,
): Float64Array {
  const q = Float64Array.from(grad);
  const k = ss.length;
  const alpha = new Float64Array(k);
  for (let i = k - 1; i >= 0; i--) {
    alpha[i] = dot(ss[i], q) / dot(ys[i], ss[i]);
    for (let j = 0; j < q.length; j++) q[j] -= alpha[i] * ys[i][j];
  }
  if (applyInitial !== undefined) {
    applyInitial(q);
  } else if (k > 0) {
    const gamma = dot(ss[k - 1], ys[k - 1]) / dot(ys[k - 1], ys[k - 1]);
    for (let j = 0; j < q.length; j++) q[j] *= gamma;
  }
  for (let i = 0; i < k; i++) {
    const beta = dot(ys[i], q) / dot(ys[i], ss[i]);
    for (let j = 0; j < q.length; j++) q[j] += (alpha[i] - beta) * ss[i][j];
  }
  for (let j = 0; j < q.length; j++) q[j] = -q[j];
  return q;
}

export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

export function maxAbs(v: Float64Array): number {
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  return m;
}
