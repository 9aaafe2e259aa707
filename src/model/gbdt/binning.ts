import { PipePilotError } from '../../errors.js';
import { sortFloat32 } from './sort-float32.js';

/** The bin every missing value (NaN) falls into; real bins are 0…254. */
export const MISSING_BIN = 255;
/** Most real bins a feature can have: bins are bytes and 255 is the missing bin. */
export const MAX_REAL_BINS = 255;
/**
 * Edges are fitted on at most this many rows per feature (taken at an even stride). scikit-learn
 * and LightGBM subsample 2·10⁵; on the bench's 800k training rows a 2·10⁵ stride sample gave
 * 0.8738 test accuracy, 4·10⁵ gave 0.8764 and every row 0.8789 (scikit-learn's random 2·10⁵:
 * 0.8760), for a sort of 4 MB per feature.
 */
const EDGE_SAMPLE_ROWS = 1_000_000;

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
  const samples = sampleColumns(x, cols, rowIds);
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
    const e = numericEdges(sortFloat32(samples.values[f].subarray(0, samples.present[f])), maxBins);
    edges.push(e);
    binCount[f] = e.length + 1;
  }
  return { columns, edges, binCount };
}

/**
 * The present values of each column over the rows taken at an even stride, gathered row by row
 * (a row's values share a cache line; a column at a time missed the cache on every value).
 * Float32: the values are float32 already, sorting half the bytes is faster, and edges come out the same.
 */
function sampleColumns(x: Float32Array, cols: number, rowIds: Uint32Array): { values: Float32Array[]; present: Int32Array } {
  const stride = Math.max(1, Math.ceil(rowIds.length / EDGE_SAMPLE_ROWS));
  const size = Math.ceil(rowIds.length / stride);
  const values = Array.from({ length: cols }, () => new Float32Array(size));
  const present = new Int32Array(cols);
  for (let i = 0; i < rowIds.length; i += stride) {
    const o = rowIds[i] * cols;
    for (let f = 0; f < cols; f++) {
      const v = x[o + f];
      if (!Number.isNaN(v)) values[f][present[f]++] = v;
    }
  }
  return { values, present };
}

function numericEdges(sorted: Float32Array, maxBins: number): Float64Array {
  const distinct: number[] = [];
  // Stops at maxBins + 1 distinct values: past that only the quantiles matter.
  for (let i = 0; i < sorted.length && distinct.length <= maxBins; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct.push(sorted[i]);
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

/**
 * Bin codes of every row, rows×cols row-major (a row's bins are adjacent: histograms gather
 * rows), into `out` if given. Rows outer, so x is read once in order; numeric values go through
 * a branch-free search (bins below), as a branching binary search mispredicts on every level.
 */
export function binRows(mapper: BinMapper, x: Float32Array, rows: number, out?: Uint8Array): Uint8Array {
  const cols = mapper.columns.length;
  const bins = out ?? new Uint8Array(rows * cols);
  const padded = mapper.edges.map(paddedEdges);
  const cats = mapper.columns.map((c) => c.categories ?? -1);
  for (let r = 0, i = 0; r < rows; r++) {
    for (let f = 0; f < cols; f++, i++) {
      const v = x[i];
      bins[i] = Number.isNaN(v) ? MISSING_BIN : cats[f] >= 0 ? categoryBin(v, cats[f]) : numericBin(padded[f], v);
    }
  }
  return bins;
}

/** A code outside [0, categories) is an unknown category: it goes where missing values go. */
function categoryBin(v: number, categories: number): number {
  return Number.isInteger(v) && v >= 0 && v < categories ? v : MISSING_BIN;
}

/** The edges in 256 slots, the unused ones +Infinity, for numericBin's fixed eight steps. */
function paddedEdges(edges: Float64Array): Float64Array {
  const p = new Float64Array(256).fill(Infinity);
  p.set(edges);
  return p;
}

/**
 * The first bin b with v <= edges[b] (edges.length if none), as the count of edges below v:
 * eight steps of a branch-free binary search over the padded edges.
 */
function numericBin(e: Float64Array, v: number): number {
  // b | (2^k − 1) is b + 2^k − 1 here (b's low k bits are still 0); bits from comparisons
  // measured twice as fast as ternaries, which V8 compiled to branches.
  let b = 0;
  b |= +(e[b | 127] < v) << 7;
  b |= +(e[b | 63] < v) << 6;
  b |= +(e[b | 31] < v) << 5;
  b |= +(e[b | 15] < v) << 4;
  b |= +(e[b | 7] < v) << 3;
  b |= +(e[b | 3] < v) << 2;
  b |= +(e[b | 1] < v) << 1;
  return b | +(e[b] < v);
}
