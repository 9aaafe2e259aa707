import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';

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
    this.drawInts(counts, n, draws, true);
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
