import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { MODULES, compileWat, renderModule } from '../../scripts/build-wasm.mjs';
import { Rng } from '../../src/rng.js';

/** n draws of int(range), one call each: the reference fillInts must reproduce. */
function oneByOne(rng: Rng, count: number, range: number): Uint32Array {
  return Uint32Array.from({ length: count }, () => rng.int(range));
}

describe('Rng.fillInts', () => {
  // Ranges: 1 and 2 (no rejection bound), small, the bootstrap's test-set sizes, one just under
  // 2^31 where pure-rand rejects almost half the draws, and 2^32 itself.
  it.each([1, 2, 3, 7, 1000, 25_000, 600_001, 2 ** 31 + 1, 2 ** 32])('draws exactly what int(%i) draws, in order', (range) => {
    const fast = new Rng(42);
    const slow = new Rng(42);
    const out = new Uint32Array(5000);
    fast.fillInts(out, range);
    expect(out).toEqual(oneByOne(slow, 5000, range));
    for (const v of out) expect(v).toBeLessThan(range);
  });

  it('leaves the generator where int would: later draws of any kind agree', () => {
    const fast = new Rng(7);
    const slow = new Rng(7);
    fast.fillInts(new Uint32Array(333), 97);
    oneByOne(slow, 333, 97);
    expect([fast.next(), fast.int(10), fast.normal()]).toEqual([slow.next(), slow.int(10), slow.normal()]);
  });

  it('an empty buffer draws nothing', () => {
    const fast = new Rng(3);
    fast.fillInts(new Uint32Array(0), 50);
    expect(fast.next()).toBe(new Rng(3).next());
  });

  it.each([0, 2.5, 2 ** 32 + 1, NaN])('refuses range %s, which a Uint32Array cannot hold or int cannot draw', (range) => {
    expect(() => new Rng(1).fillInts(new Uint32Array(3), range)).toThrow(RangeError);
  });

  // countInts runs in WebAssembly (src/rng-draws.wat), fillInts in TypeScript: this is the kernel's check
  // against the reference. 1_000_003 draws 200k times, so pure-rand's rejection happens (~40 times).
  it.each([[1, 3000], [2, 3000], [3, 3000], [25_000, 3000], [600_001, 50_000], [1_000_003, 200_000]])('countInts(%i) counts exactly the draws fillInts makes, and leaves the generator where it does', (range, draws) => {
    const counting = new Rng(11);
    const filling = new Rng(11);
    const counts = new Int32Array(range + 2).fill(1); // counts add to what is there
    counting.countInts(counts, range, draws);
    const drawn = new Uint32Array(draws);
    filling.fillInts(drawn, range);
    const expected = new Int32Array(range + 2).fill(1);
    for (const v of drawn) expected[v] += 1;
    // Element by element, not toEqual: its diffing of 1M-element arrays takes seconds.
    expect(counts.findIndex((v, i) => v !== expected[i])).toBe(-1);
    expect(counting.next()).toBe(filling.next());
  });

  it('countInts refuses a counts array shorter than the range', () => {
    expect(() => new Rng(1).countInts(new Int32Array(4), 5, 10)).toThrow(RangeError);
  });

  // Byte counts (the bootstrap's): the kernel's other width. 255 draws of one row fit a byte exactly.
  it.each([[1, 254], [5, 600], [25_000, 3000], [600_001, 600_001], [1_000_003, 200_000]])('countBytes(%i) counts the draws countInts counts, and leaves the generator where it does', (range, draws) => {
    const bytes = new Rng(11);
    const words = new Rng(11);
    const counts = new Uint8Array(range + 2).fill(1); // counts add to what is there
    expect(bytes.countBytes(counts, range, draws)).toBe(true);
    const expected = new Int32Array(range + 2).fill(1);
    words.countInts(expected, range, draws);
    expect(counts.findIndex((v, i) => v !== expected[i])).toBe(-1);
    expect(bytes.next()).toBe(words.next());
  });

  it('countBytes gives up, touching neither the counts nor the generator, when a row would pass 255 draws', () => {
    const rng = new Rng(3);
    const counts = new Uint8Array(3);
    // Range 1: every draw is row 0, so draw 256 wraps its byte (1 + 255 = 256 > 255 as well).
    expect(rng.countBytes(counts, 1, 256)).toBe(false);
    const full = new Uint8Array(3).fill(1);
    expect(rng.countBytes(full, 1, 255)).toBe(false);
    expect([...counts]).toEqual([0, 0, 0]);
    expect([...full]).toEqual([1, 1, 1]);
    expect(rng.next()).toBe(new Rng(3).next());
    const exact = new Uint8Array(1);
    expect(new Rng(3).countBytes(exact, 1, 255)).toBe(true);
    expect(exact[0]).toBe(255);
  });

  it('countBytes refuses a counts array shorter than the range', () => {
    expect(() => new Rng(1).countBytes(new Uint8Array(4), 5, 10)).toThrow(RangeError);
  });
});

describe('Rng.skipInts', () => {
  // The kernel's pass without counting (a bootstrap helper's way to its first resample) against
  // fillInts, the reference: 1_000_003 and 2^31 + 1 reject draws, 1 and 2 never do, 2^32 is past
  // the counting kernel's range.
  it.each([[1, 3000], [2, 3000], [3, 3000], [25_000, 3000], [1_000_003, 200_000], [2 ** 31 + 1, 5000], [2 ** 32, 5000]])('skipInts(%i) leaves the generator where fillInts of as many draws does', (range, draws) => {
    const skipping = new Rng(5);
    const filling = new Rng(5);
    skipping.skipInts(range, draws);
    filling.fillInts(new Uint32Array(draws), range);
    expect([skipping.next(), skipping.int(1000)]).toEqual([filling.next(), filling.int(1000)]);
  });

  it('skipping draws then counting gives the counts of the later draws', () => {
    const skipping = new Rng(9);
    const counting = new Rng(9);
    skipping.skipInts(25_000, 50_000);
    counting.countInts(new Int32Array(25_000), 25_000, 50_000);
    const a = new Int32Array(25_000);
    const b = new Int32Array(25_000);
    skipping.countInts(a, 25_000, 25_000);
    counting.countInts(b, 25_000, 25_000);
    expect(a.findIndex((v, i) => v !== b[i])).toBe(-1);
  });

  it('skipping no draws leaves the generator as it was', () => {
    const rng = new Rng(4);
    rng.skipInts(100, 0);
    expect(rng.next()).toBe(new Rng(4).next());
  });

  it.each([0, 2.5, 2 ** 32 + 1, NaN])('refuses range %s', (range) => {
    expect(() => new Rng(1).skipInts(range, 3)).toThrow(RangeError);
  });
});

describe('Rng.shuffle', () => {
  /** The Fisher-Yates shuffle as `int` draws it, one call per step: what shuffle must reproduce. */
  function referenceShuffle(rng: Rng, a: number[]): number[] {
    for (let i = a.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }

  it.each([0, 1, 2, 3, 10, 1000, 100_000])('permutes %i items exactly as int-based Fisher-Yates does, and leaves the generator where it does', (n) => {
    const fast = new Rng(99);
    const slow = new Rng(99);
    const got = fast.shuffle(Uint32Array.from({ length: n }, (_, i) => i));
    const want = referenceShuffle(slow, Array.from({ length: n }, (_, i) => i));
    expect(Array.from(got)).toEqual(want);
    expect([fast.next(), fast.int(10), fast.normal()]).toEqual([slow.next(), slow.int(10), slow.normal()]);
  });

  it('shuffles plain arrays in place too', () => {
    const a = [5, 6, 7, 8];
    expect(new Rng(1).shuffle(a)).toBe(a);
    expect([...a].sort()).toEqual([5, 6, 7, 8]);
  });
});

describe('the draws kernel', () => {
  it('the committed generated module is the compiled rng-draws.wat (rerun node scripts/build-wasm.mjs if not)', async () => {
    const mod = MODULES.find((m) => m.name === 'DRAWS_WASM_BASE64')!;
    const rebuilt = renderModule(await compileWat(readFileSync(mod.wat, 'utf8'), mod.features), mod);
    expect(readFileSync(mod.ts, 'utf8')).toBe(rebuilt);
  });

  it('keeps counting right after its memory grows, and across generators', () => {
    const small = new Int32Array(10);
    new Rng(5).countInts(small, 10, 100);
    const big = new Int32Array(300_000); // grows the kernel's memory
    const a = new Rng(6);
    a.countInts(big, 300_000, 1000);
    const again = new Int32Array(10);
    new Rng(5).countInts(again, 10, 100);
    expect(again).toEqual(small);
    expect(big.reduce((x, y) => x + y, 0)).toBe(1000);
  });
});
