import { describe, expect, it } from 'vitest';
import { DataError, ModelFileError } from '../../../src/errors.js';
import { sortedPresentColumns } from '../../../src/data/sorted-values.js';
import type { Table } from '../../../src/data/table.js';
import { alignTable, fitPreprocessor, parsePreprocessor, transformTable } from '../../../src/features/preprocessor.js';
import type { PreprocessSpec } from '../../../src/spec/types.js';

const spec = (over: Partial<PreprocessSpec> = {}): PreprocessSpec => ({
  impute: { numeric: 'median', categorical: 'most_frequent', fill_numeric: 0, fill_categorical: 'missing' },
  scale: 'standard',
  encode: 'onehot',
  max_categories: 50,
  ...over,
});

const target = { name: 'y', task: 'binary_classification' as const, classes: ['no', 'yes'], threshold: 0.5 };

function table(cols: Record<string, number[] | (string | null)[]>): Table {
  const columns = new Map();
  let rowCount = 0;
  for (const [name, values] of Object.entries(cols)) {
    rowCount = values.length;
    columns.set(
      name,
      typeof values[0] === 'number' ? { kind: 'numeric', values: Float64Array.from(values as number[]) } : { kind: 'categorical', values },
    );
  }
  return { rowCount, columns };
}

describe('preprocessor', () => {
  const train = table({ a: [1, 2, NaN, 4, 100], c: ['x', 'y', 'x', null, 'z'] });
  const features = { numeric: ['a'], categorical: ['c'] };

  it('imputes the median, standardizes with the imputed values, one-hots with an unknown bucket', () => {
    const pre = fitPreprocessor({ table: train, features, spec: spec(), target });
    // median of [1, 2, 4, 100] = 3; imputed column [1, 2, 3, 4, 100]
    expect(pre.numeric[0].fill).toBe(3);
    expect(pre.numeric[0].center).toBeCloseTo(22, 12);
    const std = Math.sqrt([1, 2, 3, 4, 100].reduce((s, v) => s + (v - 22) ** 2, 0) / 5);
    expect(pre.numeric[0].scale).toBeCloseTo(std, 12);
    expect(pre.categorical[0]).toEqual({ name: 'c', fill: 'x', categories: ['x', 'y', 'z'] });
    expect(pre.outputNames).toEqual(['a', 'c=x', 'c=y', 'c=z', 'c=(unknown)']);
    const { x, rows, cols } = transformTable(pre, train);
    expect([rows, cols]).toEqual([5, 5]);
    // Row 2: a missing → the median 3; row 3: c missing → the most frequent 'x'.
    expect(Array.from(x.subarray(10, 15))).toEqual([Math.fround((3 - 22) / std), 1, 0, 0, 0]);
    expect(Array.from(x.subarray(15, 20))).toEqual([Math.fround((4 - 22) / std), 1, 0, 0, 0]);
  });

  it('fills from columns sorted beforehand (run shares them with the reference statistics) exactly as from the table', () => {
    // Odd and even counts of present values, so the median is a middle value and a midpoint.
    const wide = table({ a: [0.1, 0.7, NaN, 0.3, 1e-17, 0.2], b: [5, -2, 9, NaN, 3, NaN], c: ['x', 'y', 'x', null, 'z', 'z'] });
    const both = { numeric: ['a', 'b'], categorical: ['c'] };
    for (const numeric of ['median', 'mean'] as const) {
      const s = spec({ impute: { ...spec().impute, numeric } });
      const sorted = sortedPresentColumns(wide, both.numeric);
      expect(fitPreprocessor({ table: wide, features: both, spec: s, target, sorted })).toEqual(fitPreprocessor({ table: wide, features: both, spec: s, target }));
    }
    // The sorted columns are what it fills from: a different one gives a different fill.
    const other = new Map([['a', new Float64Array([10, 20, 30])]]);
    expect(fitPreprocessor({ table: wide, features: both, spec: spec(), target, sorted: other }).numeric[0].fill).toBe(20);
  });

  it('an unseen category at scoring time lands in the unknown column', () => {
    const pre = fitPreprocessor({ table: train, features, spec: spec(), target });
    const { x } = transformTable(pre, table({ a: [2], c: ['never-seen'] }));
    expect(Array.from(x.subarray(1))).toEqual([0, 0, 0, 1]);
  });

  it('max_categories with impute.categorical constant: the fill competes for the limit like any category', () => {
    const constant = (c: (string | null)[], max: number) =>
      fitPreprocessor({ table: table({ a: c.map(() => 1), c }), features, spec: spec({ impute: { ...spec().impute, categorical: 'constant' }, max_categories: max }), target }).categorical[0];
    // Two missing rows: 'missing' is the second most frequent, inside a limit of 2.
    expect(constant(['p', 'p', 'p', 'q', null, null], 2)).toEqual({ name: 'c', fill: 'missing', categories: ['missing', 'p'] });
    // One missing row: beyond the limit, so missing rows go to the unknown bucket, and the limit holds.
    const beyond = constant(['p', 'p', 'p', 'q', 'q', null], 2);
    expect(beyond.categories).toEqual(['p', 'q']);
    const pre = fitPreprocessor({ table: table({ a: [1, 1, 1, 1, 1, 1], c: ['p', 'p', 'p', 'q', 'q', null] }), features, spec: spec({ impute: { ...spec().impute, categorical: 'constant' }, max_categories: 2 }), target });
    expect(pre.outputNames).toEqual(['a', 'c=p', 'c=q', 'c=(unknown)']);
    expect(Array.from(transformTable(pre, table({ a: [1], c: [null] })).x.subarray(1))).toEqual([0, 0, 1]);
  });

  it('alignTable names every missing column at once, each with a did-you-mean', () => {
    const pre = fitPreprocessor({ table: table({ radius: [1, 2], texture: [3, 4], smoker: ['x', 'y'] }), features: { numeric: ['radius', 'texture'], categorical: ['smoker'] }, spec: spec(), target });
    const err = (() => {
      try {
        alignTable(pre, table({ Radius: [1], smokr: ['x'] }), 'in.csv');
      } catch (e) {
        return e as DataError;
      }
      throw new Error('alignTable accepted a table without its columns');
    })();
    expect(err).toBeInstanceOf(DataError);
    expect(err.message).toBe("in.csv: missing 3 columns 'radius' (did you mean 'Radius'?), 'texture', 'smoker' (did you mean 'smokr'?), which the model was trained on");
    expect(err.column).toBe('radius');
  });

  it('alignTable on a table read by ranges: a column the file has but the read skipped is named as such (issue 10)', () => {
    const pre = fitPreprocessor({ table: table({ radius: [1, 2], smoker: ['x', 'y'] }), features: { numeric: ['radius'], categorical: ['smoker'] }, spec: spec(), target });
    const ranged = { ...table({ smoker: ['x'] }), fileColumns: ['radius', 'smoker'] };
    expect(() => alignTable(pre, ranged, 'in.parquet')).toThrow("in.parquet: the model uses 'radius', which data.read: ranges did not fetch");
    expect(() => alignTable(pre, table({ smoker: ['x'] }), 'in.parquet')).toThrow("in.parquet: missing column 'radius'");
  });

  it('max_categories keeps the most frequent; minmax and none scale as named', () => {
    const t = table({ a: [0, 5, 10, 10], c: ['p', 'q', 'q', 'r'] });
    const pre = fitPreprocessor({ table: t, features, spec: spec({ scale: 'minmax', max_categories: 1 }), target });
    expect(pre.categorical[0].categories).toEqual(['q']);
    expect(pre.numeric[0]).toMatchObject({ center: 0, scale: 10 });
    const none = fitPreprocessor({ table: t, features, spec: spec({ scale: 'none' }), target });
    expect(none.numeric[0]).toMatchObject({ center: 0, scale: 1 });
  });

  it('a constant column keeps scale 1 instead of dividing by zero', () => {
    const pre = fitPreprocessor({ table: table({ a: [7, 7, 7], c: ['x', 'x', 'x'] }), features, spec: spec(), target });
    expect(pre.numeric[0].scale).toBe(1);
    expect(Array.from(transformTable(pre, table({ a: [7], c: ['x'] })).x)).toEqual([0, 1, 0]);
  });

  it('alignTable: numbers written as strings are read as numbers; bad ones name row and column', () => {
    const pre = fitPreprocessor({ table: train, features, spec: spec(), target });
    const aligned = alignTable(pre, table({ a: ['2', ''], c: ['x', 'y'] }), 'new.csv');
    expect(Array.from((aligned.columns.get('a') as { values: Float64Array }).values)).toEqual([2, NaN]);
    expect(() => alignTable(pre, table({ a: ['2', 'abc'], c: ['x', 'y'] }), 'new.csv')).toThrow(/row 2, column 'a'.*'abc'/);
    expect(() => alignTable(pre, table({ c: ['x'] }), 'new.csv')).toThrow(DataError);
  });

  it('a categorical feature stored as numbers is compared as text', () => {
    const t = table({ a: [1, 2, 3], k: [0, 1, 1] });
    const pre = fitPreprocessor({ table: t, features: { numeric: ['a'], categorical: ['k'] }, spec: spec(), target });
    expect(pre.categorical[0].categories).toEqual(['0', '1']);
    const { x } = transformTable(pre, alignTable(pre, table({ a: [1], k: ['1'] }), 'f'));
    expect(Array.from(x.subarray(1))).toEqual([0, 1, 0]);
  });

  it('parsePreprocessor round-trips a fitted one and rejects damaged files', () => {
    const pre = fitPreprocessor({ table: train, features, spec: spec(), target });
    expect(parsePreprocessor(JSON.parse(JSON.stringify(pre)), 'p.json')).toEqual(pre);
    expect(() => parsePreprocessor({ ...pre, outputNames: ['a'] }, 'p.json')).toThrow(ModelFileError);
    expect(() => parsePreprocessor({ ...pre, numeric: [{ name: 'a', fill: 0, center: 0, scale: 0 }] }, 'p.json')).toThrow(/bad numeric/);
    expect(() => parsePreprocessor(null, 'p.json')).toThrow(/p\.json/);
  });
});

describe('ordinal preprocessor (for trees)', () => {
  const train = table({ a: [1, 2, NaN, 4, 100], c: ['x', 'y', 'x', null, 'z'] });
  const features = { numeric: ['a'], categorical: ['c'] };
  const pre = fitPreprocessor({ table: train, features, spec: spec({ encode: 'ordinal' }), target });

  it('passes numbers through unscaled with missing kept missing, and codes categories by sorted index', () => {
    expect(pre.outputNames).toEqual(['a', 'c']);
    const { x, cols } = transformTable(pre, train);
    expect(cols).toBe(2);
    expect(Array.from(x)).toEqual([1, 0, 2, 1, NaN, 0, 4, NaN, 100, 2]);
  });

  it('an unseen category is missing to the trees, like a missing one', () => {
    const { x } = transformTable(pre, alignTable(pre, table({ a: [3, 3], c: ['atlantis', null] }), 'new.csv'));
    expect(Array.from(x)).toEqual([3, NaN, 3, NaN]);
  });

  it('round-trips through JSON, and a wrong encode or column count is a ModelFileError', () => {
    expect(parsePreprocessor(JSON.parse(JSON.stringify(pre)), 'p.json')).toEqual(pre);
    expect(() => parsePreprocessor({ ...pre, encode: 'hash' }, 'p.json')).toThrow(/unknown encode "hash"/);
    expect(() => parsePreprocessor({ ...pre, outputNames: ['a'] }, 'p.json')).toThrow(ModelFileError);
  });

  it('keeps at most 254 categories, most frequent first: tree bins are bytes', () => {
    const many = table({ c: Array.from({ length: 600 }, (_, i) => `k${i % 300}`) });
    const fitted = fitPreprocessor({ table: many, features: { numeric: [], categorical: ['c'] }, spec: spec({ encode: 'ordinal', max_categories: 1000 }), target });
    expect(fitted.categorical[0].categories).toHaveLength(254);
  });
});
