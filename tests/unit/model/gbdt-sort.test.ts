import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortFloat32 } from '../../../src/model/gbdt/sort-float32.js';

/** The bits, so −0 and +0 (equal as numbers) must come out in the built-in sort's order too. */
const bitsOf = (v: Float32Array) => Array.from(new Uint32Array(v.buffer, v.byteOffset, v.length));

function builtIn(values: Float32Array): Float32Array {
  return Float32Array.from(values).sort();
}

describe('sortFloat32: the bin edges’ radix sort', () => {
  it('orders exactly as Float32Array.prototype.sort, bit for bit, on both paths (below and above the radix threshold)', () => {
    const value = fc.oneof(
      fc.float({ noNaN: true }),
      fc.constantFrom(0, -0, Infinity, -Infinity, 1.401298464324817e-45, -1.401298464324817e-45, 3.4028234663852886e38, -3.4028234663852886e38),
      fc.integer({ min: -3, max: 3 }),
    );
    fc.assert(
      fc.property(fc.array(value, { minLength: 0, maxLength: 9000 }), (list) => {
        const values = Float32Array.from(list);
        const want = builtIn(values);
        const got = sortFloat32(values);
        expect(got).toBe(values);
        expect(bitsOf(got)).toEqual(bitsOf(want));
      }),
      { seed: 20261207, numRuns: 60 },
    );
  });

  it('sorts a view in place without touching the buffer around it', () => {
    const whole = new Float32Array(10_002);
    for (let i = 0; i < whole.length; i++) whole[i] = Math.sin(i * 7.3) * 1e3;
    whole[0] = 12345;
    whole[whole.length - 1] = -12345;
    const view = whole.subarray(1, whole.length - 1);
    const want = builtIn(view);
    sortFloat32(view);
    expect(bitsOf(view)).toEqual(bitsOf(want));
    expect([whole[0], whole[whole.length - 1]]).toEqual([12345, -12345]);
  });

  it('keeps −0 before +0 and every duplicate', () => {
    const values = new Float32Array(5000);
    for (let i = 0; i < values.length; i++) values[i] = i % 3 === 0 ? -0 : i % 3 === 1 ? 0 : -1;
    const got = sortFloat32(values);
    const n = values.length;
    expect(got.filter((v) => v === -1).length).toBe(1666);
    expect(got.filter((v) => Object.is(v, -0)).length).toBe(1667);
    expect(got.filter((v) => Object.is(v, 0)).length).toBe(1667);
    const firstZero = got.indexOf(0);
    expect(Object.is(got[firstZero], -0)).toBe(true);
    expect(Object.is(got[n - 1], 0)).toBe(true);
    expect(bitsOf(got)).toEqual(bitsOf(builtIn(values)));
  });
});
