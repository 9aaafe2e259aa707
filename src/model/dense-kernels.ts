/**
 * Hand-written Dense-layer kernels over typed arrays, used by the MLP training loop.
 *
 * Why hand-written and not tfjs `model.fit`: at tabular sizes (tens of features, batches of a
 * few hundred rows) each tfjs op costs more in dispatch, allocation and tensor bookkeeping than
 * the arithmetic it does; plain tfjs-wasm `fit` measured 61k samples/s against torch's 391k on
 * a 2-core box. No JS library offers fused, allocation-free, deterministic small-batch training,
 * so these loops do it: a fixed summation order (bitwise reproducible), buffers owned by the
 * caller and reused across batches, register tiles so each loaded value feeds several
 * multiply-adds (V8 keeps the tile's accumulators in registers; a plain i-k-j loop is
 * load/store bound and measured ~3× slower here).
 *
 * Layout: activations are rows×units row-major; weights are inputs×units row-major (a Keras
 * kernel). Tiles are 2×4 (8 accumulators + 6 operands fit the 16 x64 vector registers);
 * ragged edges fall back to a scalar loop.
 */

/**
 * Compute precision of the training loop. Float64: JS arithmetic is double anyway, and Float32
 * storage costs a conversion per load/store; measured on MLP 20→64→32→1, batch 256: Float64
 * 187k samples/s, Float32 139k. Weights are rounded to float32 once, when the model is saved.
 */
export type Vec = Float64Array;
export const Vec = Float64Array;

export interface DenseDims {
  rows: number;
  nIn: number;
  nOut: number;
}

/** z = x·W + b for `rows` rows. */
export function denseForward(x: Vec, w: Vec, b: Vec, z: Vec, dims: DenseDims): void {
  const { rows, nIn, nOut } = dims;
  const rEnd = rows & ~1;
  const jEnd = nOut & ~3;
  for (let r = 0; r < rEnd; r += 2) {
    const x0 = r * nIn;
    const x1 = x0 + nIn;
    for (let j = 0; j < jEnd; j += 4) {
      let a0 = b[j], a1 = b[j + 1], a2 = b[j + 2], a3 = b[j + 3];
      let c0 = a0, c1 = a1, c2 = a2, c3 = a3;
      for (let k = 0, wo = j; k < nIn; k++, wo += nOut) {
        const u = x[x0 + k], v = x[x1 + k];
        const w0 = w[wo], w1 = w[wo + 1], w2 = w[wo + 2], w3 = w[wo + 3];
        a0 += u * w0; a1 += u * w1; a2 += u * w2; a3 += u * w3;
        c0 += v * w0; c1 += v * w1; c2 += v * w2; c3 += v * w3;
      }
      const z0 = r * nOut + j;
      const z1 = z0 + nOut;
      z[z0] = a0; z[z0 + 1] = a1; z[z0 + 2] = a2; z[z0 + 3] = a3;
      z[z1] = c0; z[z1 + 1] = c1; z[z1 + 2] = c2; z[z1 + 3] = c3;
    }
  }
  forwardEdges(x, w, b, z, dims, rEnd, jEnd);
}

/** The rows and columns the 2×4 tiles did not cover, one value at a time. */
function forwardEdges(x: Vec, w: Vec, b: Vec, z: Vec, dims: DenseDims, rEnd: number, jEnd: number): void {
  const { rows, nIn, nOut } = dims;
  for (let r = 0; r < rows; r++) {
    for (let j = r < rEnd ? jEnd : 0; j < nOut; j++) {
      let s = b[j];
      for (let k = 0; k < nIn; k++) s += x[r * nIn + k] * w[k * nOut + j];
      z[r * nOut + j] = s;
    }
  }
}

/**
 * Backward pass of one Dense layer given dZ (gradient w.r.t. its pre-activation output):
 * dW = xᵀ·dZ and db = Σ dZ (assigned, not accumulated), and dx = dZ·Wᵀ when `dx` is given
 * (the first layer needs no input gradient).
 */
export function denseBackward(
  x: Vec, w: Vec, dz: Vec, grads: { dw: Vec; db: Vec; dx?: Vec }, dims: DenseDims,
): void {
  const { rows, nOut } = dims;
  const { dw, db, dx } = grads;
  for (let j = 0; j < nOut; j++) {
    let s = 0;
    for (let r = 0, o = j; r < rows; r++, o += nOut) s += dz[o];
    db[j] = s;
  }
  weightGradient(x, dz, dw, dims);
  if (dx !== undefined) inputGradient(dz, w, dx, dims);
}

/** dW[k,j] = Σ_r x[r,k]·dz[r,j], in 2×4 tiles of (k, j). */
function weightGradient(x: Vec, dz: Vec, dw: Vec, dims: DenseDims): void {
  const { rows, nIn, nOut } = dims;
  const kEnd = nIn & ~1;
  const jEnd = nOut & ~3;
  for (let k = 0; k < kEnd; k += 2) {
    for (let j = 0; j < jEnd; j += 4) {
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0, c0 = 0, c1 = 0, c2 = 0, c3 = 0;
      for (let r = 0, xo = k, zo = j; r < rows; r++, xo += nIn, zo += nOut) {
        const u = x[xo], v = x[xo + 1];
        const g0 = dz[zo], g1 = dz[zo + 1], g2 = dz[zo + 2], g3 = dz[zo + 3];
        a0 += u * g0; a1 += u * g1; a2 += u * g2; a3 += u * g3;
        c0 += v * g0; c1 += v * g1; c2 += v * g2; c3 += v * g3;
      }
      const w0 = k * nOut + j;
      const w1 = w0 + nOut;
      dw[w0] = a0; dw[w0 + 1] = a1; dw[w0 + 2] = a2; dw[w0 + 3] = a3;
      dw[w1] = c0; dw[w1 + 1] = c1; dw[w1 + 2] = c2; dw[w1 + 3] = c3;
    }
  }
  for (let k = 0; k < nIn; k++) {
    for (let j = k < kEnd ? jEnd : 0; j < nOut; j++) {
      let s = 0;
      for (let r = 0; r < rows; r++) s += x[r * nIn + k] * dz[r * nOut + j];
      dw[k * nOut + j] = s;
    }
  }
}

/** dx[r,k] = Σ_j dz[r,j]·W[k,j], in 2×4 tiles of (r, k). */
function inputGradient(dz: Vec, w: Vec, dx: Vec, dims: DenseDims): void {
  const { rows, nIn, nOut } = dims;
  const rEnd = rows & ~1;
  const kEnd = nIn & ~3;
  for (let r = 0; r < rEnd; r += 2) {
    const z0 = r * nOut;
    const z1 = z0 + nOut;
    for (let k = 0; k < kEnd; k += 4) {
      let a0 = 0, a1 = 0, a2 = 0, a3 = 0, c0 = 0, c1 = 0, c2 = 0, c3 = 0;
      const w0 = k * nOut, w1 = w0 + nOut, w2 = w1 + nOut, w3 = w2 + nOut;
      for (let j = 0; j < nOut; j++) {
        const u = dz[z0 + j], v = dz[z1 + j];
        const q0 = w[w0 + j], q1 = w[w1 + j], q2 = w[w2 + j], q3 = w[w3 + j];
        a0 += u * q0; a1 += u * q1; a2 += u * q2; a3 += u * q3;
        c0 += v * q0; c1 += v * q1; c2 += v * q2; c3 += v * q3;
      }
      const d0 = r * nIn + k;
      const d1 = d0 + nIn;
      dx[d0] = a0; dx[d0 + 1] = a1; dx[d0 + 2] = a2; dx[d0 + 3] = a3;
      dx[d1] = c0; dx[d1 + 1] = c1; dx[d1 + 2] = c2; dx[d1 + 3] = c3;
    }
  }
  for (let r = 0; r < rows; r++) {
    for (let k = r < rEnd ? kEnd : 0; k < nIn; k++) {
      let s = 0;
      for (let j = 0; j < nOut; j++) s += dz[r * nOut + j] * w[k * nOut + j];
      dx[r * nIn + k] = s;
    }
  }
}
