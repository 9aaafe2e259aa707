import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortFloat64, sortedPresent } from '../../../src/data/sorted-values.js';

/** The bits, so −0 and +0 (equal as numbers) must come out in the built-in sort's order too. */
const bitsOf = (v: Float64Array) => Array.from(new Uint32Array(v.buffer, v.byteOffset, v.length * 2));

describe('sortFloat64: the radix sort behind sortedPresent', () => {
  it('orders exactly as Float64Array.prototype.sort, bit for bit, below and above the radix threshold', () => {
    const value = fc.oneof(
      fc.double({ noNaN: true }),
      fc.constantFrom(0, -0, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE, 1, -1),
      fc.integer({ min: -5, max: 5 }),
    );
    fc.assert(
      fc.property(fc.array(value, { maxLength: 9000 }), (list) => {
        const values = Float64Array.from(list);
        const want = Float64Array.from(values).sort();
        expect(sortFloat64(values)).toBe(values);
        expect(bitsOf(values)).toEqual(bitsOf(want));
      }),
      { seed: 20261207, numRuns: 60 },
    );
  });

  it('passes over digits every value shares (one sign, one exponent) and still sorts, in place in a view', () => {
    const whole = new Float64Array(20_002);
    for (let i = 0; i < whole.length; i++) whole[i] = 1 + ((i * 7919) % 10_007) / 10_007; // all in [1, 2): sign and exponent shared
    whole[0] = -99;
    whole[whole.length - 1] = 99;
    const view = whole.subarray(1, whole.length - 1);
    const want = Float64Array.from(view).sort();
    sortFloat64(view);
    expect(bitsOf(view)).toEqual(bitsOf(want));
    expect([whole[0], whole[whole.length - 1]]).toEqual([-99, 99]);
  });

  it('a digit all values but one share is still sorted on', () => {
    const values = new Float64Array(5000).fill(1.5);
    values[0] = 1.25; // differs from the rest only in the top mantissa bits
    sortFloat64(values);
    expect(values[0]).toBe(1.25);
    expect(values.subarray(1).every((v) => v === 1.5)).toBe(true);
    const last = new Float64Array(5000).fill(1.25);
    last[0] = 1.5;
    sortFloat64(last);
    expect(last[4999]).toBe(1.5);
  });

  it('sortedPresent drops NaN and sorts the rest', () => {
    const values = new Float64Array(6000);
    for (let i = 0; i < values.length; i++) values[i] = i % 5 === 0 ? NaN : Math.sin(i) * 1e6;
    const got = sortedPresent(values);
    expect(got.length).toBe(4800);
    expect(bitsOf(got)).toEqual(bitsOf(values.filter((v) => !Number.isNaN(v)).sort()));
  });
});
