import { PipePilotError } from '../../errors.js';

/** The bin every missing value (NaN) falls into; real bins are 0…254. */
export const MISSING_BIN = 255;
/** Most real bins a feature can have: bins are bytes and 255 is the missing bin. */
export const MAX_REAL_BINS = 255;
/** Edges are fitted on at most this many rows per feature (taken at an even stride), as scikit-learn subsamples 2·10⁵. */
const EDGE_SAMPLE_ROWS = 200_000;

/** Column kinds the trees see: a number, or a category code in [0, categories). */
export interface GbdtColumn {
  name: string;
  /** Present for a categorical column: how many codes it has (codes 0…categories-1). */
  categories?: number;
}

/**
 * The fitted bin mapper: per numeric feature the ascending upper edges of its bins (a value v
 * falls in the first bin b with v <= edges[b], else the last one), per categorical feature one
 * bin per code. Missing values go to MISSING_BIN.
 */
export interface BinMapper {
  columns: GbdtColumn[];
  edges: Float64Array[];
  /** Real (non-missing) bins per feature. */
  binCount: Int32Array;
}

/**
 * Quantile bin edges per numeric feature from the rows listed in `rowIds`: with at most
 * `maxBins` distinct values, one bin per value (edges at the midpoints, as scikit-learn's
 * HistGradientBoosting); otherwise edges at evenly spaced quantiles. Deterministic.
 */
export function fitBinMapper(x: Float32Array, cols: number, rowIds: Uint32Array, columns: GbdtColumn[], maxBins: number): BinMapper {
  const edges: Float64Array[] = [];
  const binCount = new Int32Array(cols);
  const stride = Math.max(1, Math.ceil(rowIds.length / EDGE_SAMPLE_ROWS));
  for (let f = 0; f < cols; f++) {
    const cats = columns[f].categories;
    if (cats !== undefined) {
      if (cats > MAX_REAL_BINS) {
        throw new PipePilotError(`gbdt: column '${columns[f].name}' has ${cats} categories, at most ${MAX_REAL_BINS} fit in the trees' bins`, {
          hint: 'lower preprocess.max_categories (the rarest categories then share the unknown code)',
        });
      }
      edges.push(new Float64Array(0));
      binCount[f] = cats;
      continue;
    }
    const present: number[] = [];
    for (let i = 0; i < rowIds.length; i += stride) {
      const v = x[rowIds[i] * cols + f];
      if (!Number.isNaN(v)) present.push(v);
    }
    const e = numericEdges(Float64Array.from(present).sort(), maxBins);
    edges.push(e);
    binCount[f] = e.length + 1;
  }
  return { columns, edges, binCount };
}

function numericEdges(sorted: Float64Array, maxBins: number): Float64Array {
  const distinct: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]);
  if (distinct.length <= maxBins) {
    const mids = new Float64Array(Math.max(0, distinct.length - 1));
    for (let i = 0; i < mids.length; i++) mids[i] = (distinct[i] + distinct[i + 1]) / 2;
    return mids;
  }
  const out: number[] = [];
  for (let b = 1; b < maxBins; b++) {
    // Midpoint of the two order statistics around the quantile: an edge never equals a data value.
    const pos = (sorted.length - 1) * (b / maxBins);
    const lo = sorted[Math.floor(pos)];
    const hi = sorted[Math.min(sorted.length - 1, Math.floor(pos) + 1)];
    const edge = lo === hi ? lo : (lo + hi) / 2;
    if (out.length === 0 || edge > out[out.length - 1]) out.push(edge);
  }
  // The largest value must be above the last edge, or the last bin is empty.
  while (out.length > 0 && out[out.length - 1] >= sorted[sorted.length - 1]) out.pop();
  return Float64Array.from(out);
}

/** Bin codes of every row, rows×cols row-major (a row's bins are adjacent: histograms gather rows). */
export function binRows(mapper: BinMapper, x: Float32Array, rows: number): Uint8Array {
  const cols = mapper.columns.length;
  const bins = new Uint8Array(rows * cols);
  for (let f = 0; f < cols; f++) {
    const e = mapper.edges[f];
    const cats = mapper.columns[f].categories;
    for (let r = 0, i = f; r < rows; r++, i += cols) {
      const v = x[i];
      bins[i] = Number.isNaN(v) ? MISSING_BIN : cats !== undefined ? categoryBin(v, cats) : numericBin(e, v);
    }
  }
  return bins;
}

/** A code outside [0, categories) is an unknown category: it goes where missing values go. */
function categoryBin(v: number, categories: number): number {
  return Number.isInteger(v) && v >= 0 && v < categories ? v : MISSING_BIN;
}

function numericBin(edges: Float64Array, v: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (v <= edges[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
