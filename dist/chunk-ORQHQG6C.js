import { createRequire as __pipepilotCreateRequire } from 'node:module';
import { fileURLToPath as __pipepilotFileURLToPath } from 'node:url';
const require = __pipepilotCreateRequire(import.meta.url);
var __filename = __pipepilotFileURLToPath(import.meta.url);
var __dirname = __pipepilotFileURLToPath(new URL('.', import.meta.url));
import {
  PipePilotError
} from "./chunk-5VPJA5XD.js";

// node_modules/pure-rand/lib/esm/distribution/uniformFloat64.js
var scale26 = 14901161193847656e-24;
var scale53 = 11102230246251565e-32;
var mask1 = 67108863;
var mask2 = 134217727;
function uniformFloat64(rng) {
  const value1 = rng.next() & mask1;
  const value2 = rng.next() & mask2;
  return value1 * scale26 + value2 * scale53;
}

// node_modules/pure-rand/lib/esm/distribution/uniformInt.js
function uniformIntInternal(rng, rangeSize) {
  const MaxAllowed = rangeSize > 2 ? ~~(4294967296 / rangeSize) * rangeSize : 4294967296;
  let deltaV = rng.next() + 2147483648;
  while (deltaV >= MaxAllowed) deltaV = rng.next() + 2147483648;
  return deltaV % rangeSize;
}
function fromNumberToArrayInt64(out, n) {
  if (n < 0) {
    const posN = -n;
    out.sign = -1;
    out.data[0] = ~~(posN / 4294967296);
    out.data[1] = posN >>> 0;
  } else {
    out.sign = 1;
    out.data[0] = ~~(n / 4294967296);
    out.data[1] = n >>> 0;
  }
  return out;
}
function substractArrayInt64(out, arrayIntA, arrayIntB) {
  const lowA = arrayIntA.data[1];
  const highA = arrayIntA.data[0];
  const signA = arrayIntA.sign;
  const lowB = arrayIntB.data[1];
  const highB = arrayIntB.data[0];
  const signB = arrayIntB.sign;
  out.sign = 1;
  if (signA === 1 && signB === -1) {
    const low2 = lowA + lowB;
    const high = highA + highB + (low2 > 4294967295 ? 1 : 0);
    out.data[0] = high >>> 0;
    out.data[1] = low2 >>> 0;
    return out;
  }
  let lowFirst = lowA;
  let highFirst = highA;
  let lowSecond = lowB;
  let highSecond = highB;
  if (signA === -1) {
    lowFirst = lowB;
    highFirst = highB;
    lowSecond = lowA;
    highSecond = highA;
  }
  let reminderLow = 0;
  let low = lowFirst - lowSecond;
  if (low < 0) {
    reminderLow = 1;
    low = low >>> 0;
  }
  out.data[0] = highFirst - highSecond - reminderLow;
  out.data[1] = low;
  return out;
}
function uniformArrayIntInternal(rng, out, rangeSize) {
  const maxIndex0 = rangeSize[0] + 1;
  out[0] = uniformIntInternal(rng, maxIndex0);
  out[1] = uniformIntInternal(rng, 4294967296);
  while (out[0] >= rangeSize[0] && (out[0] !== rangeSize[0] || out[1] >= rangeSize[1])) {
    out[0] = uniformIntInternal(rng, maxIndex0);
    out[1] = uniformIntInternal(rng, 4294967296);
  }
  return out;
}
var safeNumberMaxSafeInteger = Number.MAX_SAFE_INTEGER;
var sharedA = {
  sign: 1,
  data: [0, 0]
};
var sharedB = {
  sign: 1,
  data: [0, 0]
};
var sharedC = {
  sign: 1,
  data: [0, 0]
};
var sharedData = [0, 0];
function uniformLargeIntInternal(rng, from, to, rangeSize) {
  const rangeSizeArrayIntValue = rangeSize <= safeNumberMaxSafeInteger ? fromNumberToArrayInt64(sharedC, rangeSize) : substractArrayInt64(sharedC, fromNumberToArrayInt64(sharedA, to), fromNumberToArrayInt64(sharedB, from));
  if (rangeSizeArrayIntValue.data[1] === 4294967295) {
    rangeSizeArrayIntValue.data[0] += 1;
    rangeSizeArrayIntValue.data[1] = 0;
  } else rangeSizeArrayIntValue.data[1] += 1;
  uniformArrayIntInternal(rng, sharedData, rangeSizeArrayIntValue.data);
  return sharedData[0] * 4294967296 + sharedData[1] + from;
}
function uniformInt(rng, from, to) {
  const rangeSize = to - from;
  if (rangeSize <= 4294967295) return uniformIntInternal(rng, rangeSize + 1) + from;
  return uniformLargeIntInternal(rng, from, to, rangeSize);
}

// node_modules/pure-rand/lib/esm/generator/xoroshiro128plus.js
var jumps = [
  3639956645,
  3750757012,
  1261568508,
  386426335
];
var XoroShiro128Plus = class XoroShiro128Plus2 {
  constructor(s01, s00, s11, s10) {
    this.s01 = s01;
    this.s00 = s00;
    this.s11 = s11;
    this.s10 = s10;
  }
  clone() {
    return new XoroShiro128Plus2(this.s01, this.s00, this.s11, this.s10);
  }
  next() {
    const out = this.s00 + this.s10 | 0;
    const a0 = this.s10 ^ this.s00;
    const a1 = this.s11 ^ this.s01;
    const s00 = this.s00;
    const s01 = this.s01;
    this.s00 = s00 << 24 ^ s01 >>> 8 ^ a0 ^ a0 << 16;
    this.s01 = s01 << 24 ^ s00 >>> 8 ^ a1 ^ (a1 << 16 | a0 >>> 16);
    this.s10 = a1 << 5 ^ a0 >>> 27;
    this.s11 = a0 << 5 ^ a1 >>> 27;
    return out;
  }
  jump() {
    let ns01 = 0;
    let ns00 = 0;
    let ns11 = 0;
    let ns10 = 0;
    let s01 = this.s01;
    let s00 = this.s00;
    let s11 = this.s11;
    let s10 = this.s10;
    for (let i = 0; i !== 4; ++i) {
      const ji = jumps[i];
      for (let mask = 1; mask; mask <<= 1) {
        if (ji & mask) {
          ns01 ^= s01;
          ns00 ^= s00;
          ns11 ^= s11;
          ns10 ^= s10;
        }
        const a0 = s10 ^ s00;
        const a1 = s11 ^ s01;
        const s00_ = s00;
        const s01_ = s01;
        s00 = s00_ << 24 ^ s01_ >>> 8 ^ a0 ^ a0 << 16;
        s01 = s01_ << 24 ^ s00_ >>> 8 ^ a1 ^ (a1 << 16 | a0 >>> 16);
        s10 = a1 << 5 ^ a0 >>> 27;
        s11 = a0 << 5 ^ a1 >>> 27;
      }
    }
    this.s01 = ns01;
    this.s00 = ns00;
    this.s11 = ns11;
    this.s10 = ns10;
  }
  getState() {
    return [
      this.s01,
      this.s00,
      this.s11,
      this.s10
    ];
  }
};
function xoroshiro128plusFromState(state) {
  if (!(state.length === 4)) throw new Error("The state must have been produced by a xoroshiro128plus RandomGenerator");
  return new XoroShiro128Plus(state[0], state[1], state[2], state[3]);
}
function xoroshiro128plus(seed) {
  return new XoroShiro128Plus(-1, ~seed, seed | 0, 0);
}

// src/rng.ts
import { Buffer } from "node:buffer";

// src/rng-draws-wasm.ts
var DRAWS_WASM_BASE64 = "AGFzbQEAAAABEgJgB39/f3x8fH8Bf2ADf398AAIPAQNlbnYGbWVtb3J5AgABAwMCAAEHEAIFY291bnQAAARza2lwAAEKoQQCzQIDCX8CfAN/IAIoAgAhByACKAIEIQggAigCCCEJIAIoAgwhCgJAA0AgDyABTw0BA0AgCCAKakGAgICAeHO4IRAgCiAIcyELIAkgB3MhDCAIIQ0gByEOIA1BGHQgDkEIdnMgCyALQRB0c3MhCCAOQRh0IA1BCHZzIAwgDEEQdCALQRB2cnNzIQcgDEEFdCALQRt2cyEKIAtBBXQgDEEbdnMhCSAQIARmDQALIBAgECAFopwgA6KhIREgEUQAAAAAAAAAAGMEQCARIAOgIREFIBEgA2YEQCARIAOhIRELCyAGQQRGBEAgACARq0ECdGohEiASIBIoAgBBAWo2AgAFIAAgEatqIRIgEi0AAEEBakH/AXEhEyASIBM6AAAgFCATRWohFAsgD0EBaiEPDAALCyACIAc2AgAgAiAINgIEIAIgCTYCCCACIAo2AgwgFAvPAQIJfwF8IAEoAgAhAyABKAIEIQQgASgCCCEFIAEoAgwhBgJAA0AgCyAATw0BA0AgBCAGakGAgICAeHO4IQwgBiAEcyEHIAUgA3MhCCAEIQkgAyEKIAlBGHQgCkEIdnMgByAHQRB0c3MhBCAKQRh0IAlBCHZzIAggCEEQdCAHQRB2cnNzIQMgCEEFdCAHQRt2cyEGIAdBBXQgCEEbdnMhBSAMIAJmDQALIAtBAWohCwwACwsgASADNgIAIAEgBDYCBCABIAU2AgggASAGNgIMCw==";

// src/rng.ts
var PAGE_BYTES = 65536;
var COUNTS_AT = 16;
var KERNEL_MAX_RANGE = 1 << 26;
var kernel;
function drawKernel() {
  if (kernel === void 0) {
    try {
      const wasm = globalThis.WebAssembly;
      const memory = new wasm.Memory({ initial: 1 });
      const instance = new wasm.Instance(new wasm.Module(Buffer.from(DRAWS_WASM_BASE64, "base64")), { env: { memory } });
      kernel = { memory, count: instance.exports.count, skip: instance.exports.skip };
    } catch {
      kernel = null;
    }
  }
  return kernel;
}
var Rng = class {
  gen;
  spareNormal;
  constructor(seed) {
    this.gen = xoroshiro128plus(seed ^ Math.floor(seed / 2 ** 32) | 0);
  }
  /** Uniform in [0, 1). */
  next() {
    return uniformFloat64(this.gen);
  }
  /** Uniform integer in [0, n). */
  int(n) {
    return uniformInt(this.gen, 0, n - 1);
  }
  /**
   * Fills `out` with `out.length` draws of `int(n)`: the same numbers, in the same order, and the
   * same generator state afterwards as that many calls to `int`.
   *
   * Written by hand because the bootstrap makes tens of millions of draws (1000 resamples of every
   * test row) and pure-rand's per-call path (a method call and the rejection bound recomputed on
   * each draw) was a third of its time. This loop is pure-rand 8's xoroshiro128+ step and its
   * uniformIntInternal rejection, with the state held in locals; tests/unit/rng.test.ts checks it
   * against `int` draw for draw, so a pure-rand upgrade that changed either would fail there.
   */
  fillInts(out, n) {
    this.drawInts(out, n, out.length, false);
  }
  /**
   * Adds one to `counts[v]` for each of `draws` draws v of `int(n)` (counts.length >= n): the
   * same draws, in the same order, as fillInts, without keeping them. The bootstrap's resamples
   * are these counts.
   */
  countInts(counts, n, draws) {
    if (counts.length < n) throw new RangeError(`countInts: ${counts.length} counts cannot hold draws up to ${n - 1}`);
    const k = Number.isInteger(n) && n >= 1 && n <= KERNEL_MAX_RANGE ? drawKernel() : null;
    if (k === null) this.drawInts(counts, n, draws, true);
    else this.countInKernel(k, counts, n, draws);
  }
  /**
   * countInts into byte counts, where the draws kernel runs (it is about a third faster: the
   * counts of 600k rows fit a core's cache as bytes). Returns false, with `counts` and the
   * generator left as they were, when it cannot: no WebAssembly, a range past the kernel's, or
   * a row drawn more than 255 times (with draws = n, odds below 1e-500) — then call countInts.
   */
  countBytes(counts, n, draws) {
    if (counts.length < n) throw new RangeError(`countBytes: ${counts.length} counts cannot hold draws up to ${n - 1}`);
    const k = Number.isInteger(n) && n >= 1 && n <= KERNEL_MAX_RANGE ? drawKernel() : null;
    return k !== null && this.countInKernel(k, counts, n, draws);
  }
  /**
   * Moves the generator past `draws` draws of `int(n)` without making them: the state afterwards
   * is the one countInts or fillInts would leave. A bootstrap helper thread passes the resamples
   * before its own this way; in the kernel a passed draw costs a fraction of a counted one.
   */
  skipInts(n, draws) {
    if (!(Number.isInteger(n) && n >= 1 && n <= 2 ** 32)) throw new RangeError(`skipInts: range ${n} is not a whole number in [1, 2^32]`);
    const k = drawKernel();
    if (k === null) {
      for (let i = 0; i < draws; i++) this.int(n);
      return;
    }
    const state = new Int32Array(k.memory.buffer, 0, 4);
    state.set(this.gen.getState());
    const limit = n > 2 ? Math.floor(4294967296 / n) * n : 4294967296;
    for (let left = draws; left > 0; left -= 2 ** 30) k.skip(Math.min(left, 2 ** 30), 0, limit);
    this.gen = xoroshiro128plusFromState([state[0], state[1], state[2], state[3]]);
  }
  /**
   * countInts in WebAssembly (src/rng-draws.wat: drawInts' loop, the same counts and state, tested):
   * 6.4-6.8 ns a draw against 8.0-8.6 for 25k rows, 11 against 21 for 600k (same process,
   * alternated). The counts are copied in and out of the kernel's memory, a sequential pass
   * each, small beside one random draw per element.
   */
  countInKernel(k, counts, n, draws) {
    const width = counts instanceof Uint8Array ? 1 : 4;
    const bytes = COUNTS_AT + width * n;
    if (k.memory.buffer.byteLength < bytes) k.memory.grow(Math.ceil((bytes - k.memory.buffer.byteLength) / PAGE_BYTES));
    const buffer = k.memory.buffer;
    const state = new Int32Array(buffer, 0, 4);
    state.set(this.gen.getState());
    const inKernel = width === 1 ? new Uint8Array(buffer, COUNTS_AT, n) : new Int32Array(buffer, COUNTS_AT, n);
    inKernel.set(counts.subarray(0, n));
    const maxAllowed = n > 2 ? Math.floor(4294967296 / n) * n : 4294967296;
    if (k.count(COUNTS_AT, draws, 0, n, maxAllowed, 1 / n, width) > 0) return false;
    counts.set(inKernel);
    this.gen = xoroshiro128plusFromState([state[0], state[1], state[2], state[3]]);
    return true;
  }
  /** fillInts and countInts: one loop, so the stream is written once (`count` is fixed per call, a predictable branch). */
  drawInts(out, n, draws, count) {
    if (!(Number.isInteger(n) && n >= 1 && n <= 2 ** 32)) {
      throw new RangeError(`fillInts/countInts: range ${n} is not a whole number in [1, 2^32]`);
    }
    const state = this.gen.getState();
    let s01 = state[0] | 0;
    let s00 = state[1] | 0;
    let s11 = state[2] | 0;
    let s10 = state[3] | 0;
    const maxAllowed = n > 2 ? Math.floor(4294967296 / n) * n : 4294967296;
    const inverse = 1 / n;
    for (let i = 0; i < draws; i++) {
      let value;
      do {
        value = (s00 + s10 ^ -2147483648) >>> 0;
        const a0 = s10 ^ s00;
        const a1 = s11 ^ s01;
        const t00 = s00;
        const t01 = s01;
        s00 = t00 << 24 ^ t01 >>> 8 ^ a0 ^ a0 << 16;
        s01 = t01 << 24 ^ t00 >>> 8 ^ a1 ^ (a1 << 16 | a0 >>> 16);
        s10 = a1 << 5 ^ a0 >>> 27;
        s11 = a0 << 5 ^ a1 >>> 27;
      } while (value >= maxAllowed);
      let rest = value - Math.floor(value * inverse) * n;
      if (rest < 0) rest += n;
      else if (rest >= n) rest -= n;
      if (count) out[rest] += 1;
      else out[i] = rest;
    }
    this.gen = xoroshiro128plusFromState([s01, s00, s11, s10]);
  }
  /** Standard normal (Box-Muller, caching the second value). */
  normal() {
    if (this.spareNormal !== void 0) {
      const v2 = this.spareNormal;
      this.spareNormal = void 0;
      return v2;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }
  /**
   * Fisher-Yates shuffle in place: swaps a[i] with a[int(i + 1)] for i from the end down, the
   * same draws as that many calls to `int` (tested), with drawInts' loop inlined: the split
   * shuffles every row (3M in the scale bench), where pure-rand's per-call path took ~0.8 s.
   * The range shrinks by one each step, so the rejection bound and reciprocal are per step.
   */
  shuffle(a) {
    const state = this.gen.getState();
    let s01 = state[0] | 0;
    let s00 = state[1] | 0;
    let s11 = state[2] | 0;
    let s10 = state[3] | 0;
    for (let i = a.length - 1; i > 0; i--) {
      const n = i + 1;
      const maxAllowed = n > 2 ? Math.floor(4294967296 / n) * n : 4294967296;
      let value;
      do {
        value = (s00 + s10 ^ -2147483648) >>> 0;
        const a0 = s10 ^ s00;
        const a1 = s11 ^ s01;
        const t00 = s00;
        const t01 = s01;
        s00 = t00 << 24 ^ t01 >>> 8 ^ a0 ^ a0 << 16;
        s01 = t01 << 24 ^ t00 >>> 8 ^ a1 ^ (a1 << 16 | a0 >>> 16);
        s10 = a1 << 5 ^ a0 >>> 27;
        s11 = a0 << 5 ^ a1 >>> 27;
      } while (value >= maxAllowed);
      let j = value - Math.floor(value / n) * n;
      if (j < 0) j += n;
      else if (j >= n) j -= n;
      const t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    this.gen = xoroshiro128plusFromState([s01, s00, s11, s10]);
    return a;
  }
};
function fmix32(x) {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  h = Math.imul(h, 3266489909);
  h ^= h >>> 16;
  return h >>> 0;
}

// src/evaluate/statistics.ts
function compensatedSum(values, weights) {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const x = weights === void 0 ? values[i] : values[i] * weights[i];
    const t = sum + x;
    compensation += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return sum + compensation;
}
function mean(values) {
  return values.length === 0 ? NaN : compensatedSum(values) / values.length;
}
function sortedQuantile(sorted, q) {
  const n = sorted.length;
  if (n === 0) return NaN;
  const position = q * (n - 1);
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, n - 1);
  const fraction = position - lower;
  const a = sorted[lower];
  const b = sorted[upper];
  return fraction >= 0.5 ? b - (b - a) * (1 - fraction) : a + (b - a) * fraction;
}

// src/evaluate/bootstrap.ts
var NEXT = 0;
var STOP = 1;
var FAILED = 2;
function countingResampler(rows, scoreWeighted) {
  const counts = new Int32Array(rows);
  const compute = (indices) => {
    counts.fill(0);
    for (let i = 0; i < indices.length; i++) counts[indices[i]] += 1;
    return scoreWeighted(counts);
  };
  compute.fromCounts = scoreWeighted;
  return compute;
}
function bootstrapIntervals(compute, rows, opts, helpers) {
  checkOptions(rows, opts);
  if (opts.samples === 0) return {};
  const values = resampleValues(rows, opts, [compute], helpers);
  return Object.fromEntries(opts.metrics.map((m, j) => [m, percentileInterval(values[0][j], opts.confidence)]));
}
function pairedDifferenceSamples(computeA, computeB, rows, opts, helpers) {
  checkOptions(rows, opts);
  if (opts.samples === 0) return {};
  const [a, b] = resampleValues(rows, opts, [computeA, computeB], helpers);
  return Object.fromEntries(opts.metrics.map((m, j) => [m, b[j].map((x, s) => x - a[j][s])]));
}
var PARALLEL_MIN_DRAWS = 32e6;
function resampleValues(rows, opts, computes, helpers) {
  const sources = computes.map((c) => c.source);
  const shared = helpers !== void 0 && helpers.count > 0 && opts.samples > 1 && rows * opts.samples >= helpers.minDraws && sources.every((src) => src !== void 0);
  const flat = shared ? spreadResamples(rows, opts, computes, sources, helpers) : serialResamples(rows, opts, computes);
  const m = opts.metrics.length;
  return computes.map((_, source) => opts.metrics.map((_2, j) => flat.subarray((source * m + j) * opts.samples, (source * m + j + 1) * opts.samples)));
}
function serialResamples(rows, opts, computes) {
  const values = new Float64Array(computes.length * opts.metrics.length * opts.samples);
  const drawer = new ResampleDrawer(rows, opts.seed, computes);
  for (let s = 0; s < opts.samples; s++) drawer.scoreNext(opts.metrics, values, opts.samples);
  return values;
}
function spreadResamples(rows, opts, computes, sources, helpers) {
  const samples = opts.samples;
  const threads = helpers.count + 1;
  const words = (n) => new Int32Array(new SharedArrayBuffer(4 * n));
  const job = {
    rows,
    seed: opts.seed,
    samples,
    metrics: opts.metrics,
    sources,
    from: Math.ceil(samples / threads),
    // Blocks, not single resamples: a thread passes the draws of every resample between its blocks.
    block: Math.max(1, Math.ceil(samples / (8 * threads))),
    control: words(3),
    done: words(samples),
    values: new Float64Array(new SharedArrayBuffer(8 * computes.length * opts.metrics.length * samples))
  };
  job.control[NEXT] = job.from;
  helpers.start(job);
  const drawer = new ResampleDrawer(rows, opts.seed, computes);
  const t0 = performance.now();
  for (let s = 0; s < job.from; s++) drawer.scoreNext(opts.metrics, job.values, samples);
  const perResampleMs = (performance.now() - t0) / job.from;
  helpResamples(computes, job, drawer);
  Atomics.store(job.control, STOP, 1);
  let late;
  for (let s = job.from; s < samples; s++) {
    if (Atomics.load(job.done, s) === 1) continue;
    if (Atomics.load(job.control, FAILED) === 0) Atomics.wait(job.done, s, 0, 2 * perResampleMs + 1);
    if (Atomics.load(job.done, s) === 1) continue;
    if (late === void 0 || late.position > s) late = new ResampleDrawer(rows, opts.seed, computes);
    late.skipTo(s);
    late.scoreNext(opts.metrics, job.values, samples);
  }
  return job.values.slice();
}
function helpResamples(computes, job, drawer) {
  let d = drawer;
  for (; ; ) {
    if (Atomics.load(job.control, STOP) === 1) return;
    const first = Atomics.add(job.control, NEXT, job.block);
    if (first >= job.samples) return;
    d ??= new ResampleDrawer(job.rows, job.seed, computes);
    d.skipTo(first);
    for (let s = first; s < Math.min(first + job.block, job.samples); s++) {
      d.scoreNext(job.metrics, job.values, job.samples);
      Atomics.store(job.done, s, 1);
      Atomics.notify(job.done, s);
    }
  }
}
function helperFailed(job) {
  Atomics.store(job.control, FAILED, 1);
  for (let s = 0; s < job.samples; s++) Atomics.notify(job.done, s);
}
var ResampleDrawer = class {
  constructor(rows, seed, computes) {
    this.rows = rows;
    this.computes = computes;
    this.rng = new Rng(seed);
    this.fromCounts = computes.map((c) => c.fromCounts);
    const byCounts = this.fromCounts.every((f) => f !== void 0);
    this.countBytes = byCounts ? new Uint8Array(rows) : void 0;
    this.indices = byCounts ? void 0 : new Uint32Array(rows);
  }
  rows;
  computes;
  /** The resample the generator is at. */
  position = 0;
  rng;
  fromCounts;
  // Byte counts first (Rng.countBytes: the same counts, faster); 32-bit ones, made only if needed, when it cannot.
  countBytes;
  countWords;
  indices;
  /** Passes the draws of the resamples before `s` (s >= position). */
  skipTo(s) {
    if (s > this.position) this.rng.skipInts(this.rows, (s - this.position) * this.rows);
    this.position = Math.max(this.position, s);
  }
  /** Draws resample `position`, scores it, and writes values[(source · metrics + metric) · samples + position]. */
  scoreNext(metrics, values, samples) {
    const { rows, rng } = this;
    let records;
    if (this.countBytes !== void 0) {
      let counts = this.countBytes;
      this.countBytes.fill(0);
      if (!rng.countBytes(this.countBytes, rows, rows)) {
        counts = this.countWords ??= new Int32Array(rows);
        this.countWords.fill(0);
        rng.countInts(this.countWords, rows, rows);
      }
      records = this.fromCounts.map((f) => f(counts, metrics));
    } else {
      rng.fillInts(this.indices, rows);
      records = this.computes.map((c) => c(this.indices));
    }
    const m = metrics.length;
    records.forEach((record, source) => {
      pick(record, metrics).forEach((v, j) => {
        values[(source * m + j) * samples + this.position] = v;
      });
    });
    this.position++;
  }
};
function pick(record, metrics) {
  return metrics.map((m) => {
    const v = record[m];
    if (typeof v !== "number") {
      throw new PipePilotError(`bootstrap: the metric function returned no '${m}'`, {
        hint: `ask only for metrics it computes: ${Object.keys(record).join(", ")}`
      });
    }
    return v;
  });
}
function percentileInterval(values, confidence) {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort();
  const tail = (1 - confidence) / 2;
  return { low: sortedQuantile(sorted, tail), high: sortedQuantile(sorted, 1 - tail) };
}
function checkOptions(rows, opts) {
  if (!Number.isInteger(opts.samples) || opts.samples < 0) {
    throw new PipePilotError(`bootstrap: samples is ${opts.samples}, expected a whole number >= 0`, {
      hint: "set evaluate.bootstrap.samples, e.g. 1000, or 0 to turn intervals off"
    });
  }
  if (!(opts.confidence > 0 && opts.confidence < 1)) {
    throw new PipePilotError(`bootstrap: confidence is ${opts.confidence}, expected a number in (0, 1)`, {
      hint: "set evaluate.bootstrap.confidence, e.g. 0.95"
    });
  }
  if (opts.samples > 0 && (!Number.isInteger(rows) || rows < 1)) {
    throw new PipePilotError(`bootstrap: cannot resample ${rows} rows`, {
      hint: "the test split is empty; lower data.split.test or add data"
    });
  }
}
var BOOTSTRAP_DRAW_BUDGET = 1e8;
var MIN_BUDGETED_SAMPLES = 100;
function budgetedBootstrapSamples(requested, rows) {
  if (rows <= 0 || requested * rows <= BOOTSTRAP_DRAW_BUDGET) return requested;
  return Math.min(requested, Math.max(MIN_BUDGETED_SAMPLES, Math.floor(BOOTSTRAP_DRAW_BUDGET / rows)));
}

// src/evaluate/metric-inputs.ts
function checkRows(what, yTrue, expected, actual) {
  if (yTrue.length === 0) {
    throw new PipePilotError(`${what}: no rows to evaluate`, {
      hint: "the test split is empty; lower data.split.test or add data"
    });
  }
  if (expected !== actual) {
    throw new PipePilotError(
      `${what}: ${yTrue.length} true values but the model output has ${actual} values (expected ${expected})`,
      { hint: "predictions and labels must come from the same test rows" }
    );
  }
}
function checkClassIndices(what, yTrue, k) {
  for (let i = 0; i < yTrue.length; i++) {
    const y = yTrue[i];
    if (!Number.isInteger(y) || y < 0 || y >= k) {
      throw new PipePilotError(`${what}: true value at row ${i} is ${y}, expected a class index in [0, ${k})`, {
        hint: "encode the target as class indices before evaluating"
      });
    }
  }
}
function checkProbabilities(what, probs) {
  for (let i = 0; i < probs.length; i++) {
    const p = probs[i];
    if (!(p >= 0 && p <= 1)) {
      throw new PipePilotError(`${what}: model output ${i} is ${p}, expected a probability in [0, 1]`, {
        hint: "a NaN output usually means training diverged; try a lower model.params.learning_rate"
      });
    }
  }
}
function checkFinite(what, label, values) {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new PipePilotError(`${what}: ${label} at row ${i} is ${values[i]}, expected a finite number`, {
        hint: "a NaN prediction usually means training diverged; try a lower model.params.learning_rate"
      });
    }
  }
}
var FLOAT64_EPS = 2220446049250313e-31;

// src/evaluate/ranking.ts
function groupByScore(scores) {
  const n = scores.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => scores[b] - scores[a] || a - b);
  const lastInGroup = new Uint8Array(n);
  for (let pos = 1; pos <= n; pos++) {
    if (pos === n || scores[order[pos]] !== scores[order[pos - 1]]) lastInGroup[pos - 1] = 1;
  }
  return { order, lastInGroup };
}
function positivesInOrder(groups, yTrue) {
  const { order } = groups;
  const positives = new Uint8Array(order.length);
  for (let pos = 0; pos < order.length; pos++) positives[pos] = yTrue[order[pos]] === 1 ? 1 : 0;
  return positives;
}
function rankingScores(groups, positives, weights, cut = 0) {
  const { order, lastInGroup } = groups;
  let tp = 0;
  let fp = 0;
  let area = 0;
  let precisionSum = 0;
  let groupTp = 0;
  let groupFp = 0;
  let rowsAbove = 0;
  let positivesAbove = 0;
  for (let pos = 0; pos < order.length; pos++) {
    const w = weights === void 0 ? 1 : weights[order[pos]];
    const tpPart = w * positives[pos];
    groupTp += tpPart;
    groupFp += w - tpPart;
    if (lastInGroup[pos] === 1) {
      area += groupFp * (tp + groupTp / 2);
      tp += groupTp;
      fp += groupFp;
      if (groupTp > 0) precisionSum += groupTp * tp / (tp + fp);
      groupTp = 0;
      groupFp = 0;
      if (pos + 1 === cut) {
        rowsAbove = tp + fp;
        positivesAbove = tp;
      }
    }
  }
  return {
    roc_auc: tp > 0 && fp > 0 ? area / (tp * fp) : NaN,
    pr_auc: tp > 0 ? precisionSum / tp : NaN,
    rows: tp + fp,
    positives: tp,
    rowsAbove,
    positivesAbove
  };
}

// src/evaluate/binary-metrics.ts
function prepareBinary(yTrue, probPositive, threshold) {
  checkRows("binary metrics", yTrue, yTrue.length, probPositive.length);
  checkClassIndices("binary metrics", yTrue, 2);
  checkProbabilities("binary metrics", probPositive);
  if (!(threshold >= 0 && threshold <= 1)) {
    throw new PipePilotError(`binary metrics: threshold ${threshold} is not in [0, 1]`, {
      hint: "set evaluate.threshold to a probability, e.g. 0.5"
    });
  }
  const n = yTrue.length;
  const predicted = new Uint8Array(n);
  const rowLogLoss = new Float64Array(n);
  const rowBrier = new Float64Array(n);
  let predictedCount = 0;
  for (let i = 0; i < n; i++) {
    const p = probPositive[i];
    predicted[i] = p >= threshold ? 1 : 0;
    predictedCount += predicted[i];
    const clipped = Math.min(Math.max(p, FLOAT64_EPS), 1 - FLOAT64_EPS);
    const rowSum = 1 - clipped + clipped;
    rowLogLoss[i] = -Math.log((yTrue[i] === 1 ? clipped : 1 - clipped) / rowSum);
    rowBrier[i] = (yTrue[i] - p) ** 2;
  }
  const groups = groupByScore(probPositive);
  return { yTrue, predicted, rowLogLoss, rowBrier, groups, positives: positivesInOrder(groups, yTrue), predictedCount };
}
function weightedBinaryMetrics(prep, weights, metrics) {
  const ranking = rankingScores(prep.groups, prep.positives, weights, prep.predictedCount);
  const all = ranking.rows, positives = ranking.positives, predictedPositives = ranking.rowsAbove, tp = ranking.positivesAbove;
  const tn = all - positives - predictedPositives + tp, fp = predictedPositives - tp, fn = positives - tp;
  const withBrier = metrics === void 0 || metrics.includes("brier");
  const { logLossSum, brierSum } = withBrier ? lossSums(prep, weights) : { logLossSum: compensatedSum(prep.rowLogLoss, weights), brierSum: NaN };
  const total = tn + fp + fn + tp;
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const out = {
    accuracy: (tp + tn) / total,
    balanced_accuracy: balancedAccuracy(tn, fp, fn, tp),
    precision,
    recall,
    f1: precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0,
    roc_auc: ranking.roc_auc,
    pr_auc: ranking.pr_auc,
    log_loss: logLossSum / total
  };
  if (withBrier) out.brier = brierSum / total;
  return out;
}
function lossSums(prep, weights) {
  const { rowLogLoss, rowBrier } = prep;
  let logLoss = 0, logLossComp = 0, brier = 0, brierComp = 0;
  for (let i = 0; i < rowLogLoss.length; i++) {
    const l = weights === void 0 ? rowLogLoss[i] : rowLogLoss[i] * weights[i];
    const lt = logLoss + l;
    logLossComp += Math.abs(logLoss) >= Math.abs(l) ? logLoss - lt + l : l - lt + logLoss;
    logLoss = lt;
    const b = weights === void 0 ? rowBrier[i] : rowBrier[i] * weights[i];
    const bt = brier + b;
    brierComp += Math.abs(brier) >= Math.abs(b) ? brier - bt + b : b - bt + brier;
    brier = bt;
  }
  return { logLossSum: logLoss + logLossComp, brierSum: brier + brierComp };
}
function balancedAccuracy(tn, fp, fn, tp) {
  const recalls = [];
  if (tn + fp > 0) recalls.push(tn / (tn + fp));
  if (tp + fn > 0) recalls.push(tp / (tp + fn));
  return recalls.reduce((a, b) => a + b, 0) / recalls.length;
}
function binaryMetrics(yTrue, probPositive, threshold) {
  return weightedBinaryMetrics(prepareBinary(yTrue, probPositive, threshold));
}
function binaryConfusion(yTrue, probPositive, threshold, labels = ["0", "1"]) {
  const { predicted } = prepareBinary(yTrue, probPositive, threshold);
  const matrix = [[0, 0], [0, 0]];
  for (let i = 0; i < yTrue.length; i++) matrix[yTrue[i]][predicted[i]] += 1;
  return { labels: [...labels], matrix };
}
function binaryResampler(yTrue, probPositive, threshold) {
  const prep = prepareBinary(yTrue, probPositive, threshold);
  return countingResampler(yTrue.length, (counts, metrics) => weightedBinaryMetrics(prep, counts, metrics));
}

// src/evaluate/multiclass-metrics.ts
function checkK(k) {
  if (!Number.isInteger(k) || k < 2) {
    throw new PipePilotError(`multiclass metrics: k is ${k}, expected an integer >= 2`, {
      hint: "pass the number of classes the model was trained on"
    });
  }
}
function argmaxRows(probs, k) {
  const rows = probs.length / k;
  const out = new Uint32Array(rows);
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (probs[r * k + c] > probs[r * k + best]) best = c;
    out[r] = best;
  }
  return out;
}
function prepareMulticlass(yTrue, probs, k) {
  checkK(k);
  checkRows("multiclass metrics", yTrue, yTrue.length * k, probs.length);
  checkClassIndices("multiclass metrics", yTrue, k);
  checkProbabilities("multiclass metrics", probs);
  const rowLogLoss = new Float64Array(yTrue.length);
  for (let r = 0; r < yTrue.length; r++) {
    let rowSum = 0;
    for (let c = 0; c < k; c++) rowSum += clip(probs[r * k + c]);
    rowLogLoss[r] = -Math.log(clip(probs[r * k + yTrue[r]]) / rowSum);
  }
  return { k, yTrue, predicted: argmaxRows(probs, k), rowLogLoss };
}
function tally(prep, weights) {
  const { k, yTrue, predicted } = prep;
  const confusion = Array.from({ length: k }, () => new Array(k).fill(0));
  let rows = 0;
  for (let r = 0; r < yTrue.length; r++) {
    const w = weights === void 0 ? 1 : weights[r];
    confusion[yTrue[r]][predicted[r]] += w;
    rows += w;
  }
  return { k, confusion, rows, logLoss: compensatedSum(prep.rowLogLoss, weights) / rows };
}
function clip(p) {
  return Math.min(Math.max(p, FLOAT64_EPS), 1 - FLOAT64_EPS);
}
function classReports(t, labels) {
  return labels.map((label, c) => {
    let predicted = 0;
    for (let row = 0; row < t.k; row++) predicted += t.confusion[row][c];
    const support = t.confusion[c].reduce((a, b) => a + b, 0);
    const hits = t.confusion[c][c];
    const precision = predicted > 0 ? hits / predicted : 0;
    const recall = support > 0 ? hits / support : 0;
    const f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
    return { label, precision, recall, f1, support, predicted };
  });
}
function average(values) {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
function multiclassMetrics(yTrue, probs, k) {
  return metricsOf(tally(prepareMulticlass(yTrue, probs, k)));
}
function multiclassResampler(yTrue, probs, k) {
  const prep = prepareMulticlass(yTrue, probs, k);
  return countingResampler(yTrue.length, (counts) => metricsOf(tally(prep, counts)));
}
function metricsOf(t) {
  const reports = classReports(t, defaultLabels(t.k));
  const seen = reports.filter((r) => r.support > 0 || r.predicted > 0);
  const present = reports.filter((r) => r.support > 0);
  const correct = t.confusion.reduce((sum, row, c) => sum + row[c], 0);
  return {
    accuracy: correct / t.rows,
    balanced_accuracy: average(present.map((r) => r.recall)),
    f1_macro: average(seen.map((r) => r.f1)),
    f1_weighted: seen.reduce((sum, r) => sum + r.f1 * r.support, 0) / t.rows,
    precision_macro: average(seen.map((r) => r.precision)),
    recall_macro: average(seen.map((r) => r.recall)),
    log_loss: t.logLoss
  };
}
function multiclassConfusion(yTrue, probs, k, labels = defaultLabels(k)) {
  checkLabels(labels, k);
  return { labels: [...labels], matrix: tally(prepareMulticlass(yTrue, probs, k)).confusion };
}
function multiclassPerClass(yTrue, probs, k, labels = defaultLabels(k)) {
  checkLabels(labels, k);
  return classReports(tally(prepareMulticlass(yTrue, probs, k)), labels).map(({ label, precision, recall, f1, support }) => ({
    label,
    precision,
    recall,
    f1,
    support
  }));
}
function defaultLabels(k) {
  return Array.from({ length: k }, (_, c) => String(c));
}
function checkLabels(labels, k) {
  if (labels.length !== k) {
    throw new PipePilotError(`multiclass metrics: ${labels.length} class labels for k = ${k} classes`, {
      hint: "pass one label per model output column"
    });
  }
}

// src/data/sorted-values.ts
function quantile(sorted, q) {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
function sortedPresent(values) {
  const present = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) present[n++] = values[i];
  return sortFloat64(present.subarray(0, n));
}
function sortedPresentColumns(table, names) {
  const sorted = /* @__PURE__ */ new Map();
  for (const name of names) {
    const column = table.columns.get(name);
    if (column?.kind === "numeric") sorted.set(name, sortedPresent(column.values));
  }
  return sorted;
}
var RADIX_MIN = 4096;
var DIGIT_BITS = 11;
var BUCKETS = 1 << DIGIT_BITS;
var DIGITS = [[0, 0, 2047], [0, 11, 2047], [0, 22, 1023], [1, 0, 2047], [1, 11, 2047], [1, 22, 1023]];
function sortFloat64(values) {
  const n = values.length;
  if (n < RADIX_MIN) return values.sort();
  const counts = new Uint32Array(BUCKETS * DIGITS.length);
  const words = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  for (let i = 0; i < n; i++) {
    const lo = words[2 * i];
    const hi = words[2 * i + 1];
    const flip = -(hi >>> 31) | 0;
    const kLo = (lo ^ flip) >>> 0;
    const kHi = (hi ^ (flip | 2147483648)) >>> 0;
    counts[kLo & 2047]++;
    counts[BUCKETS + (kLo >>> 11 & 2047)]++;
    counts[2 * BUCKETS + (kLo >>> 22)]++;
    counts[3 * BUCKETS + (kHi & 2047)]++;
    counts[4 * BUCKETS + (kHi >>> 11 & 2047)]++;
    counts[5 * BUCKETS + (kHi >>> 22)]++;
  }
  let from = values;
  let to = new Float64Array(n);
  for (let d = 0; d < DIGITS.length; d++) {
    const base = d * BUCKETS;
    let at = 0;
    let shared = false;
    for (let b = base; b < base + BUCKETS; b++) {
      const c = counts[b];
      if (c === n) shared = true;
      counts[b] = at;
      at += c;
    }
    if (shared) continue;
    const [word, shift, mask] = DIGITS[d];
    const fromWords = new Uint32Array(from.buffer, from.byteOffset, n * 2);
    for (let i = 0; i < n; i++) {
      const hi = fromWords[2 * i + 1];
      const flip = -(hi >>> 31) | 0;
      const key = word === 0 ? fromWords[2 * i] ^ flip : hi ^ (flip | 2147483648);
      to[counts[base + (key >>> shift & mask)]++] = from[i];
    }
    [from, to] = [to, from];
  }
  if (from !== values) values.set(from);
  return values;
}
function presentMedian(values) {
  const present = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) present[n++] = values[i];
  if (n === 0) return NaN;
  const pos = (n - 1) * 0.5;
  const lo = Math.floor(pos);
  selectKth(present, n, lo);
  const low = present[lo];
  let high = low;
  if (lo + 1 < n && pos > lo) {
    high = present[lo + 1];
    for (let i = lo + 2; i < n; i++) if (present[i] < high) high = present[i];
  }
  return low + (high - low) * (pos - lo);
}
function selectKth(a, n, k) {
  let left = 0;
  let right = n - 1;
  while (left < right) {
    const mid = left + right >> 1;
    const x = a[left], y = a[mid], z = a[right];
    const pivot = x < y ? y < z ? y : x < z ? z : x : x < z ? x : y < z ? z : y;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

// src/evaluate/regression-metrics.ts
function regressionMetrics(yTrue, yPred) {
  checkInputs(yTrue, yPred);
  const n = yTrue.length;
  const errors = new Float64Array(n);
  const squared = new Float64Array(n);
  const absolute = new Float64Array(n);
  const percentage = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    errors[i] = yTrue[i] - yPred[i];
    squared[i] = errors[i] ** 2;
    absolute[i] = Math.abs(errors[i]);
    percentage[i] = absolute[i] / Math.max(Math.abs(yTrue[i]), FLOAT64_EPS);
  }
  const yMean = mean(yTrue);
  const spread = new Float64Array(n);
  for (let i = 0; i < n; i++) spread[i] = (yTrue[i] - yMean) ** 2;
  const errorMean = mean(errors);
  const centredErrors = new Float64Array(n);
  for (let i = 0; i < n; i++) centredErrors[i] = (errors[i] - errorMean) ** 2;
  const mse = mean(squared);
  return {
    mse,
    rmse: Math.sqrt(mse),
    mae: mean(absolute),
    r2: n < 2 ? NaN : finiteScore(compensatedSum(squared), compensatedSum(spread)),
    mape: mean(percentage),
    explained_variance: finiteScore(mean(centredErrors), mean(spread))
  };
}
function finiteScore(numerator, denominator) {
  if (numerator === 0) return 1;
  if (denominator === 0) return 0;
  return 1 - numerator / denominator;
}
function residualSummary(yTrue, yPred) {
  checkInputs(yTrue, yPred);
  const residuals = new Float64Array(yTrue.length);
  for (let i = 0; i < yTrue.length; i++) residuals[i] = yTrue[i] - yPred[i];
  const avg = mean(residuals);
  const deviations = new Float64Array(residuals.length);
  for (let i = 0; i < residuals.length; i++) deviations[i] = (residuals[i] - avg) ** 2;
  const sorted = sortFloat64(residuals.slice());
  return {
    mean: avg,
    std: Math.sqrt(mean(deviations)),
    p05: sortedQuantile(sorted, 0.05),
    p25: sortedQuantile(sorted, 0.25),
    p50: sortedQuantile(sorted, 0.5),
    p75: sortedQuantile(sorted, 0.75),
    p95: sortedQuantile(sorted, 0.95),
    max_abs: Math.max(Math.abs(sorted[0]), Math.abs(sorted[sorted.length - 1]))
  };
}
function checkInputs(yTrue, yPred) {
  checkRows("regression metrics", yTrue, yTrue.length, yPred.length);
  checkFinite("regression metrics", "true value", yTrue);
  checkFinite("regression metrics", "prediction", yPred);
}
function weightedRegressionMetrics(yTrue, yPred, weights, metrics) {
  const n = yTrue.length;
  let w = 0;
  let sumY = 0;
  for (let i = 0; i < n; i++) {
    const c = weights[i];
    w += c;
    sumY += c * yTrue[i];
  }
  const yMean = sumY / w;
  let se = 0;
  let ae = 0;
  let spread = 0;
  let sumE = 0;
  for (let i = 0; i < n; i++) {
    const c = weights[i];
    const y = yTrue[i];
    const e = y - yPred[i];
    sumE += c * e;
    se += c * e * e;
    ae += c * Math.abs(e);
    spread += c * (y - yMean) ** 2;
  }
  const mse = se / w;
  const out = {
    mse,
    rmse: Math.sqrt(mse),
    mae: ae / w,
    r2: w < 2 ? NaN : finiteScore(se, spread)
  };
  if (metrics !== void 0 && !metrics.includes("mape") && !metrics.includes("explained_variance")) return out;
  const eMean = sumE / w;
  let pe = 0;
  let centred = 0;
  for (let i = 0; i < n; i++) {
    const c = weights[i];
    if (c === 0) continue;
    const e = yTrue[i] - yPred[i];
    pe += c * Math.abs(e) / Math.max(Math.abs(yTrue[i]), FLOAT64_EPS);
    centred += c * (e - eMean) ** 2;
  }
  out.mape = pe / w;
  out.explained_variance = finiteScore(centred / w, spread / w);
  return out;
}
function regressionResampler(yTrue, yPred) {
  checkInputs(yTrue, yPred);
  return countingResampler(yTrue.length, (counts, metrics) => weightedRegressionMetrics(yTrue, yPred, counts, metrics));
}

// src/evaluate/evaluation.ts
var HEADLINE_METRICS = {
  binary_classification: ["accuracy", "roc_auc", "f1", "pr_auc", "log_loss"],
  multiclass_classification: ["accuracy", "f1_macro", "balanced_accuracy", "log_loss"],
  regression: ["r2", "rmse", "mae"]
};
var MISSING_SLICE_VALUE = "(missing)";
function evaluatePredictions(req) {
  checkShape(req);
  const { task, yTrue, output, classes } = req;
  const score = taskScorer(req);
  const evaluation = {
    task,
    rows: yTrue.length,
    metrics: score(yTrue, output),
    intervals: bootstrapIntervals(taskResampler(req, yTrue, output), yTrue.length, {
      ...req.bootstrap,
      metrics: HEADLINE_METRICS[task]
    }, req.helpers),
    slices: req.slices.map((s) => ({ column: s.column, rows: sliceRows(req, s.values, score) }))
  };
  if (task === "binary_classification") {
    evaluation.confusion = binaryConfusion(yTrue, output, req.threshold, [classes[0], classes[1]]);
  } else if (task === "multiclass_classification") {
    evaluation.confusion = multiclassConfusion(yTrue, output, classes.length, classes);
    evaluation.perClass = multiclassPerClass(yTrue, output, classes.length, classes);
  } else {
    evaluation.residuals = residualSummary(yTrue, output);
  }
  return evaluation;
}
function taskScorer(reading) {
  switch (reading.task) {
    case "binary_classification":
      return (y, out) => binaryMetrics(y, out, reading.threshold);
    case "multiclass_classification":
      return (y, out) => multiclassMetrics(y, out, reading.classes.length);
    case "regression":
      return (y, out) => regressionMetrics(y, out);
  }
}
function taskResampler(reading, yTrue, output) {
  const compute = reading.task === "binary_classification" ? binaryResampler(yTrue, output, reading.threshold) : reading.task === "multiclass_classification" ? multiclassResampler(yTrue, output, reading.classes.length) : regressionResampler(yTrue, output);
  compute.source = { task: reading.task, classes: reading.classes, threshold: reading.threshold, yTrue, output };
  return compute;
}
function outputWidth(reading) {
  return reading.task === "multiclass_classification" ? reading.classes.length : 1;
}
function gatherRows(values, indices, width) {
  const out = new values.constructor(indices.length * width);
  for (let i = 0; i < indices.length; i++) {
    const from = indices[i] * width;
    for (let c = 0; c < width; c++) out[i * width + c] = values[from + c];
  }
  return out;
}
function sliceGroups(values) {
  const groups = /* @__PURE__ */ new Map();
  values.forEach((v, row) => {
    const key = v ?? MISSING_SLICE_VALUE;
    const rows = groups.get(key);
    if (rows === void 0) groups.set(key, [row]);
    else rows.push(row);
  });
  const keys = [...groups.keys()].sort((a, b) => sliceOrder(a) - sliceOrder(b) || (a < b ? -1 : a > b ? 1 : 0));
  return keys.map((value) => ({ value, rows: groups.get(value) }));
}
function sliceRows(req, values, score) {
  const width = outputWidth(req);
  return sliceGroups(values).map(({ value, rows }) => ({
    value,
    n: rows.length,
    metrics: score(gatherRows(req.yTrue, rows, 1), gatherRows(req.output, rows, width)),
    gated: rows.length >= req.minSliceRows
  }));
}
function sliceOrder(value) {
  return value === MISSING_SLICE_VALUE ? 1 : 0;
}
function checkShape(req) {
  const rows = req.yTrue.length;
  const k = req.classes.length;
  const expected = { binary_classification: "exactly 2", multiclass_classification: "at least 2", regression: "" }[req.task];
  const classesOk = req.task === "regression" || (req.task === "binary_classification" ? k === 2 : k >= 2);
  if (!classesOk) {
    throw new PipePilotError(`evaluate: a ${req.task} model needs ${expected} class labels, got ${k}`, {
      hint: "pass the class labels in model-output order"
    });
  }
  const width = outputWidth(req);
  if (req.output.length !== rows * width) {
    throw new PipePilotError(
      `evaluate: ${rows} test rows need ${rows * width} model outputs (${width} per row), got ${req.output.length}`,
      { hint: "predictions and labels must come from the same test rows and the same class list" }
    );
  }
  for (const s of req.slices) {
    if (s.values.length !== rows) {
      throw new PipePilotError(`evaluate: slice column '${s.column}' has ${s.values.length} values for ${rows} test rows`, {
        hint: "take slice values from the same test rows as the labels"
      });
    }
  }
}

export {
  Rng,
  fmix32,
  pairedDifferenceSamples,
  PARALLEL_MIN_DRAWS,
  helpResamples,
  helperFailed,
  percentileInterval,
  budgetedBootstrapSamples,
  quantile,
  sortedPresent,
  sortedPresentColumns,
  presentMedian,
  evaluatePredictions,
  taskScorer,
  taskResampler,
  outputWidth,
  gatherRows,
  sliceGroups
};
