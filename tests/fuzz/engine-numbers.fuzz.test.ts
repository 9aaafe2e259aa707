import { DuckDBInstance } from '@duckdb/node-api';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvSourceSql, plainDecimalColumns, planCsvEngineRead } from '../../src/data/engine-csv.js';
import { textAsNumberOrNullSql } from '../../src/data/engine-sql.js';
import { missingSet, parseNumberLiteral } from '../../src/data/infer-column.js';
import { readTable, type ReadTableOptions } from '../../src/data/read-table.js';
import type { Table } from '../../src/data/table.js';
import { duckDbTableEngine } from '../../src/engine/duckdb-engine.js';
import { DEFAULT_MISSING_VALUES } from '../../src/spec/defaults.js';
import { fuzz, fuzzTimeout } from '../helpers/fuzz.js';

// The DuckDB engine's numeric fast path (issue 10): a CSV column numeric in the first rows is
// converted by DuckDB (textAsNumberOrNullSql), and any cell it leaves to JS sends the column to
// `inferColumn`. These properties check that the Table is the JS reader's bit for bit, and that
// each number DuckDB gives is the one `Number()` gives, on the spellings where the two could part.

const dir = mkdtempSync(join(tmpdir(), 'pipepilot-engine-numbers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const digits = (max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: max });
/** Any literal of the JS grammar: sign, digits (up to 400), a point, digits, an exponent. */
const literal = fc.tuple(fc.constantFrom('', '+', '-'), fc.oneof(digits(20), digits(400)), fc.constantFrom('', '.'), digits(20), fc.constantFrom('', 'e', 'E'), fc.constantFrom('', '+', '-'), fc.integer({ min: 0, max: 400 }))
  .map(([sign, int, point, frac, e, esign, exp]) => {
    const mantissa = int === '' && frac === '' ? '0' : `${int}${point}${frac}`;
    return `${sign}${mantissa}${e === '' ? '' : `${e}${esign}${exp}`}`;
  });
/** Number words and near misses: spellings Number(), DuckDB's cast or the grammar take differently. */
const tricky = fc.constantFrom(
  '1e5', ' 1', '1 ', '\t2', '\u00a03\u00a0', '+1', '-0', '+0', '0x10', '0b1', '0o7', '1_000', '1,000', '1.', '.5', '-.5', '+.5', '.', '+', '-', '1e', 'e1', '1e+', '1.2.3',
  '--1', '+-1', 'Infinity', '-Infinity', '+infinity', 'INF', '-inf', 'Infinityx', 'NaN', 'nan', '-nan', '+NaN', 'nAn', '١', '１', '1e400', '-1e400', '1e-400',
  '4.9e-324', '2.4703282292062328e-324', '2.4703282292062327e-324', '1.7976931348623157e308', '1.7976931348623159e308', '9007199254740993', '0.1', '00.100',
  '', ' ', 'NA', ' NA ', 'null', '?',
);
const cell = fc.oneof(literal, tricky, fc.double().map(String), fc.integer().map(String), fc.bigInt().map(String));

/** The CSV text of a cell: quoted when it must be, or when `quote` says so (a quoted number is still a number). */
function field(value: string, quote: boolean): string {
  return quote || /[",\r\n]/.test(value) || value === '' ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A table as plain data with every number as its 8 bytes, so NaN's sign and -0 count. */
function bits(table: Table): unknown {
  return [...table.columns].map(([name, c]) => ({
    name, kind: c.kind,
    values: c.kind === 'numeric' ? Buffer.from(c.values.buffer, c.values.byteOffset, c.values.byteLength).toString('hex') : c.values,
  }));
}

let files = 0;

async function bothReaders(text: string, opts: ReadTableOptions, sampleRows?: number) {
  const path = join(dir, `t-${files++}.csv`);
  writeFileSync(path, text);
  const bytes = new Uint8Array(readFileSync(path));
  const fallbacks: string[] = [];
  const settle = (p: Promise<Table>) => p.then(bits, (e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }));
  const engine = duckDbTableEngine({ minBytes: 0, sampleRows, onFallback: (r) => fallbacks.push(r) });
  return { js: await settle(readTable(bytes, opts)), engine: await settle(engine.readTable({ bytes, path }, opts)), fallbacks };
}

const missingSets = fc.constantFrom<string[]>(['', 'NA'], [], [...DEFAULT_MISSING_VALUES], ['-999', 'nan']);

describe('fuzz: the DuckDB engine\'s numbers are the JS reader\'s, bit for bit', () => {
  it('every cell through the numeric SQL (sampleRows 0), and with the usual sample: the same Table', async () => {
    let n = 0;
    let native = 0;
    const table = fc.integer({ min: 1, max: 3 }).chain((cols) =>
      fc.array(fc.tuple(fc.array(cell, { minLength: cols, maxLength: cols }), fc.boolean()), { minLength: 1, maxLength: 30 }));
    await fuzz('engine numbers: tables', fc.tuple(table, fc.constantFrom('\n', '\r\n'), missingSets), async ([rows, newline, missingValues]) => {
      // A text column last, so no row is blank (csv-parse skips a blank line; the engine then leaves the file to JS).
      const header = [...rows[0][0].map((_, i) => `x${i}`), 'tag'].join(',');
      const text = [header, ...rows.map(([cells, quote], r) => [...cells.map((c) => field(c, quote)), `r${r}`].join(','))].join(newline) + newline;
      const opts: ReadTableOptions = { file: `gen-${n++}.csv`, format: 'csv', missingValues };
      for (const sampleRows of [0, undefined]) {
        const got = await bothReaders(text, opts, sampleRows);
        expect(got.engine, text).toEqual(got.js);
        if (got.fallbacks.length === 0) native++;
      }
    }, 60);
    // The engine, not its JS fallback, must have read most files, or the property says little.
    expect(native).toBeGreaterThan(n);
  }, fuzzTimeout());

  it('files without a quote (the cast without the per-cell pattern, for columns of plain literals): the same Table', async () => {
    let n = 0;
    let plainFiles = 0;
    // Cells written as they are: nothing that would need quoting, and often whole columns of plain literals.
    const bare = fc.oneof(literal, literal, literal, tricky, fc.double().map(String)).filter((c) => !/[",\r\n]/.test(c));
    const table = fc.integer({ min: 1, max: 3 }).chain((cols) => fc.array(fc.array(bare, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 30 }));
    await fuzz('engine numbers: unquoted tables', fc.tuple(table, fc.constantFrom('\n', '\r\n'), missingSets), async ([rows, newline, missingValues]) => {
      const text = [[...rows[0].map((_, i) => `x${i}`), 'tag'].join(','), ...rows.map((cells, r) => [...cells, `r${r}`].join(','))].join(newline) + newline;
      const plan = planCsvEngineRead(new TextEncoder().encode(text));
      if (plan && plainDecimalColumns(new TextEncoder().encode(text), plan, { emptyIsMissing: missingValues.includes('') })?.some((p, i) => p && i < rows[0].length)) plainFiles++;
      const got = await bothReaders(text, { file: `bare-${n++}.csv`, format: 'csv', missingValues }, 0);
      expect(got.engine, text).toEqual(got.js);
    }, 60);
    // Most files must have had a column cast without the pattern, or the property says little about it.
    expect(plainFiles).toBeGreaterThan(n / 2);
  }, fuzzTimeout());

  it('each cell DuckDB converts is the number (or missing NaN) the JS reader reads; every plain literal is converted', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const con = await instance.connect();
    try {
      await fuzz('engine numbers: cells', fc.tuple(fc.array(cell, { minLength: 1, maxLength: 60 }), missingSets), async ([cells, missingValues]) => {
        const missing = missingSet(missingValues);
        const text = `x,tag\n${cells.map((c, r) => `${field(c, false)},r${r}`).join('\n')}\n`;
        const bytes = new TextEncoder().encode(text);
        const plan = planCsvEngineRead(bytes);
        if (plan === undefined) return;
        const path = join(dir, 'cells.csv');
        writeFileSync(path, bytes);
        const rows = (await con.runAndReadAll(`SELECT c0 AS text, ${textAsNumberOrNullSql(0, missing)} AS value FROM ${csvSourceSql(path, plan)}`)).getRowObjects();
        expect(rows.length).toBe(cells.length);
        rows.forEach(({ text: read, value }, r) => {
          const cellText = cells[r];
          expect(read ?? '', 'DuckDB reads the text csv-parse reads').toBe(cellText);
          const trimmed = cellText.trim();
          const js = missing.has(trimmed) ? NaN : parseNumberLiteral(trimmed);
          if (value !== null) expect(Object.is(value, js), `${JSON.stringify(cellText)}: DuckDB ${String(value)}, JS ${String(js)}`).toBe(true);
          // The fast path's reach: a missing marker as written, or a literal (not NaN) without spaces.
          const plain = missing.has(cellText) || (cellText === trimmed && js !== undefined && !Number.isNaN(js));
          if (plain) expect(value, `${JSON.stringify(cellText)} is left to JS`).not.toBeNull();
        });
      }, 300);
    } finally {
      con.closeSync();
      instance.closeSync();
    }
  }, fuzzTimeout());

  it('1,500 rows, numbers until row 1,200: a spaced number keeps the column numeric, a word makes it text, as in JS', async () => {
    const lines = ['spaced,worded,plain,tag'];
    for (let r = 0; r < 1500; r++) {
      const x = (r * 0.37 - 100).toPrecision(6);
      lines.push(`${r === 1200 ? ` ${x}` : x},${r === 1300 ? 'oops' : x},${r % 97 === 0 ? '' : x},t${r % 3}`);
    }
    const got = await bothReaders(`${lines.join('\n')}\n`, { file: 'late.csv', format: 'csv', missingValues: ['', 'NA'] });
    expect(got.fallbacks).toEqual([]);
    expect(got.engine).toEqual(got.js);
    expect((got.js as { kind: string }[]).map((c) => c.kind)).toEqual(['numeric', 'categorical', 'numeric', 'categorical']);
  });
});
