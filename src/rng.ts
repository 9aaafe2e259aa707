import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { Buffer } from 'node:buffer';
import { DRAWS_WASM_BASE64 } from './rng-draws-wasm.js';

/** The part of the WebAssembly JS API used here (the lib settings declare no WebAssembly values, though Node has them). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Memory: new (descriptor: { initial: number }) => { readonly buffer: ArrayBuffer; grow(pages: number): number };
  Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
}

interface DrawKernel {
  memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  /** Returns how many byte counts wrapped past 255 (0 for i32 counts, bytes = 4). */
  count: (counts: number, draws: number, state: number, n: number, limit: number, inverse: number, bytes: 1 | 4) => number;
  skip: (draws: number, state: number, limit: number) => void;
}

const PAGE_BYTES = 65536;
/** Counts at this address, after the 16 bytes of generator state. */
const COUNTS_AT = 16;
/** Past this range the counts (4 bytes each) stay in JS: the kernel's memory is kept for the process. */
const KERNEL_MAX_RANGE = 1 << 26;

let kernel: DrawKernel | null | undefined;

/** src/rng-draws.wat, compiled once per process (synchronously: it is under 1 KB); null without WebAssembly. */
function drawKernel(): DrawKernel | null {
  if (kernel === undefined) {
    try {
      const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
      const memory = new wasm.Memory({ initial: 1 });
      const instance = new wasm.Instance(new wasm.Module(Buffer.from(DRAWS_WASM_BASE64, 'base64')), { env: { memory } });
      kernel = { memory, count: instance.exports.count as DrawKernel['count'], skip: instance.exports.skip as DrawKernel['skip'] };
    } catch {
      kernel = null;
    }
  }
  return kernel;
}

/**
 * The one source of randomness in the core: seeded, so a run with the same seed gives the
 * same split, initial weights, shuffles, dropout masks and bootstrap resamples, bit for bit.
 * `Math.random` is banned by the lint config.
 */
export class Rng {
  private gen: ReturnType<typeof xoroshiro128plus>;
  private spareNormal: number | undefined;

  constructor(seed: number) {
    // pure-rand takes a 32-bit integer seed; fold larger seeds in rather than truncating silently.
    this.gen = xoroshiro128plus((seed ^ Math.floor(seed / 2 ** 32)) | 0);
  }

  /** Uniform in [0, 1). */
  next(): number {
    return uniformFloat64(this.gen);
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
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
  fillInts(out: Uint32Array, n: number): void {
    this.drawInts(out, n, out.length, false);
  }

  /**
   * Adds one to `counts[v]` for each of `draws` draws v of `int(n)` (counts.length >= n): the
   * same draws, in the same order, as fillInts, without keeping them. The bootstrap's resamples
   * are these counts.
   */
  countInts(counts: Int32Array, n: number, draws: number): void {
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
  countBytes(counts: Uint8Array, n: number, draws: number): boolean {
    if (counts.length < n) throw new RangeError(`countBytes: ${counts.length} counts cannot hold draws up to ${n - 1}`);
    const k = Number.isInteger(n) && n >= 1 && n <= KERNEL_MAX_RANGE ? drawKernel() : null;
    return k !== null && this.countInKernel(k, counts, n, draws);
  }

  /**
   * Moves the generator past `draws` draws of `int(n)` without making them: the state afterwards
   * is the one countInts or fillInts would leave. A bootstrap helper thread passes the resamples
   * before its own this way; in the kernel a passed draw costs a fraction of a counted one.
   */
  skipInts(n: number, draws: number): void {
    if (!(Number.isInteger(n) && n >= 1 && n <= 2 ** 32)) throw new RangeError(`skipInts: range ${n} is not a whole number in [1, 2^32]`);
    const k = drawKernel();
    if (k === null) {
      // No WebAssembly: `int` itself, one call a draw (slow, and only where nothing faster runs).
      for (let i = 0; i < draws; i++) this.int(n);
      return;
    }
    const state = new Int32Array(k.memory.buffer, 0, 4);
    state.set(this.gen.getState());
    const limit = n > 2 ? Math.floor(4294967296 / n) * n : 4294967296;
    // The kernel counts draws in an i32: pass them in chunks it can hold.
    for (let left = draws; left > 0; left -= 2 ** 30) k.skip(Math.min(left, 2 ** 30), 0, limit);
    this.gen = xoroshiro128plusFromState([state[0], state[1], state[2], state[3]]);
  }

  /**
   * countInts in WebAssembly (src/rng-draws.wat: drawInts' loop, the same counts and state, tested):
   * 6.4-6.8 ns a draw against 8.0-8.6 for 25k rows, 11 against 21 for 600k (same process,
   * alternated). The counts are copied in and out of the kernel's memory, a sequential pass
   * each, small beside one random draw per element.
   */
  private countInKernel(k: DrawKernel, counts: Int32Array | Uint8Array, n: number, draws: number): boolean {
    const width = counts instanceof Uint8Array ? 1 : 4;
    const bytes = COUNTS_AT + width * n;
    if (k.memory.buffer.byteLength < bytes) k.memory.grow(Math.ceil((bytes - k.memory.buffer.byteLength) / PAGE_BYTES));
    const buffer = k.memory.buffer; // after any growth: growing detaches the old buffer
    const state = new Int32Array(buffer, 0, 4);
    state.set(this.gen.getState()); // [s01, s00, s11, s10], pure-rand's order (ToInt32, as drawInts' `| 0`)
    const inKernel = width === 1 ? new Uint8Array(buffer, COUNTS_AT, n) : new Int32Array(buffer, COUNTS_AT, n);
    inKernel.set(counts.subarray(0, n));
    const maxAllowed = n > 2 ? Math.floor(4294967296 / n) * n : 4294967296;
    if (k.count(COUNTS_AT, draws, 0, n, maxAllowed, 1 / n, width) > 0) return false; // counts and generator untouched
    counts.set(inKernel);
    this.gen = xoroshiro128plusFromState([state[0], state[1], state[2], state[3]]);
    return true;
  }

  /** fillInts and countInts: one loop, so the stream is written once (`count` is fixed per call, a predictable branch). */
  private drawInts(out: Uint32Array | Int32Array, n: number, draws: number, count: boolean): void {
    if (!(Number.isInteger(n) && n >= 1 && n <= 2 ** 32)) {
      // A Uint32Array cannot hold draws past 2^32 − 1; a caller asking for them has a bug.
      throw new RangeError(`fillInts/countInts: range ${n} is not a whole number in [1, 2^32]`);
    }
    const state = this.gen.getState(); // [s01, s00, s11, s10], pure-rand's order
    let s01 = state[0] | 0;
    let s00 = state[1] | 0;
    let s11 = state[2] | 0;
    let s10 = state[3] | 0;
    const maxAllowed = n > 2 ? Math.floor(4294967296 / n) * n : 4294967296;
    const inverse = 1 / n;
    for (let i = 0; i < draws; i++) {
      let value: number;
      do {
        // pure-rand's `next() + 2^31`, as a uint32 (an XOR of the sign bit): V8 keeps it an integer.
        value = ((s00 + s10) ^ -2147483648) >>> 0;
        const a0 = s10 ^ s00;
        const a1 = s11 ^ s01;
        const t00 = s00;
        const t01 = s01;
        s00 = (t00 << 24) ^ (t01 >>> 8) ^ a0 ^ (a0 << 16);
        s01 = (t01 << 24) ^ (t00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
        s10 = (a1 << 5) ^ (a0 >>> 27);
        s11 = (a0 << 5) ^ (a1 >>> 27);
      } while (value >= maxAllowed);
      // value % n without a floating-point modulo (half the loop's time): the quotient through the
      // reciprocal is off by at most one for values below 2^32, and the remainder is corrected.
      let rest = value - Math.floor(value * inverse) * n;
      if (rest < 0) rest += n;
      else if (rest >= n) rest -= n;
      if (count) out[rest] += 1;
      else out[i] = rest;
    }
    this.gen = xoroshiro128plusFromState([s01, s00, s11, s10]);
  }

  /** Standard normal (Box-Muller, caching the second value). */
  normal(): number {
    if (this.spareNormal !== undefined) {
      const v = this.spareNormal;
      this.spareNormal = undefined;
      return v;
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
  shuffle<T extends { length: number; [i: number]: number }>(a: T): T {
    const state = this.gen.getState(); // [s01, s00, s11, s10], pure-rand's order
    let s01 = state[0] | 0;
    let s00 = state[1] | 0;
    let s11 = state[2] | 0;
    let s10 = state[3] | 0;
    for (let i = a.length - 1; i > 0; i--) {
      const n = i + 1;
      const maxAllowed = n > 2 ? Math.floor(4294967296 / n) * n : 4294967296;
      let value: number;
      do {
        value = ((s00 + s10) ^ -2147483648) >>> 0;
        const a0 = s10 ^ s00;
        const a1 = s11 ^ s01;
        const t00 = s00;
        const t01 = s01;
        s00 = (t00 << 24) ^ (t01 >>> 8) ^ a0 ^ (a0 << 16);
        s01 = (t01 << 24) ^ (t00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
        s10 = (a1 << 5) ^ (a0 >>> 27);
        s11 = (a0 << 5) ^ (a1 >>> 27);
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

}

/**
 * MurmurHash3's 32-bit finalizer (fmix32): a bijection on 32-bit words that spreads every input
 * bit over the output, for seeds and hashes derived from integers (trial seeds, the streaming
 * split). Hand-written: a few multiplies, no library needed for it.
 */
export function fmix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
