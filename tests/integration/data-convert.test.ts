import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../src/data/read-table.js';
import { looksLikeStackTrace, runCli } from '../helpers/cli.js';
import { tempProject } from '../helpers/temp-project.js';

const MISSING = ['', 'NA', 'N/A', 'null', 'NULL', 'NaN', 'nan', '.', '?'];
// A zip code of text digits, a numeric column with a missing marker, a text column with a missing cell.
const CSV = 'zip,income,city,y\n02139,5.5,Boston,1\n10001,NA,,0\n94105,7.25,SF,1\n';

describe('pipepilot data convert (issue 10)', () => {
  it('writes a Parquet file that reads back into the same table, types as inferred from the CSV', async () => {
    const dir = tempProject({ 'raw.csv': CSV });
    const res = await runCli(['data', 'convert', 'raw.csv', 'raw.parquet'], dir);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toBe('raw.parquet: 3 rows, 3 numeric and 1 categorical column(s)\n');
    const csv = await readTable(readFileSync(join(dir, 'raw.csv')), { file: 'raw.csv', format: 'csv', missingValues: MISSING });
    const parquet = await readTable(readFileSync(join(dir, 'raw.parquet')), { file: 'raw.parquet', format: 'parquet', missingValues: MISSING });
    expect(parquet).toEqual(csv);
    // The zip code was numeric in the CSV (leading zero lost), as a run would read it.
    expect(parquet.columns.get('zip')).toEqual({ kind: 'numeric', values: Float64Array.from([2139, 10001, 94105]) });
    expect(parquet.columns.get('city')).toEqual({ kind: 'categorical', values: ['Boston', null, 'SF'] });
  });

  it('honours --missing-values and --format', async () => {
    const dir = tempProject({ 'raw.txt': 'a,b\n1,-\n2,x\n' });
    const res = await runCli(['data', 'convert', 'raw.txt', 'raw.parquet', '--format', 'csv', '--missing-values', '-'], dir);
    expect(res.code).toBe(0);
    const t = await readTable(readFileSync(join(dir, 'raw.parquet')), { file: 'raw.parquet', format: 'parquet', missingValues: [] });
    expect(t.columns.get('b')).toEqual({ kind: 'categorical', values: [null, 'x'] });
  });

  it.each([
    [['data', 'convert', 'nope.csv', 'o.parquet'], 'nope.csv: cannot read the file (ENOENT)'],
    [['data', 'convert', 'raw.csv', 'o.csv'], 'o.csv: the output must be a .parquet file'],
    [['data', 'convert', 'raw.dat', 'o.parquet'], 'raw.dat: cannot tell the format from the extension'],
    [['data', 'convert', 'empty.csv', 'o.parquet'], 'empty.csv: no rows of data'],
  ])('bad input %j exits 2 naming the file', async (args, message) => {
    const dir = tempProject({ 'raw.csv': CSV, 'raw.dat': CSV, 'empty.csv': '' });
    const res = await runCli(args, dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(message);
    expect(looksLikeStackTrace(res.stderr)).toBe(false);
  });
});
