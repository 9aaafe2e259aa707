import { binRows, fitBinMapper, type BinMapper, type GbdtColumn } from './binning.js';
import { BIN_SLOTS, buildHistogram } from './histogram.js';
import { binaryGradientsInHalves } from './objective.js';

/**
 * The two hot loops of tree growing — building a node's gradient histograms and partitioning its
 * rows by a split — behind one interface with two implementations: plain TypeScript (this file,
 * the reference) and WebAssembly over a shared memory with worker threads (wasm-kernels.ts).
 * Both add the same float64 values in the same order, so they grow the same trees, bit for bit
 * (tests/unit/model/gbdt-kernels.test.ts holds them to it).
 *
 * The kernels own the training buffers (bins, gradients, row ids, histograms) because the wasm
 * kernels can only read their own memory: fitGbdt writes into these views.
 */
export interface TreeKernels {
  readonly name: 'ts' | 'wasm';
  /** Threads that build histograms (1: this one). */
  readonly threads: number;
  /** rows×cols bin codes, row-major. */
  readonly bins: Uint8Array;
  /** Called once `bins` is written (the wasm kernels keep a feature-major copy for partitions). */
  binsWritten(): void;
  /**
   * fitBinMapper on the rows `rowIds` of x (rows×cols), then every row's bins into `bins` (and
   * binsWritten): the same mapper and bins however many threads share the work.
   */
  binInput(x: Float32Array, rowIds: Uint32Array, columns: GbdtColumn[], maxBins: number): BinMapper;
  readonly grad: Float64Array;
  readonly hess: Float64Array;
  /** rows×outputs margins and the rows' labels: the gradient pass reads them. */
  readonly margin: Float64Array;
  readonly labels: Float64Array;
  /** Room for one tree's row ids (reordered in place by partition) and partition's scratch. */
  readonly order: Uint32Array;
  readonly scratch: Uint32Array;
  /**
   * cols×256 row counts per (feature, bin) of the rows every tree's root learns from, when those
   * are the same rows each tree (no row sampling): fitGbdt fills it once, and a root histogram
   * built with `countsFromRoot` copies its count slots from it instead of counting them.
   */
  readonly rootCounts: Float64Array;
  takeHistogram(): Float64Array;
  giveHistogram(hist: Float64Array): void;
  /**
   * Fills `hist` for the active `features` from the rows ids[start…end); other features are left
   * as they are. `countsFromRoot`: the rows are the root's, whose counts are in `rootCounts` (the
   * reference ignores it and counts: the tests compare the two). `sums`: receives the rows'
   * gradient and hessian sums, [Σg, Σh], each added in the order of ids from 0.
   */
  buildHistogram(hist: Float64Array, ids: Uint32Array, start: number, end: number, features: Int32Array, opts?: { countsFromRoot?: boolean; sums?: Float64Array }): void;
  /** Stable partition of ids[start…end) by goesLeft[bin of `feature`]; returns where the right side begins. */
  partition(ids: Uint32Array, start: number, end: number, feature: number, goesLeft: Uint8Array): number;
  /** The logistic gradients of every row from `margin` and `labels`, and the loss summed over them (as `gradients` does). */
  binaryGradients(): number;
  /**
   * Adds each leaf's value to margin[row·outputs + k] for the rows order[start…end) it holds
   * (a tree's leaves after growTree, at most `histograms` of them). One addition per row: the
   * same bits however the rows are shared out.
   */
  addLeafValues(order: Uint32Array, leaves: readonly { start: number; end: number; value: number }[], k: number): void;
  /** Resolves when every worker thread has started (until then the calling thread does their share). */
  started(): Promise<void>;
  /** Histograms built, partitions made and gradient passes run by more than one thread so far. */
  readonly stats: { parallelBuilds: number; parallelPartitions: number; parallelGradients: number; parallelLeafValues: number; parallelBinnings: number };
  /** Releases worker threads; the views stay readable. */
  close(): void;
}

export interface KernelShape {
  rows: number;
  cols: number;
  /** Histograms alive at once at most (open leaves + the one being built). */
  histograms: number;
  /** Margins per row (1, or the classes of a multiclass task). */
  outputs: number;
}

/** The TypeScript reference kernels, on ordinary arrays. */
export function tsKernels(shape: KernelShape): TreeKernels {
  const { rows, cols } = shape;
  const free: Float64Array[] = [];
  const bins = new Uint8Array(rows * cols);
  const grad = new Float64Array(rows);
  const hess = new Float64Array(rows);
  const scratch = new Uint32Array(rows);
  const margin = new Float64Array(rows * shape.outputs);
  const labels = new Float64Array(rows);
  return {
    name: 'ts',
    threads: 1,
    bins,
    binsWritten: () => undefined,
    binInput: (x, rowIds, columns, maxBins) => {
      const mapper = fitBinMapper(x, cols, rowIds, columns, maxBins);
      binRows(mapper, x, rows, bins);
      return mapper;
    },
    grad,
    hess,
    margin,
    labels,
    order: new Uint32Array(rows),
    scratch,
    rootCounts: new Float64Array(cols * BIN_SLOTS),
    // Reused across nodes and trees: allocating ~6 kB per feature per node otherwise dominated training time in GC.
    takeHistogram: () => free.pop() ?? new Float64Array(cols * BIN_SLOTS * 3),
    giveHistogram: (h) => void free.push(h),
    buildHistogram: (hist, ids, start, end, features, opts) => {
      buildHistogram(hist, { bins, cols, grad, hess }, ids, start, end, features);
      if (opts?.sums) gradientSums(grad, hess, ids, start, end, opts.sums);
    },
    partition: (ids, start, end, feature, goesLeft) => partitionRows(ids, scratch, start, end, { bins, cols }, feature, goesLeft),
    started: () => Promise.resolve(),
    binaryGradients: () => binaryGradientsInHalves(margin, labels, grad, hess),
    addLeafValues: (order, leaves, k) => {
      for (const leaf of leaves) {
        for (let i = leaf.start; i < leaf.end; i++) margin[order[i] * shape.outputs + k] += leaf.value;
      }
    },
    stats: { parallelBuilds: 0, parallelPartitions: 0, parallelGradients: 0, parallelLeafValues: 0, parallelBinnings: 0 },
    close: () => undefined,
  };
}

/** out = [Σ grad, Σ hess] over the rows ids[start…end), each added in that order from 0. */
function gradientSums(grad: Float64Array, hess: Float64Array, ids: Uint32Array, start: number, end: number, out: Float64Array): void {
  let g = 0;
  let h = 0;
  for (let i = start; i < end; i++) {
    g += grad[ids[i]];
    h += hess[ids[i]];
  }
  out[0] = g;
  out[1] = h;
}

/** Stable partition of ids[start…end) by goesLeft[bin]; returns where the right side begins. */
export function partitionRows(
  ids: Uint32Array, scratch: Uint32Array, start: number, end: number,
  data: { bins: Uint8Array; cols: number }, feature: number, goesLeft: Uint8Array,
): number {
  const { bins, cols } = data;
  let l = start;
  let r = 0;
  for (let i = start; i < end; i++) {
    const row = ids[i];
    if (goesLeft[bins[row * cols + feature]] === 1) ids[l++] = row;
    else scratch[r++] = row;
  }
  ids.set(scratch.subarray(0, r), l);
  return l;
}
