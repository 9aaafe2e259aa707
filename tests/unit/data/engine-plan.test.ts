import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { plainDecimalColumns, planCsvEngineRead } from '../../../src/data/engine-csv.js';
import { DECIMAL_LITERAL } from '../../../src/data/infer-column.js';
import { fuzz } from '../../helpers/fuzz.js';
import { textAsCategorySql, textAsNumberOrNullSql } from '../../../src/data/engine-sql.js';
import { parquetLayout } from '../../../src/data/read-parquet.js';
import { fixture } from './fixture.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('planCsvEngineRead: which CSV files DuckDB may read', () => {
  it('a plain LF or CRLF file: its header, and the row count when no quote could hide a line break', () => {
    expect(planCsvEngineRead(bytes('a,b\n1,2\n3,4\n'))).toEqual({ header: ['a', 'b'], expectedRows: 2, maxRows: 2 });
    expect(planCsvEngineRead(bytes('a,b\r\n1,2\r\n3,4'))).toEqual({ header: ['a', 'b'], expectedRows: 2, maxRows: 2 });
    expect(planCsvEngineRead(bytes('\ufeffa,b\n1,2\n'))).toEqual({ header: ['a', 'b'], expectedRows: 1, maxRows: 1 });
    expect(planCsvEngineRead(bytes('a,b\n1,"x,y"\n'))).toEqual({ header: ['a', 'b'], maxRows: 1 });
    // A quoted line break: two lines, one row; the line count only bounds the rows.
    expect(planCsvEngineRead(bytes('a,b\n1,"x\ny"\n'))).toEqual({ header: ['a', 'b'], maxRows: 2 });
  });

  it.each([
    ['a blank line (csv-parse skips it, DuckDB reads a row)', 'a\n1\n\n2\n'],
    ['a blank CRLF line', 'a\r\n1\r\n\r\n2\r\n'],
    ['mixed line endings', 'a,b\r\n1,2\n3,4\r\n'],
    ['a lone CR', 'a,b\r1,2\n'],
    ['a quoted header', '"a",b\n1,2\n'],
    ['a header naming a column twice', 'a,a\n1,2\n'],
    ['a header with an empty name', 'a,,b\n1,2,3\n'],
    ['no line break at all', 'a,b'],
    ['a NUL byte', 'a,b\n1,\u00002\n'],
  ])('%s: the JS reader reads it', (_what, text) => {
    expect(planCsvEngineRead(bytes(text))).toBeUndefined();
  });

  it('text that is not UTF-8: the JS reader reports it', () => {
    expect(planCsvEngineRead(new Uint8Array([0x61, 0x0a, 0xff, 0xfe, 0x0a]))).toBeUndefined();
  });
});

describe('plainDecimalColumns: the numeric columns DuckDB may cast without the per-cell pattern', () => {
  const plainOf = (text: string, emptyIsMissing = true) => {
    const b = bytes(text);
    const plan = planCsvEngineRead(b);
    if (plan === undefined) throw new Error('no plan');
    return plainDecimalColumns(b, plan, { emptyIsMissing });
  };

  it('a column of plain literals is plain; one cell the grammar refuses (or an empty cell that is no marker) leaves the column to the pattern', () => {
    expect(plainOf('a,b,c\n1,+.5,x\n-2.,1e5,1\n.5,-1.5E-3,2\n')).toEqual([true, true, false]);
    expect(plainOf('a,b\n1,\n2,3\n')).toEqual([true, true]);
    expect(plainOf('a,b\n1,\n2,3\n', false)).toEqual([true, false]);
    expect(plainOf('a,b\r\n1,2\r\n3,4')).toEqual([true, true]); // CRLF, and a last row without a line break
    expect(plainOf('a,b\r\n1,2\r\n3,4x')).toEqual([true, false]);
    for (const cell of [' 1', '1 ', '+-1', '--1', '1e', 'e1', '.', '+', '1.2.3', '1e5.', '0x10', '1_000', 'NaN', 'inf', 'Infinity', '١']) {
      expect(plainOf(`a,b\n1,${cell}\n`), JSON.stringify(cell)).toEqual([true, false]);
    }
  });

  it('a file with a quote character (a comma or line break may be inside a cell): undefined, every column goes through the pattern', () => {
    expect(plainOf('a,b\n1,"2"\n')).toBeUndefined();
  });

  it("accepts a cell exactly when infer-column's DECIMAL_LITERAL does (fuzzed spellings)", async () => {
    const unit = fc.constantFrom(...'0123456789+-.eE'.split(''), ...'0123456789'.split(''), ' ', 'x', 'i', 'n', '_', '\t');
    await fuzz('plain decimal cells', fc.array(fc.string({ unit, maxLength: 12 }), { minLength: 1, maxLength: 8 }), async (cells) => {
      // A first cell that is plain keeps every row non-blank (a blank line sends the file to JS).
      const got = plainOf(`a,b\n${cells.map((c) => `0,${c}`).join('\n')}\n`);
      expect(got).toEqual([true, cells.every((c) => c === '' || DECIMAL_LITERAL.test(c))]);
    }, 2000);
  });
});

describe('the typing SQL', () => {
  it('names every column by position only, so a file\'s names never reach SQL', () => {
    const sql = textAsNumberOrNullSql(1, new Set(['NA', "it's"]));
    expect(sql).toContain("list_contains(['NA', 'it''s'], coalesce(c1, ''))");
    expect(sql).toContain('TRY_CAST(c1 AS DOUBLE)');
    expect(sql).not.toContain('trim('); // a cell with whitespace at an end is left to JS (NULL)
  });

  it('with no missing markers, nothing is missing', () => {
    expect(textAsNumberOrNullSql(0, new Set())).toMatch(/^CASE WHEN false THEN/);
    expect(textAsCategorySql(0, new Set(), new Set())).toBe('CASE WHEN c0 IS NULL OR false THEN NULL ELSE c0 END');
  });
});

describe('parquetLayout: what DuckDB may decode', () => {
  it('plain numbers and UTF-8 text are plain; the INT64 id too; dates and booleans are not', () => {
    const layout = parquetLayout(fixture('penguins.zstd.parquet'), { file: 'p.parquet', missing: new Set() });
    const plain = Object.fromEntries(layout.columns.map((c) => [c.name, c.plain]));
    expect(plain).toMatchObject({ id: true, Species: true, 'Body Mass (g)': true, adult: false, measured_on: false });
    expect(layout.rowCount).toBe(28);
  });

  it('a column the file lacks is the JS reader\'s error, from the footer alone', () => {
    expect(() => parquetLayout(fixture('penguins.zstd.parquet'), { file: 'p.parquet', missing: new Set(), columns: ['Speceis'] }))
      .toThrow(/Speceis/);
  });

  it('bytes that are not Parquet are a DataError naming the file', () => {
    expect(() => parquetLayout(new Uint8Array(readFileSync(new URL('../../fixtures/data/garbage.bin', import.meta.url))), { file: 'g.parquet', missing: new Set() }))
      .toThrow(/g\.parquet: not a readable Parquet file/);
  });
});
