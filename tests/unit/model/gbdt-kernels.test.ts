import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { featureEdges } from '../../../src/model/gbdt/binning.js';
import { fitGbdt, type GbdtSettings } from '../../../src/model/gbdt/boost.js';
import { tsKernels } from '../../../src/model/gbdt/kernels.js';
import { wasmKernels } from '../../../src/model/gbdt/wasm-kernels.js';
import { Rng } from '../../../src/rng.js';
import type { Task } from '../../../src/spec/types.js';
import { binaryGradientRange } from '../../../src/model/gbdt/objective.js';
import { GBDT_WASM_BASE64 } from '../../../src/model/kernels/gbdt-wasm.js';
import { MODULES, compileWat, renderModule } from '../../../scripts/build-wasm.mjs';
import { syntheticData } from './data.js';

const settings: GbdtSettings = { learningRate: 0.1, maxIter: 15, maxLeafNodes: 8, minSamplesLeaf: 5, minHessian: 1e-3, l2: 0.5, maxBins: 63, subsample: 0.8, colsample: 0.8 };

/** Data with 10% missing values and one categorical column of 6 codes (one code never seen in some nodes). */
function data(task: Task, rows: number) {
  const d = syntheticData(task, rows, 5);
  const rng = new Rng(11);
  const cols = d.cols + 1;
  const x = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < d.cols; c++) x[r * cols + c] = rng.next() < 0.1 ? NaN : d.x[r * d.cols + c];
    x[r * cols + d.cols] = (r * 7) % 6;
  }
  const columns = [...Array.from({ length: d.cols }, (_, i) => ({ name: `f${i}` })), { name: 'c', categories: 6 }];
  return { ...d, x, cols, columns };
}

describe('gbdt WebAssembly kernels', () => {
  it('the committed generated module is the compiled gbdt.wat (rerun node scripts/build-wasm.mjs if not)', async () => {
    const mod = MODULES.find((m) => m.name === 'GBDT_WASM_BASE64')!;
    const rebuilt = renderModule(await compileWat(readFileSync(mod.wat, 'utf8'), mod.features), mod);
    expect(readFileSync(mod.ts, 'utf8')).toBe(rebuilt);
  });

  it.each(['binary_classification', 'multiclass_classification', 'regression'] as const)(
    '%s: the wasm kernels, on 1, 2 or 3 threads, grow the trees of the TypeScript reference, bit for bit',
    (task) => {
      const d = data(task, 700);
      const model = (kernels: 'ts' | 'wasm', threads: number) =>
        JSON.stringify(fitGbdt({ task, settings, seed: 5, ...d, kernels, threads }).model);
      const reference = model('ts', 1);
      expect(model('wasm', 1)).toBe(reference);
      expect(model('wasm', 2)).toBe(reference);
      expect(model('wasm', 3)).toBe(reference);
    },
  );

  it('without row sampling (root counts copied, not counted), the wasm kernels on 1, 2 or 3 threads grow the reference\'s trees', () => {
    const d = data('binary_classification', 700);
    // colsample 0.8: the counts are made before the first tree; 1: kept from the first root's histogram.
    for (const colsample of [0.8, 1]) {
      const model = (kernels: 'ts' | 'wasm', threads: number) =>
        JSON.stringify(fitGbdt({ task: 'binary_classification', settings: { ...settings, subsample: 1, colsample }, seed: 5, ...d, kernels, threads }).model);
      const reference = model('ts', 1);
      expect(model('wasm', 1)).toBe(reference);
      expect(model('wasm', 2)).toBe(reference);
      expect(model('wasm', 3)).toBe(reference);
    }
  });

  it.each([2, 3])('binning on %i threads (edges of features claimed one at a time, rows and the feature-major copy in blocks) gives the reference mapper and bins', async (threads) => {
    const rows = 5000;
    const d = data('regression', rows);
    // A constant column, an all-missing one and few distinct values next to the quantile-binned ones.
    const cols = d.cols + 3;
    const x = new Float32Array(rows * cols);
    for (let r = 0; r < rows; r++) {
      x.set(d.x.subarray(r * d.cols, (r + 1) * d.cols), r * cols);
      x[r * cols + d.cols] = 4;
      x[r * cols + d.cols + 1] = NaN;
      x[r * cols + d.cols + 2] = r % 7;
    }
    const columns = [...d.columns, { name: 'constant' }, { name: 'missing' }, { name: 'seven' }];
    const rowIds = Uint32Array.from({ length: rows }, (_, i) => i).filter((r) => r % 5 !== 0);
    const shape = { rows, cols, histograms: 3, outputs: 1 };
    const wasm = wasmKernels(shape, threads, { parallelMinBinning: 0 })!;
    const ts = tsKernels(shape);
    try {
      await wasm.started();
      const [a, b] = [wasm, ts].map((k) => k.binInput(x, rowIds, columns, 40));
      expect(wasm.stats.parallelBinnings).toBe(1);
      expect(a).toEqual(b);
      expect(Array.from(wasm.bins)).toEqual(Array.from(ts.bins));
      expect(a.binCount.slice(d.cols)).toEqual(Int32Array.from([1, 1, 7]));
      // The feature-major copy the partitions read: one column after another.
      const byFeature = Array.from({ length: cols }, (_, f) => Array.from({ length: rows }, (_, r) => ts.bins[r * cols + f])).flat();
      const goesLeft = new Uint8Array(256).fill(1, 0, 3);
      for (let f = 0; f < cols; f++) {
        const order = wasm.order.subarray(0, rows);
        order.set(Uint32Array.from({ length: rows }, (_, i) => i));
        const mid = wasm.partition(order, 0, rows, f, goesLeft);
        expect(mid, `feature ${f}`).toBe(byFeature.slice(f * rows, (f + 1) * rows).filter((bin) => goesLeft[bin] === 1).length);
      }
    } finally {
      wasm.close();
    }
  });

  it('histograms built by three threads over feature blocks equal the reference bitwise, and partitions match', async () => {
    const rows = 3000;
    const cols = 7;
    const shape = { rows, cols, histograms: 3, outputs: 1 };
    // Thresholds 0: every build, partition and gradient pass is split over the threads once they have started.
    const wasm = wasmKernels(shape, 3, { parallelMinWork: 0, parallelMinPartition: 0, parallelMinGradients: 0, parallelMinLeafValues: 0 })!;
    const ts = tsKernels(shape);
    try {
      await wasm.started();
      const rng = new Rng(3);
      for (const k of [wasm, ts]) {
        const r = new Rng(8);
        for (let i = 0; i < rows * cols; i++) k.bins[i] = r.next() < 0.05 ? 255 : Math.floor(r.next() * 40);
        k.binsWritten();
        for (let i = 0; i < rows; i++) {
          k.grad[i] = r.normal() * 1e3;
          k.hess[i] = r.next() * 1e-3;
        }
      }
      // The logistic gradient pass, the worker running the second half: the same gradients,
      // hessians and loss sum, bit for bit (margins of every size, labels 0 and 1).
      const sums = [wasm, ts].map((k) => {
        const r = new Rng(5);
        for (let i = 0; i < rows; i++) {
          k.margin[i] = i % 97 === 0 ? (i % 2 === 0 ? 800 : -800) : r.normal() * 4;
          k.labels[i] = r.next() < 0.4 ? 1 : 0;
        }
        return { loss: k.binaryGradients(), grad: Array.from(k.grad), hess: Array.from(k.hess) };
      });
      expect(wasm.stats.parallelGradients).toBe(1);
      expect(sums[0]).toEqual(sums[1]);
      expect(Number.isFinite(sums[0].loss) && sums[0].loss > 0).toBe(true);
      expect(sums[0].grad.slice(-3)).not.toEqual([0, 0, 0]);

      // A tree's leaves over a shuffled order, added on two threads (the worker the second half of
      // the positions, through a leaf that straddles it) and on one: the same margins, bit for bit.
      const shuffled = new Rng(9).shuffle(Uint32Array.from({ length: rows }, (_, i) => i));
      const leaves = [{ start: 0, end: 700, value: 0.1 }, { start: 700, end: 2400, value: -1 / 3 }, { start: 2400, end: rows, value: 1e-9 }];
      const margins = [wasm, ts].map((k) => {
        const order = k.order.subarray(0, rows);
        order.set(shuffled);
        k.addLeafValues(order, leaves, 0);
        k.addLeafValues(order, [{ start: 0, end: rows, value: 0.7 }], 0);
        return Array.from(k.margin);
      });
      expect(wasm.stats.parallelLeafValues).toBe(2);
      expect(margins[0]).toEqual(margins[1]);
      expect(margins[0].every((m) => m !== 0)).toBe(true);

      // A node's rows: a sorted subset, as growTree passes them.
      const ids = Array.from({ length: rows }, (_, i) => i).filter(() => rng.next() < 0.6);
      const features = Int32Array.from([6, 0, 2, 3, 5]);
      const hists = [wasm, ts].map((k) => {
        const order = k.order.subarray(0, ids.length);
        order.set(ids);
        const h = k.takeHistogram();
        h.fill(7); // features not listed keep their content; listed ones are zeroed first
        // The rows' (g, h) sums come with the build (the main thread's block gathers every row).
        const sums = new Float64Array(2);
        k.buildHistogram(h, order, 10, ids.length - 5, features, { sums });
        return { h: Array.from(h), sums: Array.from(sums) };
      });
      expect(wasm.stats.parallelBuilds).toBe(1);
      expect(hists[0]).toEqual(hists[1]);
      let g = 0;
      for (let i = 10; i < ids.length - 5; i++) g += ts.grad[ids[i]];
      expect(hists[0].sums[0]).toBe(g);
      expect(hists[0].h[1 * 256 * 3]).toBe(7);

      // The root's counts copied from rootCounts (the wasm kernels) or counted (the reference): the same bits.
      const rootHists = [wasm, ts].map((k) => {
        const order = k.order.subarray(0, ids.length);
        order.set(ids);
        k.rootCounts.fill(0);
        for (const r of ids) for (let f = 0; f < cols; f++) k.rootCounts[f * 256 + k.bins[r * cols + f]]++;
        const h = k.takeHistogram();
        const sums = new Float64Array(2);
        k.buildHistogram(h, order, 0, ids.length, features, { countsFromRoot: true, sums });
        return [...h, ...sums];
      });
      expect(wasm.stats.parallelBuilds).toBe(2);
      expect(rootHists[0]).toEqual(rootHists[1]);

      const goesLeft = new Uint8Array(256);
      for (let b = 0; b < 256; b += 3) goesLeft[b] = 1;
      const parts = [wasm, ts].map((k) => {
        const order = k.order.subarray(0, ids.length);
        order.set(ids);
        const mid = k.partition(order, 4, ids.length - 2, 2, goesLeft);
        return { mid, order: Array.from(order) };
      });
      expect(wasm.stats.parallelPartitions).toBe(1);
      expect(parts[0]).toEqual(parts[1]);
      expect(parts[0].mid).toBeGreaterThan(4);
      expect(parts[0].mid).toBeLessThan(ids.length - 2);

      // Two threads at once at every split of a range's edges: all left, all right, one row, halves of one side each.
      const ranges: [number, number, Uint8Array][] = [];
      const all = new Uint8Array(256).fill(1);
      const none = new Uint8Array(256);
      const low = new Uint8Array(256);
      for (let b = 0; b < 20; b++) low[b] = 1;
      for (const table of [all, none, low, goesLeft]) ranges.push([0, ids.length, table], [7, 8, table], [3, 5, table], [100, 1001, table]);
      for (const [from, to, table] of ranges) {
        const split = [wasm, ts].map((k) => {
          const order = k.order.subarray(0, ids.length);
          order.set(ids);
          const mid = k.partition(order, from, to, 4, table);
          return { mid, order: Array.from(order) };
        });
        expect(split[0], `${from}…${to}`).toEqual(split[1]);
      }
    } finally {
      wasm.close();
    }
  });
});

describe('the logistic gradient pass in wasm (fdlibm exp and log1p, two rows per f64x2)', () => {
  // The module on its own memory (no lib.dom types here: WebAssembly through globalThis, as wasm-kernels.ts).
  const wasm = (globalThis as unknown as { WebAssembly: {
    Module: new (bytes: Uint8Array) => object;
    Memory: new (d: { initial: number; maximum: number; shared: boolean }) => { readonly buffer: ArrayBuffer };
    Instance: new (module: object, imports: object) => { readonly exports: unknown };
  } }).WebAssembly;
  const memory = new wasm.Memory({ initial: 64, maximum: 64, shared: true });
  const kernels = new wasm.Instance(new wasm.Module(Buffer.from(GBDT_WASM_BASE64, 'base64')), { env: { memory } }).exports as {
    exp: (x: number) => number;
    log1p: (x: number) => number;
    binaryGradients: (margin: number, labels: number, grad: number, hess: number, start: number, end: number, scratch: number) => number;
  };
  /** Doubles of every kind: each branch of both functions, their bounds a bit either side, and random bit patterns. */
  function doubles(): number[] {
    const bounds = [0, 1, 2, 0.5, Math.LN2 / 2, 1.5 * Math.LN2, 2 ** -28, 2 ** -29, 2 ** -54, 0.41421356, 0.2929, 512, 708, 709.78, 745.13, 1e16, 2 ** 53, 2 ** 1023, 5e-324, 1.7976931348623157e308, Infinity, NaN];
    const out: number[] = [];
    for (const b of bounds) for (const f of [1, 1 + 2 ** -52, 1 - 2 ** -53, 1 + 1e-9, 1 - 1e-9]) out.push(b * f, -b * f);
    const rng = new Rng(13);
    const bits = new DataView(new ArrayBuffer(8));
    for (let i = 0; i < 20000; i++) {
      bits.setUint32(0, Math.floor(rng.next() * 2 ** 32));
      bits.setUint32(4, Math.floor(rng.next() * 2 ** 32));
      out.push(bits.getFloat64(0), (rng.next() - 0.5) * 2 ** (rng.next() * 24 - 8), Math.exp((rng.next() - 0.5) * 90));
      // 1 + x just past a power of two: log1p's |f| < 2^-20 branch.
      out.push(2 ** Math.floor(rng.next() * 40) * (1 + rng.next() * 2 ** -21) - 1);
    }
    return out;
  }

  it('exp and log1p return the bits of Math.exp and Math.log1p (V8 runs the same fdlibm algorithms)', () => {
    const bad = doubles().filter((x) => !Object.is(kernels.exp(x), Math.exp(x)) || !Object.is(kernels.log1p(x), Math.log1p(x)));
    expect(bad).toEqual([]);
  });

  it('binaryGradients gives binaryGradientRange\'s gradients, hessians and loss bit for bit, in pairs and row by row, at odd ends', () => {
    const xs = doubles().filter((x) => !Number.isNaN(x));
    const rows = xs.length;
    const f64 = (i: number) => new Float64Array(memory.buffer, i * rows * 8, rows);
    const [margin, labels, grad, hess] = [0, 1, 2, 3].map(f64);
    const rng = new Rng(21);
    // Margins of every size (most pairs on the f64x2 path, some through the scalar functions), shuffled.
    margin.set(rng.shuffle(Float64Array.from(xs, (x, i) => (i % 3 === 0 ? x : (rng.next() - 0.5) * 16))));
    for (let i = 0; i < rows; i++) labels[i] = rng.next() < 0.5 ? 1 : 0;
    const g = new Float64Array(rows);
    const h = new Float64Array(rows);
    for (const [start, end] of [[0, rows], [1, rows - 2], [5, 6], [7, 7]]) {
      grad.fill(0);
      hess.fill(0);
      g.fill(0);
      h.fill(0);
      const loss = kernels.binaryGradients(margin.byteOffset, labels.byteOffset, grad.byteOffset, hess.byteOffset, start, end, 4 * rows * 8);
      expect(Object.is(loss, binaryGradientRange(margin, labels, g, h, start, end))).toBe(true);
      expect(Array.from(grad)).toEqual(Array.from(g));
      expect(Array.from(hess)).toEqual(Array.from(h));
    }
  });
});

describe('featureEdges: features claimed one at a time through a shared counter', () => {
  /** Three claimers on one counter, interleaved: the first's first sort starts the second, whose first sort starts the third. */
  function claims(features: number[], claimers: number) {
    const cols = 6;
    const size = 10;
    const values = Float32Array.from({ length: cols * size }, (_, i) => (i * 7919) % 23);
    const samples = { values, size, present: new Int32Array(cols).fill(size) };
    const out = { padded: new Float64Array(cols * 256), counts: new Int32Array(cols) };
    const counter = new Int32Array(1);
    const sorted: number[] = [];
    let started = 1;
    const sort = (v: Float32Array) => {
      sorted.push(v.byteOffset / 4 / size);
      if (started < claimers) {
        started++;
        featureEdges(samples, Int32Array.from(features), counter, 4, out, sort);
      }
      return v.sort();
    };
    featureEdges(samples, Int32Array.from(features), counter, 4, out, sort);
    return sorted;
  }

  it.each([1, 2, 3])('%i claimers sort every listed feature exactly once', (claimers) => {
    const features = [5, 0, 2, 3];
    const sorted = claims(features, claimers);
    expect([...sorted].sort()).toEqual([...features].sort());
  });
});
