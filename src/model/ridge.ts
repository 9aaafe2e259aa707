import { choleskyInPlace, solveSpd } from './cholesky.js';
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
export function fitRidge(x: Float32Array, rows: number, cols: number, y: Float64Array, l2: number, oneHotBlocks: readonly (readonly number[])[] = []): LinearFit {
  const sums = new NormalEquations(cols);
  sums.add(x, rows, y);
  return sums.solve(l2, oneHotBlocks);
}

/**
 * The sums of the normal equations, fed rows in any number of batches (the streaming path feeds
 * one Parquet row group at a time, issue 10). Rows are buffered into fixed chunks of CHUNK_ROWS
 * whatever the batch sizes, so the sums are the same bits as one call with all the rows.
 */
export class NormalEquations {
  /** Width of the augmented rows [x - x₀, 1, y, 0…], a multiple of 4 for the kernel's register tiles. */
  private readonly q: number;
  private readonly m: Float64Array;
  private readonly chunk: Float64Array;
  private pending = 0;
  private first: Float32Array | undefined;
  private n = 0;

  constructor(private readonly cols: number) {
    this.q = (cols + 2 + 3) & ~3;
    this.m = new Float64Array(this.q * this.q);
    this.chunk = new Float64Array(CHUNK_ROWS * this.q);
  }

  get rows(): number {
    return this.n;
  }

  /** Adds `rows` rows of x (row-major, `cols` wide) with their targets. */
  add(x: Float32Array, rows: number, y: Float64Array): void {
    const p = this.cols;
    const q = this.q;
    if (rows > 0 && this.first === undefined) this.first = x.slice(0, p);
    const x0 = this.first as Float32Array;
    const chunk = this.chunk;
    for (let r = 0; r < rows; r++) {
      const o = r * p;
      const c = this.pending * q;
      for (let i = 0; i < p; i++) chunk[c + i] = x[o + i] - x0[i];
      chunk[c + p] = 1;
      chunk[c + p + 1] = y[r];
      if (++this.pending === CHUNK_ROWS) this.flush();
    }
    this.n += rows;
  }

  private flush(): void {
    if (this.pending > 0) accumulateCrossProduct(this.chunk, this.chunk, this.m, { rows: this.pending, p: this.q, q: this.q, lowerOnly: true });
    this.pending = 0;
  }

  /** The ridge solution for the rows added so far. */
  solve(l2: number, oneHotBlocks: readonly (readonly number[])[] = []): LinearFit {
    this.flush();
    const { m, q, n } = this;
    const p = this.cols;
    const x0 = this.first ?? new Float32Array(p);
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
    if (jitter > 0 && !explainedByEncoding(penalized, p, oneHotBlocks)) {
      notes.push(`the features are collinear or constant: added ${jitter.toPrecision(2)} to the normal equations' diagonal (set model.params.l2 to regularize on purpose)`);
    }
    let b = sy / n;
    for (let i = 0; i < p; i++) b -= w[i] * (at(i, p) / n + x0[i]);
    // Mean squared error from the same sums: Σ(yc - dcᵀw)² = Syy - 2wᵀSdy + wᵀSddw (centered).
    let sse = at(p + 1, p + 1) - (sy * sy) / n;
    for (let i = 0; i < p; i++) {
      sse -= 2 * w[i] * rhs[i];
      for (let j = 0; j < p; j++) sse += w[i] * cov[i * p + j] * w[j];
    }
    return { weights: w, bias: Float64Array.of(b), iterations: 1, losses: [Math.max(0, sse) / n], notes };
  }
}

/**
 * Whether a singular (penalized, centered) normal matrix is singular only by construction of the
 * encoding: constant one-hot columns (an unknown bucket no training row falls in) and blocks that
 * sum to 1 in every row (collinear with the intercept). Drops those columns, one per such block,
 * and factors the rest without jitter; if that works, nothing about the data is wrong and the
 * "collinear" note would be noise on every linear model with a categorical feature (issue 14).
 */
function explainedByEncoding(a: Float64Array, p: number, blocks: readonly (readonly number[])[]): boolean {
  let scale = 0;
  for (let i = 0; i < p; i++) scale = Math.max(scale, Math.abs(a[i * p + i]));
  const tiny = 1e-9 * (scale || 1);
  const drop = new Set<number>();
  // Only inside one-hot blocks: a constant numeric feature is worth the note.
  for (const block of blocks) for (const i of block) if (a[i * p + i] <= tiny) drop.add(i);
  for (const block of blocks) {
    const live = block.filter((i) => !drop.has(i));
    if (live.length === 0) continue;
    // The variance of the block's row sum: Σᵢⱼ cov(i, j) over the block; 0 when every row sums to the same value.
    let sum = 0;
    let diag = 0;
    for (const i of live) {
      diag += a[i * p + i];
      for (const j of live) sum += a[i * p + j];
    }
    if (Math.abs(sum) <= 1e-9 * diag) drop.add(live[live.length - 1]);
  }
  if (drop.size === 0) return false;
  const keep = [...Array(p).keys()].filter((i) => !drop.has(i));
  const k = keep.length;
  const reduced = new Float64Array(k * k);
  keep.forEach((i, r) => keep.forEach((j, c) => (reduced[r * k + c] = a[i * p + j])));
  if (k === 0) return true;
  // Rounding leaves an exactly collinear pair a tiny positive pivot: demand each pivot keep a
  // sensible share of its diagonal, as a rank test would.
  const l = Float64Array.from(reduced);
  if (!choleskyInPlace(l, k)) return false;
  for (let j = 0; j < k; j++) if (l[j * k + j] ** 2 <= 1e-10 * reduced[j * k + j]) return false;
  return true;
}
