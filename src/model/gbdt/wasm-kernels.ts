import { Buffer } from 'node:buffer';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { GBDT_WASM_BASE64 } from '../kernels/gbdt-wasm.js';
import { binRowRange, checkColumns, featureEdges, fitBinMapper, binRows, mapperFrom, numericFeatures, PADDED_EDGES, sampleColumns } from './binning.js';
import { BIN_SLOTS } from './histogram.js';
import { sortFloat32 } from './sort-float32.js';
import type { KernelShape, TreeKernels } from './kernels.js';

/**
 * The tree kernels in WebAssembly (src/model/kernels/gbdt.wat) over one shared memory, with
 * `threads − 1` worker threads that build histograms too: each thread takes a contiguous block
 * of the active features. A feature's histogram is summed by one thread in row order, so the
 * result is the same bits whatever the thread count (no cross-thread reduction to order).
 *
 * Why wasm: V8 bounds-checks every typed-array access in the histogram loop; the module does the
 * same float64 additions without them. Why features, not row blocks, per thread: row blocks need
 * a reduction of partial histograms, and a fixed reduction order would tie the bits to the block
 * count. Why Atomics and not messages: a histogram of a small node takes microseconds, less than
 * a message round trip; the main thread blocks on Atomics.wait, so fitGbdt stays synchronous.
 */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Memory: new (d: { initial: number; maximum: number; shared: boolean }) => { readonly buffer: ArrayBuffer };
  Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

type HistKernel = (bins: number, cols: number, grad: number, hess: number, ids: number, start: number, end: number, feats: number, nf: number, hist: number, scratch: number, known: number) => void;
type GradientKernel = (margin: number, labels: number, grad: number, hess: number, start: number, end: number, scratch: number) => number;
type LeavesKernel = (margin: number, order: number, outputs: number, k: number, starts: number, ends: number, values: number, leaves: number) => void;
type PartitionKernel = (bins: number, cols: number, f: number, table: number, ids: number, scratch: number, start: number, end: number, keepRights: number) => number;

const PAGE = 65536;
/** Shared memories must declare a maximum; past 2 GiB the TypeScript kernels are used instead. */
const MAX_PAGES = 32768;
/** Control words per worker: [state, ready, the 12 arguments of hist or 9 of partition, …, op, partition's result]. */
const CONTROL_INTS = 16;
const OP_SLOT = 14;
const RESULT_SLOT = 15;
const OP_HIST = 0;
const OP_PARTITION = 1;
const OP_GRADIENTS = 2;
const OP_LEAF_VALUES = 3;
const OP_EDGES = 4;
const OP_BIN_ROWS = 5;
const OP_TRANSPOSE = 6;
/** Below this many values of x binning runs on the calling thread alone (sharing x costs a copy). */
const PARALLEL_MIN_BINNING = 1 << 18;
/** Below this many rows the gradient pass runs on the calling thread alone. */
const PARALLEL_MIN_GRADIENTS = 1 << 15;
/** Below this many rows of a tree the leaf values are added on the calling thread alone. */
const PARALLEL_MIN_LEAF_VALUES = 1 << 15;
/** Below this many rows a node's partition runs on the calling thread alone. */
const PARALLEL_MIN_PARTITION = 1 << 15;
/** Below this many bin additions a node's histogram is built on the calling thread alone: waking a worker costs more. */
const PARALLEL_MIN_WORK = 1 << 16;
/**
 * Loads of a control word (10–20 ns each: some tens of µs) a thread spins through before it
 * sleeps in Atomics.wait: a sleeping thread runs again only when the scheduler wakes it, which on
 * a busy machine (or an idle virtual CPU) can take far longer than the hand-off. At 800k × 20,
 * 100 trees (≈4,700 hand-offs) the main thread's waits that ended within the spin went from 42 %
 * to 72 %; the worker's gaps are mostly longer (5 %: the main thread's split finding and
 * bookkeeping), and longer spins cost more CPU than they saved.
 */
const SPIN_LOADS = 4096;
const IDLE = 0;
const RUN = 1;
const STOP = 2;
const FAILED = 3;
/** hist's scratch per thread for `cols` features: u32 counts, a dummy feature, a block's gathered rows (gbdt.wat); binaryGradients borrows its first 2 kB for a block of 128 row pairs. */
const histScratchBytes = (cols: number) => cols * 1024 + 12288;
/** Where hist leaves its rows' (g, h) sums: past its nf × 1024 bytes of counts, the start of its gathered block. */
const HIST_SUMS_AT = 7168;

let compiled: object | undefined;
function gbdtModule(): object {
  compiled ??= new wasm.Module(Buffer.from(GBDT_WASM_BASE64, 'base64'));
  return compiled;
}

/**
 * A worker: instantiates the module over the shared memory, says it is ready, then runs `hist`
 * with the arguments in its control block each time the state turns RUN. Plain JavaScript with
 * no imports of ours, so it runs the same from lib/, the action's bundle and TypeScript sources.
 */
const WORKER_SOURCE = `
const { parentPort, workerData, receiveMessageOnPort } = require('node:worker_threads');
const { module, memory, control, port } = workerData;
const { hist, partition, binaryGradients, addLeaves } = new WebAssembly.Instance(module, { env: { memory } }).exports;
const c = new Int32Array(memory.buffer, control, ${CONTROL_INTS});
const sortFloat32 = (${sortFloat32.toString()});
const featureEdges = (${featureEdges.toString()});
const binRowRange = (${binRowRange.toString()});
const transposeBins = (${transposeBins.toString()});
// A binning op's shared arrays (not in the wasm memory) come as one message just before it.
function binning(op) {
  const b = memory.buffer;
  const data = receiveMessageOnPort(port).message;
  if (op === ${OP_EDGES}) {
    const [featsAt, nf, counterAt, maxBins, paddedAt, countsAt, cols] = c.subarray(2, 9);
    featureEdges(data, new Int32Array(b, featsAt, nf), new Int32Array(b, counterAt, 1), maxBins,
      { padded: new Float64Array(b, paddedAt, cols * ${PADDED_EDGES}), counts: new Int32Array(b, countsAt, cols) }, sortFloat32);
  } else {
    // data.x holds just this worker's rows.
    const [cols, paddedAt, catsAt, from, to, binsAt] = c.subarray(2, 8);
    binRowRange(data.x, cols, new Float64Array(b, paddedAt, cols * ${PADDED_EDGES}), new Int32Array(b, catsAt, cols), 0, to - from, new Uint8Array(b, binsAt + from * cols, (to - from) * cols));
  }
}
function gradients() {
  new Float64Array(memory.buffer, c[8], 1)[0] = binaryGradients(c[2], c[3], c[4], c[5], c[6], c[7], c[9]);
}
function leafValues() {
  addLeaves(c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9]);
}
Atomics.store(c, 1, 1);
parentPort.postMessage('ready');
for (;;) {
  for (let i = 0; i < ${SPIN_LOADS} && Atomics.load(c, 0) === ${IDLE}; i++);
  Atomics.wait(c, 0, ${IDLE});
  const state = Atomics.load(c, 0);
  if (state === ${STOP}) break;
  if (state !== ${RUN}) continue;
  try {
    if (c[${OP_SLOT}] === ${OP_PARTITION}) c[${RESULT_SLOT}] = partition(c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10]);
    else if (c[${OP_SLOT}] === ${OP_GRADIENTS}) gradients();
    else if (c[${OP_SLOT}] === ${OP_LEAF_VALUES}) leafValues();
    else if (c[${OP_SLOT}] === ${OP_EDGES} || c[${OP_SLOT}] === ${OP_BIN_ROWS}) binning(c[${OP_SLOT}]);
    else if (c[${OP_SLOT}] === ${OP_TRANSPOSE}) transposeBins(new Uint8Array(memory.buffer, c[2], c[4] * c[5]), new Uint8Array(memory.buffer, c[3], c[4] * c[5]), c[4], c[5], c[6], c[7]);
    else hist(c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11], c[12], c[13]);
    Atomics.store(c, 0, ${IDLE});
  } catch {
    Atomics.store(c, 0, ${FAILED});
  }
  Atomics.notify(c, 0);
}
`;

/** Lays out byte regions, each 16-byte aligned. */
class Layout {
  size = 0;
  take(bytes: number): number {
    const at = this.size;
    this.size += Math.ceil(bytes / 16) * 16;
    return at;
  }
}

/** The wasm kernels for a training shape, or undefined when the shape does not fit a 2 GiB memory. */
export function wasmKernels(
  shape: KernelShape, threads: number,
  opts: { parallelMinWork?: number; parallelMinPartition?: number; parallelMinGradients?: number; parallelMinLeafValues?: number; parallelMinBinning?: number } = {},
): TreeKernels | undefined {
  const parallelMinBinning = opts.parallelMinBinning ?? PARALLEL_MIN_BINNING;
  const parallelMinWork = opts.parallelMinWork ?? PARALLEL_MIN_WORK;
  const parallelMinLeafValues = opts.parallelMinLeafValues ?? PARALLEL_MIN_LEAF_VALUES;
  const parallelMinPartition = opts.parallelMinPartition ?? PARALLEL_MIN_PARTITION;
  const parallelMinGradients = opts.parallelMinGradients ?? PARALLEL_MIN_GRADIENTS;
  const { rows, cols, histograms } = shape;
  const histBytes = cols * BIN_SLOTS * 3 * 8;
  const workers = Math.max(0, Math.min(threads, cols) - 1);
  const at = new Layout();
  const binsAt = at.take(rows * cols);
  // Feature-major copy: a partition reads one feature of its rows, a column of `rows` bytes that
  // stays in cache, where the row-major bins put each row's byte on its own cache line.
  const binsByFeatureAt = at.take(rows * cols);
  const gradAt = at.take(rows * 8);
  const hessAt = at.take(rows * 8);
  const marginAt = at.take(rows * shape.outputs * 8);
  const labelsAt = at.take(rows * 8);
  const lossAt = at.take(8);
  const orderAt = at.take(rows * 4);
  const scratchAt = at.take(rows * 4);
  const tableAt = at.take(BIN_SLOTS);
  const featsAt = at.take(cols * 4);
  // A tree's leaves (at most one per histogram): their row ranges in `order` and values.
  const leafStartsAt = at.take(histograms * 4);
  const leafEndsAt = at.take(histograms * 4);
  const leafValuesAt = at.take(histograms * 8);
  const leafCutsAt = at.take(histograms * 4);
  // Binning: each feature's edges padded to 256 slots, their counts, category counts, a feature counter.
  const paddedAt = at.take(cols * PADDED_EDGES * 8);
  const edgeCountsAt = at.take(cols * 4);
  const catsAt = at.take(cols * 4);
  const counterAt = at.take(4);
  const rootCountsAt = at.take(cols * BIN_SLOTS * 8);
  const scratchBytes = histScratchBytes(cols);
  const histScratchAt = at.take((workers + 1) * scratchBytes);
  const controlAt = at.take(Math.max(1, workers) * CONTROL_INTS * 4);
  const histAt = at.take(histograms * histBytes);
  const pages = Math.ceil(Math.max(at.size, 1) / PAGE);
  if (pages > MAX_PAGES) return undefined;
  const memory = new wasm.Memory({ initial: pages, maximum: pages, shared: true });
  const { exports } = new wasm.Instance(gbdtModule(), { env: { memory } });
  const hist = exports.hist as HistKernel;
  const partition = exports.partition as PartitionKernel;
  const gradientRange = exports.binaryGradients as GradientKernel;
  const addLeaves = exports.addLeaves as LeavesKernel;
  const buf = memory.buffer;
  const feats = new Int32Array(buf, featsAt, cols);
  const table = new Uint8Array(buf, tableAt, BIN_SLOTS);
  const free: Float64Array[] = [];
  for (let i = histograms - 1; i >= 0; i--) free.push(new Float64Array(buf, histAt + i * histBytes, histBytes / 8));
  const pool = startWorkers(memory, controlAt, workers);
  const stats = { parallelBuilds: 0, parallelPartitions: 0, parallelGradients: 0, parallelLeafValues: 0, parallelBinnings: 0 };
  const leafStarts = new Int32Array(buf, leafStartsAt, histograms);
  const leafEnds = new Int32Array(buf, leafEndsAt, histograms);
  const leafValues = new Float64Array(buf, leafValuesAt, histograms);
  const leafCuts = new Int32Array(buf, leafCutsAt, histograms);
  const grad = new Float64Array(buf, gradAt, rows);
  const hess = new Float64Array(buf, hessAt, rows);
  const margin = new Float64Array(buf, marginAt, rows * shape.outputs);
  const labels = new Float64Array(buf, labelsAt, rows);
  const half = rows >> 1;
  const bins = new Uint8Array(buf, binsAt, rows * cols);
  const binsByFeature = new Uint8Array(buf, binsByFeatureAt, rows * cols);
  // The partition kernel reads bins[r·cols + f]; over a feature's column that is column[r·1 + 0].
  const columnArgs = (feature: number) => [binsByFeatureAt + feature * rows, 1, 0] as const;
  const binsWritten = () => transposeBins(bins, binsByFeature, rows, cols, 0, cols);

  return {
    name: 'wasm',
    threads: workers + 1,
    bins,
    binsWritten,
    binInput: (x, rowIds, columns, maxBins) => {
      checkColumns(columns);
      if (workers === 0 || x.length < parallelMinBinning) {
        const mapper = fitBinMapper(x, cols, rowIds, columns, maxBins);
        binRows(mapper, x, rows, bins);
        binsWritten();
        return mapper;
      }
      // Workers start while the main thread samples: they usually join for the sorts (each
      // feature claimed whole through the counter, so its edges are one thread's, same bits).
      const sharedFloats = (n: number) => new Float32Array(new SharedArrayBuffer(n * 4));
      const samples = sampleColumns(x, cols, rowIds, sharedFloats);
      const numeric = numericFeatures(columns);
      feats.set(numeric);
      const counter = new Int32Array(buf, counterAt, 1);
      counter[0] = 0;
      const padded = new Float64Array(buf, paddedAt, cols * PADDED_EDGES);
      const counts = new Int32Array(buf, edgeCountsAt, cols);
      const edgeHelpers = pool.ready();
      for (let w = 0; w < edgeHelpers; w++) {
        pool.post(w, samples);
        pool.run(w, [featsAt, numeric.length, counterAt, maxBins, paddedAt, edgeCountsAt, cols], OP_EDGES);
      }
      featureEdges(samples, new Int32Array(buf, featsAt, numeric.length), counter, maxBins, { padded, counts }, sortFloat32);
      for (let w = 0; w < edgeHelpers; w++) pool.wait(w);
      const mapper = mapperFrom(columns, padded, counts);
      new Int32Array(buf, catsAt, cols).set(columns.map((c) => c.categories ?? -1));
      // Rows in blocks per thread (each worker gets a shared copy of its block of x), then
      // features in blocks for the feature-major copy.
      const n = pool.ready() + 1;
      const rowCut = (t: number) => Math.floor((t * rows) / n);
      for (let w = 0; w < n - 1; w++) {
        const block = sharedFloats((rowCut(w + 2) - rowCut(w + 1)) * cols);
        block.set(x.subarray(rowCut(w + 1) * cols, rowCut(w + 2) * cols));
        pool.post(w, { x: block });
        pool.run(w, [cols, paddedAt, catsAt, rowCut(w + 1), rowCut(w + 2), binsAt], OP_BIN_ROWS);
      }
      binRowRange(x, cols, padded, new Int32Array(buf, catsAt, cols), 0, rowCut(1), bins);
      for (let w = 0; w < n - 1; w++) pool.wait(w);
      const featCut = (t: number) => Math.floor((t * cols) / n);
      for (let w = 0; w < n - 1; w++) pool.run(w, [binsAt, binsByFeatureAt, rows, cols, featCut(w + 1), featCut(w + 2)], OP_TRANSPOSE);
      transposeBins(bins, binsByFeature, rows, cols, 0, featCut(1));
      for (let w = 0; w < n - 1; w++) pool.wait(w);
      stats.parallelBinnings++;
      return mapper;
    },
    grad,
    hess,
    margin,
    labels,
    order: new Uint32Array(buf, orderAt, rows),
    rootCounts: new Float64Array(buf, rootCountsAt, cols * BIN_SLOTS),
    scratch: new Uint32Array(buf, scratchAt, rows),
    takeHistogram: () => {
      const h = free.pop();
      if (!h) throw new Error(`gbdt wasm kernels: more than ${histograms} histograms alive at once`);
      return h;
    },
    giveHistogram: (h) => void free.push(h),
    buildHistogram: (h, ids, start, end, features, opts) => {
      const nf = features.length;
      feats.set(features);
      const args = [binsAt, cols, gradAt, hessAt, ids.byteOffset, start, end] as const;
      const known = opts?.countsFromRoot === true ? rootCountsAt : 0;
      const ready = pool.ready();
      // The main thread's call gathers every row: it leaves their (g, h) sums in its scratch.
      const copySums = (mainFeatures: number) => opts?.sums?.set(new Float64Array(buf, histScratchAt + mainFeatures * 1024 + HIST_SUMS_AT, 2));
      if (ready === 0 || (end - start) * nf < parallelMinWork) {
        hist(...args, featsAt, nf, h.byteOffset, histScratchAt, known);
        copySums(nf);
        return;
      }
      // Thread t sums a block of features (pairs: the kernel runs two at a time), each in its own
      // scratch: the main thread the first block, workers the rest.
      stats.parallelBuilds++;
      const n = ready + 1;
      const cut = (t: number) => Math.min(nf, 2 * Math.floor((t * Math.ceil(nf / 2)) / n));
      for (let w = 0; w < ready; w++) {
        const from = cut(w + 1);
        pool.run(w, [...args, featsAt + from * 4, cut(w + 2) - from, h.byteOffset, histScratchAt + (w + 1) * scratchBytes, known], OP_HIST);
      }
      hist(...args, featsAt, cut(1), h.byteOffset, histScratchAt, known);
      copySums(cut(1));
      for (let w = 0; w < ready; w++) pool.wait(w);
    },
    partition: (ids, start, end, feature, goesLeft) => {
      table.set(goesLeft);
      if (pool.ready() === 0 || end - start < parallelMinPartition) return partition(...columnArgs(feature), tableAt, ids.byteOffset, scratchAt, start, end, 0);
      // Two halves at once, each a stable partition: the worker's in place ([Bleft Bright], its
      // rights after its lefts through its own part of the scratch), the main thread's with its
      // rights left in the scratch ([Aleft …], Aright in scratch). Bleft moved down to Aleft's end,
      // then Aright after it, gives [Aleft Bleft | Aright Bright], the one-thread result: same rows,
      // same order, and the main thread's serial part copies each of those rows once.
      stats.parallelPartitions++;
      const half = start + ((end - start) >> 1);
      pool.run(0, [...columnArgs(feature), tableAt, ids.byteOffset, scratchAt + (half - start) * 4, half, end, 0], OP_PARTITION);
      const aEnd = partition(...columnArgs(feature), tableAt, ids.byteOffset, scratchAt, start, half, 1);
      const bEnd = pool.wait(0);
      ids.copyWithin(aEnd, half, bEnd);
      ids.set(new Uint32Array(buf, scratchAt, half - aEnd), aEnd + (bEnd - half));
      return aEnd + (bEnd - half);
    },
    binaryGradients: () => {
      // The loss is always the sum of the two halves' sums, as binaryGradientsInHalves adds it:
      // one thread and two give the same bits. Each thread's block scratch is its histogram scratch.
      const first = () => gradientRange(marginAt, labelsAt, gradAt, hessAt, 0, half, histScratchAt);
      if (pool.ready() === 0 || rows < parallelMinGradients) {
        return first() + gradientRange(marginAt, labelsAt, gradAt, hessAt, half, rows, histScratchAt);
      }
      stats.parallelGradients++;
      pool.run(0, [marginAt, labelsAt, gradAt, hessAt, half, rows, lossAt, histScratchAt + scratchBytes], OP_GRADIENTS);
      const firstSum = first();
      pool.wait(0);
      return firstSum + new Float64Array(buf, lossAt, 1)[0];
    },
    addLeafValues: (order, leaves, k) => {
      const n = leaves.length;
      if (n > histograms) throw new Error(`gbdt wasm kernels: ${n} leaves, room for ${histograms}`);
      for (let j = 0; j < n; j++) {
        leafStarts[j] = leaves[j].start;
        leafEnds[j] = leaves[j].end;
        leafValues[j] = leaves[j].value;
      }
      if (pool.ready() === 0 || order.length < parallelMinLeafValues) {
        addLeaves(marginAt, order.byteOffset, shape.outputs, k, leafStartsAt, leafEndsAt, leafValuesAt, n);
        return;
      }
      // Each row is in one leaf and gets one addition, so any share-out gives the same bits. A
      // leaf's rows are ascending (stable partitions of ascending ids): the worker takes each
      // leaf's rows from the middle row on, so the threads write disjoint halves of the margins
      // (halves of the positions interleave rows on shared cache lines and ran slower than one thread).
      stats.parallelLeafValues++;
      const middle = rows >> 1;
      for (let j = 0; j < n; j++) leafCuts[j] = firstAtLeast(order, leafStarts[j], leafEnds[j], middle);
      pool.run(0, [marginAt, order.byteOffset, shape.outputs, k, leafCutsAt, leafEndsAt, leafValuesAt, n], OP_LEAF_VALUES);
      addLeaves(marginAt, order.byteOffset, shape.outputs, k, leafStartsAt, leafCutsAt, leafValuesAt, n);
      pool.wait(0);
    },
    started: () => pool.started,
    stats,
    close: () => pool.stop(),
  };
}

/**
 * The feature-major copy of the features [from, to): out[f·rows + r] = bins[r·cols + f].
 * Self-contained: the worker runs its source for its block of features.
 */
function transposeBins(bins: Uint8Array, out: Uint8Array, rows: number, cols: number, from: number, to: number): void {
  for (let f = from; f < to; f++) {
    for (let r = 0, o = f, p = f * rows; r < rows; r++, o += cols, p++) out[p] = bins[o];
  }
}

/** The first position in [start, end) whose row is >= `row` (end if none), for rows ascending there. */
function firstAtLeast(order: Uint32Array, start: number, end: number, row: number): number {
  let lo = start;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (order[mid] < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface WorkerPool {
  started: Promise<void>;
  /** How many workers (from the first) have started and can take work. */
  ready(): number;
  run(w: number, args: number[], op: number): void;
  /** Queues `message` for worker w's next binning op (shared arrays outside the wasm memory). */
  post(w: number, message: object): void;
  /** Waits for worker w's job; returns what a partition returned. */
  wait(w: number): number;
  stop(): void;
}

/**
 * Starts the workers without waiting for them: until a worker says it is ready, the threads
 * before it do its features (same bits either way). Unref'd: they never keep the process alive.
 */
function startWorkers(memory: object, controlAt: number, count: number): WorkerPool {
  const buf = (memory as { buffer: ArrayBuffer }).buffer;
  const controls = Array.from({ length: count }, (_, w) => new Int32Array(buf, controlAt + w * CONTROL_INTS * 4, CONTROL_INTS));
  const ports: MessagePort[] = [];
  const workers = controls.map((c) => {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1);
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module: gbdtModule(), memory, control: c.byteOffset, port: port2 }, transferList: [port2] });
    worker.unref();
    worker.on('error', () => undefined);
    return worker;
  });
  // A worker that fails to start never says ready; its features stay on the threads before it.
  const started = Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
    w.once('message', () => resolve());
    w.once('error', reject);
  }))).then(() => undefined);
  started.catch(() => undefined);
  let readyCount = 0;
  return {
    started,
    ready: () => {
      while (readyCount < count && Atomics.load(controls[readyCount], 1) === 1) readyCount++;
      return readyCount;
    },
    run: (w, args, op) => {
      const c = controls[w];
      c.set(args, 2);
      c[OP_SLOT] = op;
      Atomics.store(c, 0, RUN);
      Atomics.notify(c, 0);
    },
    post: (w, message) => ports[w].postMessage(message),
    wait: (w) => {
      const c = controls[w];
      for (let i = 0; i < SPIN_LOADS && Atomics.load(c, 0) === RUN; i++);
      for (let s = Atomics.load(c, 0); s === RUN; s = Atomics.load(c, 0)) Atomics.wait(c, 0, RUN);
      if (Atomics.load(c, 0) === FAILED) throw new Error('gbdt wasm kernels: a histogram worker failed');
      return c[RESULT_SLOT];
    },
    stop: () => {
      for (const c of controls) {
        Atomics.store(c, 0, STOP);
        Atomics.notify(c, 0);
      }
      for (const w of workers) void w.terminate();
      for (const p of ports) p.close();
    },
  };
}
