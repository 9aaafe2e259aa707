import { DuckDBInstance } from '@duckdb/node-api';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable, type ReadTableOptions } from '../../src/data/read-table.js';
import type { Table } from '../../src/data/table.js';
import { DEFAULT_MISSING_VALUES } from '../../src/spec/defaults.js';
import { duckDbTableEngine } from '../../src/engine/duckdb-engine.js';

const root = resolve(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'pipepilot-duckdb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The engine forced onto every file (minBytes 0), with every fallback recorded. */
function engine() {
  const fallbacks: string[] = [];
  return { fallbacks, engine: duckDbTableEngine({ minBytes: 0, onFallback: (r) => fallbacks.push(r) }) };
}

/** A table as plain data where -0, NaN and null stay distinct, so toEqual compares cell for cell. */
function plain(table: Table): unknown {
  return {
    rowCount: table.rowCount,
    columns: [...table.columns].map(([name, c]) => ({
      name, kind: c.kind,
      values: c.kind === 'numeric' ? Array.from(c.values, (v) => (Object.is(v, -0) ? '-0' : Number.isNaN(v) ? 'NaN' : v)) : c.values,
    })),
  };
}

/** Both readers on one file: the same table, or the same error message. */
async function bothReaders(path: string, opts: ReadTableOptions): Promise<{ js: unknown; engine: unknown; fallbacks: string[] }> {
  const bytes = new Uint8Array(readFileSync(path));
  const settle = (p: Promise<Table>) => p.then(plain, (e: unknown) => ({ error: e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e) }));
  const { engine: duck, fallbacks } = engine();
  return { js: await settle(readTable(bytes, opts)), engine: await settle(duck.readTable({ bytes, path }, opts)), fallbacks };
}

function options(file: string, format: ReadTableOptions['format'], extra: Partial<ReadTableOptions> = {}): ReadTableOptions {
  return { file, format, missingValues: [...DEFAULT_MISSING_VALUES], ...extra };
}

describe('the DuckDB engine reads what the JS readers read', () => {
  const natively = [
    ['pipelines/data/breast-cancer.csv', 'csv'],
    ['tests/fixtures/data/penguins.zstd.parquet', 'parquet'],
    ['tests/fixtures/data/penguins.snappy.parquet', 'parquet'],
    ['tests/fixtures/data/penguins.gzip.parquet', 'parquet'],
    ['tests/fixtures/data/missing-target.csv', 'csv'],
    ['tests/fixtures/data/infinity.csv', 'csv'],
  ] as const;
  it.each(natively)('%s: the same table, read by DuckDB (no fallback)', async (file, format) => {
    const got = await bothReaders(join(root, file), options(file, format));
    expect(got.engine).toEqual(got.js);
    expect(got.js).not.toHaveProperty('error');
    expect(got.fallbacks).toEqual([]);
  });

  it('a column projection: only the columns asked for, in that order', async () => {
    const file = 'tests/fixtures/data/penguins.zstd.parquet';
    const got = await bothReaders(join(root, file), options(file, 'parquet', { columns: ['Sex', 'id', 'Body Mass (g)'] }));
    expect(got.engine).toEqual(got.js);
    expect((got.engine as { columns: { name: string }[] }).columns.map((c) => c.name)).toEqual(['Sex', 'id', 'Body Mass (g)']);
    const csv = 'pipelines/data/breast-cancer.csv';
    const fromCsv = await bothReaders(join(root, csv), options(csv, 'csv', { columns: ['target', 'mean radius'] }));
    expect(fromCsv.engine).toEqual(fromCsv.js);
  });

  const bad = [
    ['tests/fixtures/data/breast-cancer-bom-crlf.csv', 'csv', {}],
    ['tests/fixtures/data/ragged.csv', 'csv', {}],
    ['tests/fixtures/data/duplicate-header.csv', 'csv', {}],
    ['tests/fixtures/data/header-only.csv', 'csv', {}],
    ['tests/fixtures/data/empty.csv', 'csv', {}],
    ['tests/fixtures/data/garbage.bin', 'csv', {}],
    ['tests/fixtures/data/garbage.bin', 'parquet', {}],
    ['tests/fixtures/data/penguins.json', 'json', {}],
    ['tests/fixtures/data/penguins.zstd.parquet', 'parquet', { columns: ['Speceis'] }],
    ['tests/fixtures/data/missing-target.csv', 'csv', { columns: ['diagnossis'] }],
  ] as const;
  it.each(bad)('%s as %s %j: the same table or the same error as the JS reader', async (file, format, extra) => {
    const got = await bothReaders(join(root, file), options(file, format, extra));
    expect(got.engine).toEqual(got.js);
  });

  it('3,000 rows of every type: in Parquet, plain numbers and text by DuckDB, decimals, dates, booleans by hyparquet; the same as CSV; all as JS types them', async () => {
    const path = join(dir, 'types.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const con = await instance.connect();
    await con.run(`COPY (SELECT (i % 100)::TINYINT AS tiny, (i * 1000003)::BIGINT * 1000003 AS big, (i / 7)::FLOAT AS f,
        CASE WHEN i % 5 = 0 THEN NULL ELSE i / 3 END AS d, (i / 8)::DECIMAL(9, 3) AS dec,
        CASE WHEN i % 4 = 0 THEN ' NA ' WHEN i % 4 = 1 THEN NULL ELSE 'txt' || i END AS s,
        DATE '2024-01-01' + i::INTEGER AS day, i % 2 = 0 AS flag, 9007199254740993::UBIGINT + i AS huge
      FROM range(3000) t(i)) TO '${path}' (FORMAT parquet, ROW_GROUP_SIZE 1000)`);
    await con.run(`COPY (SELECT * FROM '${path}') TO '${path}.csv' (FORMAT csv, HEADER)`);
    con.closeSync();
    // Several chunks and row groups: the rows must come back in file order.
    for (const [file, format] of [[path, 'parquet'], [`${path}.csv`, 'csv']] as const) {
      const got = await bothReaders(file, options(file, format));
      expect(got.js).not.toHaveProperty('error');
      expect(got.engine).toEqual(got.js);
      expect(got.fallbacks).toEqual([]);
    }
  });

  it('without the binding (the bundled action, a platform without a build): the JS readers read, and say why once', async () => {
    const fallbacks: string[] = [];
    const duck = duckDbTableEngine({ minBytes: 0, load: () => Promise.reject(new Error('Cannot find module')), onFallback: (r) => fallbacks.push(r) });
    const path = join(root, 'pipelines/data/breast-cancer.csv');
    const bytes = new Uint8Array(readFileSync(path));
    const opts = options('breast-cancer.csv', 'csv');
    expect(plain(await duck.readTable({ bytes, path }, opts))).toEqual(plain(await readTable(bytes, opts)));
    await duck.readTable({ bytes, path }, opts);
    expect(fallbacks).toEqual([expect.stringContaining('DuckDB (@duckdb/node-bindings) is not available')]);
  });

  it('files below minBytes, or only in memory, are read by the JS readers without loading DuckDB', async () => {
    let loads = 0;
    const duck = duckDbTableEngine({ load: () => { loads++; return Promise.reject(new Error('not to be loaded')); } });
    const path = join(root, 'tests/fixtures/data/missing-target.csv');
    const bytes = new Uint8Array(readFileSync(path));
    await duck.readTable({ bytes, path }, options('missing-target.csv', 'csv'));
    await duck.readTable({ bytes }, options('missing-target.csv', 'csv'));
    expect(loads).toBe(0);
  });
});

// Cells chosen where the two readers could part: number spellings, missing markers with spaces,
// quotes, commas, unicode spaces, line breaks inside quotes, -0, huge exponents.
const cell = fc.oneof(
  fc.constantFrom('', ' ', 'NA', ' NA ', 'nan', '-NaN', 'inf', '-Infinity', '1e400', '-0', '+.5', '5.', '1_0', '0x10', '007', '\u00a03\u00a0', ' 2 ', 'null', '.', '?', 'two\nlines', 'a,b', 'say "hi"'),
  fc.double({ noNaN: true }).map(String),
  fc.integer().map(String),
  fc.string({ maxLength: 6 }),
);

function csvField(value: string): string {
  return /[",\r\n]/.test(value) || value === '' ? `"${value.replace(/"/g, '""')}"` : value;
}

describe('the DuckDB engine on generated CSV', () => {
  it('gives the JS reader\'s table (or error) for any table of awkward cells', async () => {
    let n = 0;
    let native = 0;
    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 1, max: 4 }).chain((cols) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 12 })),
      fc.constantFrom('\n', '\r\n'),
      fc.constantFrom(['', 'NA'], [], [...DEFAULT_MISSING_VALUES]),
      async (rows, newline, missingValues) => {
        const header = rows[0].map((_, i) => `col${i}`).join(',');
        const text = [header, ...rows.map((r) => r.map(csvField).join(','))].join(newline) + newline;
        const path = join(dir, `gen-${n++}.csv`);
        writeFileSync(path, text);
        const got = await bothReaders(path, { file: 'gen.csv', format: 'csv', missingValues });
        expect(got.engine).toEqual(got.js);
        if (got.fallbacks.length === 0) native++;
      },
    ), { numRuns: 40, seed: 10 });
    // Most generated files must really go through DuckDB, or the property says nothing about it.
    expect(native).toBeGreaterThan(20);
  });
});
