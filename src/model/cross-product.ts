/**
 * out += aᵀ·b for row-major chunks a (rows×p) and b (rows×q) (with `lowerOnly`, at least the
 * lower triangle, for symmetric results): the Gram-matrix accumulation of
 * the linear solvers (normal equations, Newton Hessians), fed a chunk of rows at a time.
 * 2×4 register tiles reduce over the chunk's rows, so each output is loaded and stored once per
 * chunk instead of once per row (the row-at-a-time rank-1 update measured ~3× slower).
 */
export function accumulateCrossProduct(
  a: Float64Array, b: Float64Array, out: Float64Array, dims: { rows: number; p: number; q: number; lowerOnly?: boolean },
): void {
  const { rows, p, q } = dims;
  // A symmetric result (aᵀa, aᵀ·diag(h)·a) needs only tiles touching the lower triangle: half the work.
  // (A plain flag, not a closure: a fresh closure per call is a new call target, which deoptimizes.)
  const lower = dims.lowerOnly === true;
  const kEnd = p & ~1;
  const jEnd = q & ~3;
  for (let k = 0; k < kEnd; k += 2) {
    for (let j = 0; j < jEnd && j <= (lower ? k + 1 : q - 1); j += 4) {
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0, c0 = 0, c1 = 0, c2 = 0, c3 = 0;
      for (let r = 0, ao = k, bo = j; r < rows; r++, ao += p, bo += q) {
        const u = a[ao], v = a[ao + 1];
        const g0 = b[bo], g1 = b[bo + 1], g2 = b[bo + 2], g3 = b[bo + 3];
        a0 += u * g0; a1 += u * g1; a2 += u * g2; a3 += u * g3;
        c0 += v * g0; c1 += v * g1; c2 += v * g2; c3 += v * g3;
      }
      const o0 = k * q + j;
      const o1 = o0 + q;
      out[o0] += a0; out[o0 + 1] += a1; out[o0 + 2] += a2; out[o0 + 3] += a3;
      out[o1] += c0; out[o1 + 1] += c1; out[o1 + 2] += c2; out[o1 + 3] += c3;
    }
  }
  for (let k = 0; k < p; k++) {
    for (let j = k < kEnd ? jEnd : 0, last = lower ? Math.min(q - 1, k + 1) : q - 1; j <= last; j++) {
      let s = 0;
      for (let r = 0, ao = k, bo = j; r < rows; r++, ao += p, bo += q) s += a[ao] * b[bo];
      out[k * q + j] += s;
    }
  }
}

/** Rows per chunk: a chunk of 20-odd Float64 columns stays in L1/L2 while it is reduced. */
export const CHUNK_ROWS = 256;

/**
 * out += cᵀ·c, lower triangle (j ≤ i) of its first q rows, for a row-major chunk c (rows × width,
 * width a multiple of 4 above an odd q, columns from q on zero): the symmetric Gram update of the
 * Newton Hessian, Σ h·aaᵀ = Σ (√h·a)(√h·a)ᵀ. Tiles of 2 rows × 4 columns stop at the diagonal,
 * so it does ~q²/2 of the q² products, and only one weighted copy of the chunk is written. An odd
 * q pairs its last row with a zero column (out's row q is scratch): one loop, no tail code.
 */
export function accumulateGram(c: Float64Array, rows: number, width: number, q: number, out: Float64Array): void {
  for (let k = 0; k < q; k += 2) {
    for (let j = 0; j <= k + 1; j += 4) {
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0, c0 = 0, c1 = 0, c2 = 0, c3 = 0;
      for (let r = 0, o = 0; r < rows; r++, o += width) {
        const u = c[o + k], v = c[o + k + 1];
        const g0 = c[o + j], g1 = c[o + j + 1], g2 = c[o + j + 2], g3 = c[o + j + 3];
        a0 += u * g0; a1 += u * g1; a2 += u * g2; a3 += u * g3;
        c0 += v * g0; c1 += v * g1; c2 += v * g2; c3 += v * g3;
      }
      const o0 = k * width + j;
      const o1 = o0 + width;
      out[o0] += a0; out[o0 + 1] += a1; out[o0 + 2] += a2; out[o0 + 3] += a3;
      out[o1] += c0; out[o1 + 1] += c1; out[o1 + 2] += c2; out[o1 + 3] += c3;
    }
  }
}
