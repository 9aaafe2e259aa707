import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/errors.js';
import { tableFromRecords } from '../../../src/data/read-table.js';

const opts = { file: 'request', missingValues: ['', 'NA'] };

describe('tableFromRecords', () => {
  it('types parsed records as a JSON file is typed: numbers, text, missing markers, absent keys', () => {
    const t = tableFromRecords([{ a: 1, b: 'x' }, { a: '2.5', b: null }, { a: 'NA' }], opts);
    expect(t.rowCount).toBe(3);
    expect(t.columns.get('a')).toEqual({ kind: 'numeric', values: Float64Array.of(1, 2.5, NaN) });
    expect(t.columns.get('b')).toEqual({ kind: 'categorical', values: ['x', null, null] });
  });

  it('refuses no records, a record that is not an object, and nested values, naming record and column', () => {
    expect(() => tableFromRecords([], opts)).toThrow(DataError);
    expect(() => tableFromRecords([{ a: 1 }, 'x'], opts)).toThrow(/request: record 2: "x" is not a record/);
    const nested = (() => {
      try {
        tableFromRecords([{ a: { b: 1 } }], opts);
      } catch (err) {
        return err as DataError;
      }
    })();
    expect(nested?.column).toBe('a');
  });
});
