/**
 * Gradient histograms: for each feature and bin, the sums of gradients and hessians and the row
 * count, interleaved as [g, h, n] triples at ((feature·256 + bin)·3). Sums run in float64 in row
 * order, so the same rows give the same bits.
 */
export const BIN_SLOTS = 256;

/** Fills `hist` for the active `features` from the rows ids[start…end). Other features are left as they are. */
export function buildHistogram(
  hist: Float64Array,
  data: { bins: Uint8Array; cols: number; grad: Float64Array; hess: Float64Array },
  ids: Uint32Array, start: number, end: number, features: Int32Array,
): void {
  const { bins, cols, grad, hess } = data;
  for (const f of features) hist.fill(0, f * BIN_SLOTS * 3, (f + 1) * BIN_SLOTS * 3);
  const nf = features.length;
  for (let i = start; i < end; i++) {
    const r = ids[i];
    const g = grad[r];
    const h = hess[r];
    const base = r * cols;
    for (let j = 0; j < nf; j++) {
      const f = features[j];
      const o = (f * BIN_SLOTS + bins[base + f]) * 3;
      hist[o] += g;
      hist[o + 1] += h;
      hist[o + 2] += 1;
    }
  }
}

/**
 * sibling = parent − child on the active features: the larger child of a split costs no pass
 * over its rows (LightGBM's histogram subtraction). Writes into `parent`, which is not needed after.
 */
export function subtractHistogram(parent: Float64Array, child: Float64Array, features: Int32Array): Float64Array {
  for (const f of features) {
    const end = (f + 1) * BIN_SLOTS * 3;
    for (let o = f * BIN_SLOTS * 3; o < end; o++) parent[o] -= child[o];
  }
  return parent;
}
