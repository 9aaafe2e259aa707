import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presentMedian, quantile, sortedPresent } from '../../../src/data/sorted-values.js';

/** The definition presentMedian must match: sort the present values, take numpy's 0.5 quantile. */
const sortedMedian = (values: Float64Array) => quantile(sortedPresent(values), 0.5);

describe('presentMedian', () => {
  it('equals the median of the sorted present values, on any values with NaNs, ties and infinities', () => {
    const cell = fc.oneof(
      { weight: 6, arbitrary: fc.double({ noNaN: true }) },
      { weight: 2, arbitrary: fc.integer({ min: -3, max: 3 }) }, // runs of equal values
      { weight: 1, arbitrary: fc.constant(NaN) },
    );
    fc.assert(fc.property(fc.array(cell, { minLength: 1, maxLength: 300 }), (cells) => {
      const values = Float64Array.from(cells);
      if (!cells.some((v) => !Number.isNaN(v))) return;
      const expected = sortedMedian(values);
      const actual = presentMedian(values);
      // == treats -0 and 0 alike (a selection may pick either of two equal zeros); NaN only where the sort gives NaN.
      expect(Number.isNaN(actual) ? Number.isNaN(expected) : actual === expected).toBe(true);
    }), { numRuns: 500, seed: 10 });
  });

  it('odd and even counts, sorted and reversed input, one value', () => {
    expect(presentMedian(Float64Array.from([5, 1, 3]))).toBe(3);
    expect(presentMedian(Float64Array.from([4, 1, 3, 2]))).toBe(2.5);
    expect(presentMedian(Float64Array.from({ length: 1001 }, (_, i) => i))).toBe(500);
    expect(presentMedian(Float64Array.from({ length: 1000 }, (_, i) => 1000 - i))).toBe(500.5);
    expect(presentMedian(Float64Array.from([NaN, 7, NaN]))).toBe(7);
  });

  it('leaves its input as it was', () => {
    const values = Float64Array.from([3, NaN, 1, 2]);
    presentMedian(values);
    expect(Array.from(values)).toEqual([3, NaN, 1, 2]);
  });
});
