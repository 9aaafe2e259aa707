import { describe, expect, it } from 'vitest';
import { DataError, PipePilotError } from '../../../src/errors.js';
import type { Table } from '../../../src/data/table.js';
import { checkFiniteOutputs } from '../../../src/features/finite-output.js';
import { alignTable, fitPreprocessor, transformTable, type Preprocessor } from '../../../src/features/preprocessor.js';
import type { PreprocessSpec } from '../../../src/spec/types.js';

const spec = (scale: PreprocessSpec['scale'] = 'standard', numeric: PreprocessSpec['impute']['numeric'] = 'median'): PreprocessSpec => ({
  impute: { numeric, categorical: 'most_frequent', fill_numeric: 0, fill_categorical: 'missing' },
  scale,
  encode: 'onehot',
  max_categories: 50,
});
const target = { name: 'y', task: 'regression' as const, classes: [], threshold: 0.5 };

function numericTable(cols: Record<string, number[]>): Table {
  const columns = new Map();
  let rowCount = 0;
  for (const [name, values] of Object.entries(cols)) {
    rowCount = values.length;
    columns.set(name, { kind: 'numeric', values: Float64Array.from(values) });
  }
  return { rowCount, columns };
}

function fitError(values: number[], scale: PreprocessSpec['scale'] = 'standard', impute: PreprocessSpec['impute']['numeric'] = 'median'): DataError | undefined {
  try {
    fitPreprocessor({
      table: numericTable({ ok: values.map(() => 1), alcohol: values }),
      features: { numeric: ['ok', 'alcohol'], categorical: [] },
      spec: spec(scale, impute),
      target,
      // Train rows 0.. are data rows 10.. of the file (a split picks rows out of it).
      origin: { file: 'data/wine.csv', sourceRows: values.map((_, i) => 10 + i) },
    });
    return undefined;
  } catch (err) {
    if (err instanceof DataError) return err;
    throw err;
  }
}

describe('fitting: statistics that overflow name the file, the data row and the column', () => {
  it('a variance that overflows float64: the largest value is named, by its row in the file', () => {
    const err = fitError([1, 2, -3e200, 4]);
    expect(err?.message).toBe("data/wine.csv: data row 13, column 'alcohol': -3e+200 makes the column's variance overflow, so it cannot be scaled");
    expect({ file: err?.file, column: err?.column, row: err?.row, rule: err?.rule }).toEqual({ file: 'data/wine.csv', column: 'alcohol', row: 13, rule: 'finite' });
  });

  it('the boundary: a sum of squared deviations up to the largest float64 fits, past it the square overflows', () => {
    expect(fitError([9e153, -9e153])).toBeUndefined();
    expect(fitError([1e154, -1e154])?.message).toMatch(/variance overflow/);
  });

  it('a sum that overflows (the mean), a mean imputation that overflows, a min-max range that overflows', () => {
    expect(fitError([1e308, 1e308, 1])?.message).toMatch(/data row 11, column 'alcohol': 1e\+308 makes the column's mean overflow/);
    expect(fitError([1e308, 1e308, NaN], 'none', 'mean')?.message).toMatch(/imputation value \(mean\) overflow/);
    expect(fitError([-1e308, 1e308, 0], 'minmax')?.message).toMatch(/data row 11, column 'alcohol'.*range \(max − min\) overflow/);
    expect(fitError([-1e307, 1e307], 'minmax')).toBeUndefined();
  });
});

describe('transforming: a scaled value beyond float32 is refused, not clipped', () => {
  const pre = fitPreprocessor({
    table: numericTable({ alcohol: [0, 1, 2, 3] }),
    features: { numeric: ['alcohol'], categorical: [] },
    spec: spec('none'),
    target,
  });

  it('names the row in the file (through sourceRows) and the column', () => {
    const rows = numericTable({ alcohol: [1, 1e300, 2] });
    const err = (() => {
      try {
        transformTable(pre, rows, { file: 'data/wine.csv', sourceRows: [4, 9, 12] });
      } catch (e) {
        return e as DataError;
      }
    })();
    expect(err).toBeInstanceOf(DataError);
    expect(err?.message).toMatch(/^data\/wine\.csv: data row 10, column 'alcohol': 1e\+300 is too far from the training data to score/);
    expect(err?.row).toBe(10);
  });

  it('the boundary is float32\'s largest value; a request names records', () => {
    const max = 3.4028234663852886e38;
    expect(transformTable(pre, numericTable({ alcohol: [max, -max] })).x).toEqual(Float32Array.of(max, -max));
    expect(() => transformTable(pre, numericTable({ alcohol: [1, 3.41e38] }), { file: 'request', noun: 'record' })).toThrow(
      /^request: record 2, column 'alcohol': 3\.41e\+38/,
    );
  });
});

describe('aligning: a value that is not a finite number is named the same way', () => {
  it('as a data row of a file (through sourceRows), or as a record of a request', () => {
    const pre = fitPreprocessor({ table: numericTable({ alcohol: [0, 1] }), features: { numeric: ['alcohol'], categorical: [] }, spec: spec(), target });
    const rows: Table = { rowCount: 2, columns: new Map([['alcohol', { kind: 'categorical', values: ['1', 'Infinity'] }]]) };
    expect(() => alignTable(pre, rows, { file: 'wine.csv', sourceRows: [3, 8] })).toThrow(/^wine\.csv: data row 9, column 'alcohol': expected a finite number, got 'Infinity'$/);
    expect(() => alignTable(pre, rows, { file: 'request', noun: 'record' })).toThrow(/^request: record 2, column 'alcohol'/);
  });
});

describe('model outputs: nothing non-finite becomes an answer', () => {
  const pre: Preprocessor = {
    format: 'pipepilot-preprocessor/v1',
    numeric: [{ name: 'a', fill: 0, center: 0, scale: 1 }, { name: 'alcohol', fill: 0, center: 0, scale: 1 }],
    categorical: [],
    outputNames: ['a', 'alcohol'],
    target: { name: 'y', task: 'binary_classification', classes: ['no', 'yes'], threshold: 0.5 },
  };
  const rows = numericTable({ a: [1, 2], alcohol: [3, 2e30] });
  const transformed = { x: Float32Array.of(1, 3, 2, 2e30), rows: 2, cols: 2 };

  it('probabilities of exactly 0 and 1 are answers', () => {
    expect(() => checkFiniteOutputs(pre, rows, transformed, Float32Array.of(0, 1), 'x.csv')).not.toThrow();
  });

  it('a NaN or infinite output names the row and its most extreme input column', () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      let err: unknown;
      try {
        checkFiniteOutputs(pre, rows, transformed, Float32Array.of(0.5, bad), { file: 'x.csv', sourceRows: [6, 7] });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(DataError);
      expect((err as DataError).message).toMatch(new RegExp(`^x\\.csv: data row 8, column 'alcohol': the model's output for this row is ${bad}`));
      expect((err as DataError).column).toBe('alcohol');
    }
  });

  it('a non-finite output for a row whose inputs are all in range blames the weights, not the row', () => {
    let err: unknown;
    try {
      checkFiniteOutputs(pre, rows, transformed, Float32Array.of(NaN, 0.5), 'x.csv');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PipePilotError);
    expect(err).not.toBeInstanceOf(DataError);
    expect((err as Error).message).toMatch(/data row 1: the model's output is NaN although every input is in range/);
  });
});
