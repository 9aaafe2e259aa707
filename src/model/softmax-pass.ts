import { accumulateGradient, fillWeightedRows, type Level } from './coarse-to-fine.js';
import { CHUNK_ROWS, accumulateGram } from './cross-product.js';

/**
 * One pass of multinomial logistic regression over a level's rows. Parameters are class blocks:
 * theta[c·q + i] is class c's weight on column i (i < cols) and theta[c·q + cols] its intercept,
 * q = cols + 1, so each class's dot product and Hessian block are contiguous.
 */
export interface SoftmaxPass {
  loss: number;
  objective: number;
  grad: Float64Array;
  /** Lower triangles of the k diagonal Hessian blocks Σ p_c(1 − p_c)·aaᵀ/n + l2, when asked for. */
  blocks?: Float64Array[];
}

/** The rows and labels being fitted. */
export interface SoftmaxData {
  x: Float32Array;
  y: Float64Array;
  cols: number;
  k: number;
}

/** Per-chunk buffers, allocated once per fit: per-class row gradients and curvatures, and Gram blocks. */
export class SoftmaxWorkspace {
  readonly width: number;
  /** Row gradients and curvatures, class c's at [c·CHUNK_ROWS, (c + 1)·CHUNK_ROWS). */
  readonly g: Float64Array;
  readonly h: Float64Array;
  readonly gc: Float64Array[];
  readonly hc: Float64Array[];
  readonly c: Float64Array;
  readonly grams: Float64Array[];
  readonly z: Float64Array;
  constructor(readonly cols: number, readonly k: number) {
    this.width = (cols + 1 + 3) & ~3; // [x, 1] zero-padded to the Gram kernel's tile width
    this.g = new Float64Array(k * CHUNK_ROWS);
    this.h = new Float64Array(k * CHUNK_ROWS);
    this.gc = Array.from({ length: k }, (_, c) => this.g.subarray(c * CHUNK_ROWS, (c + 1) * CHUNK_ROWS));
    this.hc = Array.from({ length: k }, (_, c) => this.h.subarray(c * CHUNK_ROWS, (c + 1) * CHUNK_ROWS));
    this.c = new Float64Array(CHUNK_ROWS * this.width);
    this.grams = Array.from({ length: k }, () => new Float64Array(this.width * this.width));
    this.z = new Float64Array(k);
  }
}

/** Mean cross-entropy, objective (+ 0.5·l2·‖W‖²), gradient, and (when asked) the diagonal Hessian blocks. */
export function softmaxPass(
  data: SoftmaxData, level: Level, theta: Float64Array, l2: number, withHessian: boolean, ws: SoftmaxWorkspace,
): SoftmaxPass {
  const { x, cols, k } = data;
  const { stride, rows } = level;
  const q = cols + 1;
  const step = stride * cols;
  const grad = new Float64Array(q * k);
  const gradBlocks = Array.from({ length: k }, (_, c) => grad.subarray(c * q, (c + 1) * q));
  for (const gram of ws.grams) gram.fill(0);
  let loss = 0;
  for (let start = 0; start < rows; start += CHUNK_ROWS) {
    const n = Math.min(CHUNK_ROWS, rows - start);
    const first = start * stride;
    loss += rowGradients(data, first, stride, n, theta, ws);
    for (let c = 0; c < k; c++) {
      accumulateGradient(x, first * cols, step, cols, ws.gc[c], n, gradBlocks[c]);
      if (withHessian) {
        fillWeightedRows(x, first * cols, step, cols, ws.hc[c], n, ws);
        accumulateGram(ws.c, n, ws.width, q, ws.grams[c]);
      }
    }
  }
  const pass = finishSoftmaxPass(loss, grad, theta, { k, q, cols, rows, l2 });
  if (withHessian) pass.blocks = ws.grams.map((gram) => hessianBlock(gram, ws.width, q, cols, rows, l2));
  return pass;
}

/**
 * Loss and gradient summed over `rows` rows into the mean objective: the L2 penalty on the
 * weights (not the intercepts) added, the gradient divided by rows in place. Shared by the
 * in-memory pass and the streamed one (src/model/streamed-logistic.ts), so both take the same steps.
 */
export function finishSoftmaxPass(loss: number, grad: Float64Array, theta: Float64Array, at: { k: number; q: number; cols: number; rows: number; l2: number }): SoftmaxPass {
  const { k, q, cols, rows, l2 } = at;
  let penalty = 0;
  for (let c = 0; c < k; c++) {
    for (let i = 0; i < q; i++) {
      const j = c * q + i;
      const w = i < cols ? theta[j] : 0; // intercepts are not penalized
      penalty += w * w;
      grad[j] = grad[j] / rows + l2 * w;
    }
  }
  return { loss: loss / rows, objective: loss / rows + 0.5 * l2 * penalty, grad };
}

function hessianBlock(gram: Float64Array, width: number, q: number, cols: number, rows: number, l2: number): Float64Array {
  const block = new Float64Array(q * q);
  for (let i = 0; i < q; i++) {
    for (let j = 0; j <= i; j++) block[i * q + j] = gram[i * width + j] / rows; // Cholesky reads the lower triangle
    if (i < cols) block[i * q + i] += l2;
  }
  return block;
}

/**
 * Per row r of the chunk and class c: g[c·CHUNK_ROWS + r] = p_c − [y = c] and the same for
 * h = p_c·(1 − p_c), at p = softmax(z); returns the summed cross-entropy. Each class's dot
 * product runs four partial sums, so rows do not wait on one add chain.
 */
function rowGradients(data: SoftmaxData, first: number, stride: number, n: number, theta: Float64Array, ws: SoftmaxWorkspace): number {
  const { x, y, cols, k } = data;
  const { g, h, z } = ws;
  const q = cols + 1;
  const iEnd = cols & ~3;
  const step = stride * cols;
  let loss = 0;
  let product = 1; // Π Σ e^(z − max), each factor in [1, k]: one log per chunk, not per row
  for (let r = 0, o = first * cols, yi = first; r < n; r++, o += step, yi += stride) {
    let m = -Infinity;
    for (let c = 0, w = 0; c < k; c++, w += q) {
      let z0 = theta[w + cols], z1 = 0, z2 = 0, z3 = 0;
      for (let i = 0; i < iEnd; i += 4) {
        z0 += x[o + i] * theta[w + i]; z1 += x[o + i + 1] * theta[w + i + 1];
        z2 += x[o + i + 2] * theta[w + i + 2]; z3 += x[o + i + 3] * theta[w + i + 3];
      }
      for (let i = iEnd; i < cols; i++) z0 += x[o + i] * theta[w + i];
      const zc = (z0 + z1) + (z2 + z3);
      z[c] = zc;
      m = Math.max(m, zc);
    }
    const t = y[yi] | 0;
    let s = 0;
    for (let c = 0; c < k; c++) {
      const e = Math.exp(z[c] - m);
      g[c * CHUNK_ROWS + r] = e;
      s += e;
    }
    loss += m - z[t]; // log-sum-exp − z_y, the log taken on the product: no underflow
    product *= s;
    if (product > 1e250) {
      loss += Math.log(product);
      product = 1;
    }
    const inv = 1 / s;
    for (let c = 0, j = r; c < k; c++, j += CHUNK_ROWS) {
      const p = g[j] * inv;
      g[j] = p;
      h[j] = p * (1 - p);
    }
    g[t * CHUNK_ROWS + r] -= 1;
  }
  return loss + Math.log(product);
}
