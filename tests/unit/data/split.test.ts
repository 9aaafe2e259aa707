import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/errors.js';
import { splitRows, validationSplit } from '../../../src/data/split.js';

function isSortedAscending(a: Uint32Array): boolean {
  return a.every((v, i) => i === 0 || a[i - 1] < v);
}

describe('splitRows', () => {
  it('is pinned across versions: a seed names the same test rows (a run’s split, content key and lineage depend on it)', () => {
    // Computed by the code before the one-scan rewrite (issue 10): a change to the shuffle, the
    // draw order or the rounding fails here.
    expect(Array.from(splitRows(20, { test: 0.25, seed: 5 }).test)).toEqual([3, 5, 12, 17, 18]);
    expect(Array.from(splitRows(12, { test: 0.25, seed: 5, strata: [0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2] }).test)).toEqual([1, 8, 9]);
    const { train } = splitRows(20, { test: 0.25, seed: 5 });
    expect(Array.from(train)).toEqual([0, 1, 2, 4, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16, 19]);
  });

  it('splits the same way for the same seed, differently for another, sorted and disjoint', () => {
    const a = splitRows(100, { test: 0.2, seed: 42 });
    const b = splitRows(100, { test: 0.2, seed: 42 });
    const c = splitRows(100, { test: 0.2, seed: 43 });
    expect(a).toEqual(b);
    expect(Array.from(c.test)).not.toEqual(Array.from(a.test));
    expect(a.test).toHaveLength(20);
    expect(a.train).toHaveLength(80);
    expect(isSortedAscending(a.train) && isSortedAscending(a.test)).toBe(true);
    expect(new Set([...a.train, ...a.test]).size).toBe(100);
  });

  it('keeps class proportions when stratified', () => {
    const strata = Float64Array.from({ length: 100 }, (_, i) => (i % 10 < 7 ? 0 : 1)); // 70 / 30
    const { train, test } = splitRows(100, { test: 0.2, seed: 7, strata });
    const count = (rows: Uint32Array, k: number) => rows.filter((r) => strata[r] === k).length;
    expect([count(test, 0), count(test, 1)]).toEqual([14, 6]);
    expect([count(train, 0), count(train, 1)]).toEqual([56, 24]);
  });

  it('gives every class of two or more rows a test row and a training row; a single-row class trains', () => {
    const strata = Int32Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2]);
    const { train, test } = splitRows(13, { test: 0.1, seed: 1, strata });
    const classesIn = (rows: Uint32Array) => [...new Set(Array.from(rows, (r) => strata[r]))].sort();
    expect(classesIn(test)).toEqual([0, 1]);
    expect(classesIn(train)).toEqual([0, 1, 2]);
  });

  it('fails when a set would be empty, with the counts', () => {
    let err: unknown;
    try {
      splitRows(3, { test: 0.1, seed: 1, file: 'd.csv' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).message).toBe('d.csv: splitting 3 row(s) with test 0.1 leaves 3 for training and 0 for testing');
    expect(() => splitRows(10, { test: 1, seed: 1 })).toThrow(DataError);
    expect(() => splitRows(10, { test: 0.2, seed: 1, strata: new Int32Array(9) })).toThrow(/9 values for 10 rows/);
  });

  it('validationSplit holds out part of the training rows, by their indices in the full table', () => {
    const strata = Float64Array.from({ length: 50 }, (_, i) => i % 2);
    const { train } = splitRows(50, { test: 0.2, seed: 3, strata });
    const v = validationSplit(train, { fraction: 0.25, seed: 9, strata });
    expect(v.train.length + v.validation.length).toBe(train.length);
    const inTrain = new Set(train);
    expect([...v.train, ...v.validation].every((r) => inTrain.has(r))).toBe(true);
    expect(v.validation.filter((r) => strata[r] === 1)).toHaveLength(5);
    expect(validationSplit(train, { fraction: 0.25, seed: 9, strata })).toEqual(v);
  });
});
