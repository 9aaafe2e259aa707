import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/errors.js';
import { readTable, type ReadTableOptions } from '../../../src/data/read-table.js';
import type { Column, Table } from '../../../src/data/table.js';
import { fixture, MISSING } from './fixture.js';

function read(name: string, format: ReadTableOptions['format'], extra: Partial<ReadTableOptions> = {}): Promise<Table> {
  return readTable(fixture(name), { file: name, format, missingValues: MISSING, ...extra });
}

function col(table: Table, name: string): Column {
  const column = table.columns.get(name);
  if (column === undefined) throw new Error(`no column ${name}`);
  return column;
}

function nums(table: Table, name: string): number[] {
  const column = col(table, name);
  expect(column.kind).toBe('numeric');
  return Array.from(column.values as Float64Array);
}

async function dataError(promise: Promise<unknown>): Promise<DataError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(DataError);
  return err as DataError;
}

describe('readTable: CSV', () => {
  it('reads a BOM + CRLF file with quoted commas, quotes and line breaks', async () => {
    const t = await read('breast-cancer-bom-crlf.csv', 'csv');
    expect(t.rowCount).toBe(20);
    expect([...t.columns.keys()]).toEqual(['mean_radius', 'mean_texture', 'mean_area', 'diagnosis', 'note']);
    expect(nums(t, 'mean_radius').slice(0, 3)).toEqual([17.99, 20.57, 19.69]);
    expect(nums(t, 'mean_area')[11]).toBe(520);
    const note = col(t, 'note');
    expect(note.kind).toBe('categorical');
    expect(note.values[0]).toBe('first case, "re-read"');
    expect(note.values[1]).toBeNull(); // '' is a missing value
    expect(note.values[2]).toBe('two-line\r\nnote');
    expect(note.values[15]).toBe('line one\nline two');
    expect(col(t, 'diagnosis').values.filter((v) => v === 'benign')).toHaveLength(10);
  });

  it('reads a file that mixes CRLF and LF line endings without a stray \\r in the last cell', async () => {
    const text = 'x,label\n1,benign\r\n2,malignant\n3,benign\r\n4,"two\r\nlines"\n';
    const t = await readTable(new TextEncoder().encode(text), { file: 'mixed.csv', format: 'csv', missingValues: MISSING });
    expect(t.rowCount).toBe(4);
    expect(col(t, 'label').values).toEqual(['benign', 'malignant', 'benign', 'two\r\nlines']);
  });

  it('reads only the requested columns, in the requested order', async () => {
    const t = await read('breast-cancer-bom-crlf.csv', 'csv', { columns: ['diagnosis', 'mean_area'] });
    expect([...t.columns.keys()]).toEqual(['diagnosis', 'mean_area']);
  });

  it('names a requested column the file lacks and suggests the near one', async () => {
    const err = await dataError(read('breast-cancer-bom-crlf.csv', 'csv', { columns: ['mean_aera'] }));
    expect(err.column).toBe('mean_aera');
    expect(err.message).toContain("did you mean 'mean_area'?");
    expect(err.hint).toContain("'mean_radius'");
  });

  it('reads Infinity and -inf as numbers so the finite check can name them', async () => {
    const t = await read('infinity.csv', 'csv');
    expect(nums(t, 'mean_texture')[2]).toBe(Infinity);
    expect(nums(t, 'mean_radius')[5]).toBe(-Infinity);
  });

  it('rejects a ragged row, naming its line', async () => {
    const err = await dataError(read('ragged.csv', 'csv'));
    expect(err.row).toBe(4);
    expect(err.message).toBe('ragged.csv:4: row has 3 field(s), the header row has 4');
  });

  it('rejects an unclosed quote', async () => {
    const bytes = new TextEncoder().encode('a,b\n1,"x\n2,3\n');
    const err = await dataError(readTable(bytes, { file: 'q.csv', format: 'csv', missingValues: [] }));
    expect(err.message).toMatch(/^q\.csv:\d+: not valid CSV: Quote Not Closed/);
  });

  it('rejects duplicate and empty header names', async () => {
    const dup = await dataError(read('duplicate-header.csv', 'csv'));
    expect(dup.column).toBe('a');
    expect(dup.message).toContain("names column 'a' twice");
    const empty = await dataError(readTable(new TextEncoder().encode('a,,c\n1,2,3\n'), { file: 'e.csv', format: 'csv', missingValues: [] }));
    expect(empty.message).toBe('e.csv:1: column 2 of the header row has no name');
  });

  it('rejects an empty file and a header without rows', async () => {
    expect((await dataError(read('empty.csv', 'csv'))).message).toBe('empty.csv: no rows of data');
    expect((await dataError(read('header-only.csv', 'csv'))).rule).toBe('no_rows');
  });

  it('rejects binary garbage and invalid UTF-8 without crashing', async () => {
    const err = await dataError(read('garbage.bin', 'csv'));
    expect(err.rule).toBe('encoding');
    const latin1 = Uint8Array.from([0x61, 0x0a, 0xe9, 0x0a]); // 'a\n' then a lone Latin-1 é
    expect((await dataError(readTable(latin1, { file: 'l.csv', format: 'csv', missingValues: [] }))).rule).toBe('encoding');
  });

  it('types a column by all its values: one word makes it categorical, numbers kept as written', async () => {
    const csv = 'zip,n,flag\n02134,1,true\n10001, 2 ,false\nunknown,NA,true\n';
    const t = await readTable(new TextEncoder().encode(csv), { file: 'z.csv', format: 'csv', missingValues: ['NA'] });
    expect(col(t, 'zip').values).toEqual(['02134', '10001', 'unknown']);
    expect(nums(t, 'n')).toEqual([1, 2, NaN]);
    expect(col(t, 'flag').values).toEqual(['true', 'false', 'true']);
  });

  it('does not take hex, empty or partial numbers for numbers', async () => {
    const csv = 'a,b\n0x10,1e\n1,2\n';
    const t = await readTable(new TextEncoder().encode(csv), { file: 'h.csv', format: 'csv', missingValues: [] });
    expect(col(t, 'a').kind).toBe('categorical');
    expect(col(t, 'b').kind).toBe('categorical');
  });
});

describe('readTable: JSON and JSONL', () => {
  it('reads a JSON array with nulls and "." as missing', async () => {
    const t = await read('penguins.json', 'json');
    expect(t.rowCount).toBe(28);
    expect([...t.columns.keys()]).toEqual([
      'Species', 'Island', 'Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)', 'Sex',
    ]);
    const beak = nums(t, 'Beak Length (mm)');
    expect(beak.slice(0, 4)).toEqual([39.1, 39.5, 40.3, NaN]);
    expect(beak.filter(Number.isNaN)).toHaveLength(2);
    const sex = col(t, 'Sex').values;
    expect(sex[0]).toBe('MALE');
    expect(sex[20]).toBeNull(); // "."
    expect(sex.filter((v) => v === null)).toHaveLength(7);
  });

  it('reads JSONL with a blank line to the same table as the JSON array', async () => {
    const a = await read('penguins.json', 'json');
    const b = await read('penguins.jsonl', 'jsonl');
    expect(b).toEqual(a);
  });

  it('rejects a bad JSONL line by its line number', async () => {
    const err = await dataError(read('penguins-bad-line.jsonl', 'jsonl'));
    expect(err.row).toBe(5);
    expect(err.message).toMatch(/^penguins-bad-line\.jsonl:5: not a valid JSON record/);
  });

  it('treats __proto__ and other Object.prototype names as plain columns', async () => {
    const t = await read('proto-keys.json', 'json');
    expect([...t.columns.keys()]).toEqual(['__proto__', 'constructor', 'toString', 'label']);
    expect(nums(t, '__proto__')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(col(t, 'constructor').values.slice(0, 2)).toEqual(['red', 'blue']);
    expect(nums(t, 'toString')[5]).toBe(2.5);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('unions keys across records; a missing key is a missing value; mixed numbers become text', async () => {
    const json = '[{"a": 1, "b": "x"}, {"b": 2, "c": true}, {"a": "3", "c": false}]';
    const t = await readTable(new TextEncoder().encode(json), { file: 'u.json', format: 'json', missingValues: [] });
    expect([...t.columns.keys()]).toEqual(['a', 'b', 'c']);
    expect(nums(t, 'a')).toEqual([1, NaN, 3]);
    expect(col(t, 'b').values).toEqual(['x', '2', null]);
    expect(col(t, 'c').values).toEqual([null, 'true', 'false']);
  });

  it('rejects a record that is not an object, naming its index', async () => {
    const err = await dataError(readTable(new TextEncoder().encode('[{"a": 1}, 7]'), { file: 'r.json', format: 'json', missingValues: [] }));
    expect(err.row).toBe(2);
    expect(err.message).toBe('r.json: record 2: 7 is not a record (an object)');
  });

  it('rejects nested values, naming the column', async () => {
    const err = await dataError(readTable(new TextEncoder().encode('[{"a": {"b": 1}}]'), { file: 'n.json', format: 'json', missingValues: [] }));
    expect(err.column).toBe('a');
    expect(err.hint).toContain('Flatten');
  });

  it('rejects JSON that is not an array, and broken JSON by line', async () => {
    const obj = await dataError(readTable(new TextEncoder().encode('{"a": 1}'), { file: 'o.json', format: 'json', missingValues: [] }));
    expect(obj.message).toBe('o.json: expected a JSON array of records, found object');
    const broken = await dataError(readTable(new TextEncoder().encode('[\n{"a": 1},\n{"a": }\n]'), { file: 'b.json', format: 'json', missingValues: [] }));
    expect(broken.rule).toBe('json');
    expect(broken.message).toMatch(/^b\.json(:3)?: not valid JSON: /); // the line when the runtime reports a position
    expect((await dataError(readTable(new TextEncoder().encode('[]'), { file: 'z.json', format: 'json', missingValues: [] }))).rule).toBe('no_rows');
    expect((await dataError(read('garbage.bin', 'jsonl'))).rule).toBe('encoding');
  });
});

describe('readTable: Parquet', () => {
  it.each(['zstd', 'snappy', 'gzip'])('reads the %s file to the same values as the JSON', async (codec) => {
    const json = await read('penguins.json', 'json');
    const t = await read(`penguins.${codec}.parquet`, 'parquet');
    expect(t.rowCount).toBe(28);
    expect([...t.columns.keys()]).toEqual(['id', ...json.columns.keys(), 'adult', 'measured_on']);
    for (const [name, column] of json.columns) expect(col(t, name)).toEqual(column);
    expect(nums(t, 'id')).toEqual(Array.from({ length: 28 }, (_, i) => i + 1)); // INT64 → Number
    const adult = col(t, 'adult');
    expect(adult.kind).toBe('categorical');
    expect(adult.values.slice(0, 6)).toEqual(['false', 'true', 'false', 'true', null, 'true']);
    expect(col(t, 'measured_on').values[0]).toBe('2007-11-11T00:00:00.000Z');
  });

  it('reads a subset of columns and names one it lacks', async () => {
    const t = await read('penguins.zstd.parquet', 'parquet', { columns: ['Sex', 'id'] });
    expect([...t.columns.keys()]).toEqual(['Sex', 'id']);
    const err = await dataError(read('penguins.zstd.parquet', 'parquet', { columns: ['species'] }));
    expect(err.message).toContain("did you mean 'Species'?");
  });

  it('rejects garbage, a truncated file and a file with a broken page as DataError', async () => {
    expect((await dataError(read('garbage.bin', 'parquet'))).rule).toBe('parquet');
    const good = fixture('penguins.zstd.parquet');
    expect((await dataError(readTable(good.slice(0, 1000), { file: 't.parquet', format: 'parquet', missingValues: [] }))).rule).toBe('parquet');
    const broken = good.slice();
    broken.fill(0x55, 4, 1400); // keep the magic and footer, wreck the pages
    const err = await dataError(readTable(broken, { file: 'x.parquet', format: 'parquet', missingValues: [] }));
    expect(err.message).toMatch(/^x\.parquet: not a readable Parquet file/);
  });
});
