/**
 * Symmetric positive-definite solves in Float64 for the linear solvers (normal equations,
 * Newton steps): Cholesky factorization, and a retry with a small diagonal jitter when the
 * matrix is singular (collinear or constant features), which the caller reports.
 */

/** In-place lower Cholesky factor of the n×n matrix `a` (row-major, lower triangle used). False if not SPD. */
export function choleskyInPlace(a: Float64Array, n: number): boolean {
  for (let j = 0; j < n; j++) {
    let d = a[j * n + j];
    for (let k = 0; k < j; k++) d -= a[j * n + k] * a[j * n + k];
    if (!(d > 0)) return false;
    const ljj = Math.sqrt(d);
    a[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= a[i * n + k] * a[j * n + k];
      a[i * n + j] = s / ljj;
    }
  }
  return true;
}

/** Solves L·Lᵀ·x = b with the factor from choleskyInPlace; returns x (b is left untouched). */
export function choleskySolve(l: Float64Array, n: number, b: Float64Array): Float64Array {
  const x = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    let s = x[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * x[k];
    x[i] = s / l[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * x[k];
    x[i] = s / l[i * n + i];
  }
  return x;
}

/**
 * Lower Cholesky factor of the SPD matrix `a` (n×n row-major; only its lower triangle is read),
 * for several solves against one matrix. When `a` is singular, retries with jitter·I, growing
 * from 1e-10 of the mean diagonal, and returns the jitter used (0 when none was needed).
 */
export function factorSpd(a: Float64Array, n: number): { l: Float64Array; jitter: number } {
  let trace = 0;
  for (let i = 0; i < n; i++) trace += Math.abs(a[i * n + i]);
  const base = trace > 0 ? trace / n : 1;
  for (let jitter = 0, attempt = 0; attempt < 12; attempt++, jitter = base * 10 ** (attempt - 11)) {
    const l = Float64Array.from(a);
    for (let i = 0; i < n; i++) l[i * n + i] += jitter;
    if (choleskyInPlace(l, n)) return { l, jitter };
  }
  throw new Error(`factorSpd: matrix is not positive definite even with jitter ${base}`);
}

/** Solves the SPD system a·x = b through factorSpd (same jitter rule, same report). */
export function solveSpd(a: Float64Array, n: number, b: Float64Array): { x: Float64Array; jitter: number } {
  const { l, jitter } = factorSpd(a, n);
  return { x: choleskySolve(l, n, b), jitter };
}
