import { isUtf8 } from 'node:buffer';
import type { DataFormat } from '../spec/types.js';
import { DataError } from '../errors.js';
import { unknownColumnError } from './column-suggestion.js';
import { missingSet } from './infer-column.js';
import type { RangedParquetFile } from './parquet-ranges.js';
import { readCsv, type ReadResult } from './read-csv.js';
import { readJson, readJsonl, readRecords } from './read-json.js';
import type { Column, Table } from './table.js';

export interface ReadTableOptions {
  /** The path as the user wrote it, for messages. */
  file: string;
  format: DataFormat;
  /** Strings read as missing (compared after trimming). */
  missingValues: readonly string[];
  /** Read only these columns (all when absent); one the file lacks is an error. */
  columns?: readonly string[];
}

function noRows(file: string): DataError {
  return new DataError(`${file}: no rows of data`, {
    file, rule: 'no_rows', hint: 'The file is empty or holds only a header; point data.source at the file with the data.',
  });
}

/** Text formats must be UTF-8; a NUL byte means a binary file (or UTF-16), which no text parser should see. */
function checkText(bytes: Uint8Array, file: string, format: DataFormat): void {
  if (!isUtf8(bytes) || bytes.includes(0)) {
    throw new DataError(`${file}: not UTF-8 text, so not ${format.toUpperCase()} (binary or another encoding)`, {
      file, rule: 'encoding', hint: `Save the file as UTF-8 ${format.toUpperCase()}, or set data.format to match the file (e.g. parquet).`,
    });
  }
}

function checkSelection(read: ReadResult, wanted: readonly string[] | undefined, file: string): Map<string, Column> {
  const { columns, available } = read;
  if (wanted === undefined) return columns;
  const selected = new Map<string, Column>();
  for (const name of wanted) {
    const column = columns.get(name);
    if (column === undefined) throw unknownColumnError(name, available, { file, what: 'column', rule: 'columns' });
    selected.set(name, column);
  }
  return selected;
}

async function readColumns(bytes: Uint8Array, opts: ReadTableOptions): Promise<ReadResult> {
  const missing = missingSet(opts.missingValues);
  const read = { file: opts.file, missing, columns: opts.columns };
  // Imported here, not at the top: hyparquet and its codecs (~40 modules) cost every CSV or JSON run ~50 ms to load.
  if (opts.format === 'parquet') return (await import('./read-parquet.js')).readParquet(bytes, read);
  checkText(bytes, opts.file, opts.format);
  if (opts.format === 'csv') return readCsv(bytes, read);
  // TextDecoder drops a leading BOM, which JSON.parse would reject.
  const text = new TextDecoder('utf-8').decode(bytes);
  return opts.format === 'json' ? readJson(text, read) : readJsonl(text, read);
}

/**
 * Reads a data file's bytes into a columnar Table. Columns keep file order (JSON: first-seen
 * key order); each is numeric (Float64Array, NaN = missing) when all its present values are
 * numbers, else categorical text (null = missing). Every failure is a DataError naming the
 * file and, where known, the row (1-based line) and column.
 */
export async function readTable(bytes: Uint8Array, opts: ReadTableOptions): Promise<Table> {
  if (bytes.length === 0) throw noRows(opts.file);
  const read = await readColumns(bytes, opts);
  const columns = checkSelection(read, opts.columns, opts.file);
  if (read.rowCount === 0) throw noRows(opts.file);
  return { rowCount: read.rowCount, columns };
}

/**
 * A remote Parquet file read by ranges (its footer and the used columns' chunks, already
 * verified against data.ranges_sha256) as a Table of those columns, each read as `readTable`
 * reads it from the whole file; the file's other columns are named in `fileColumns`.
 */
export async function readRangedTable(ranged: RangedParquetFile, opts: ReadTableOptions): Promise<Table> {
  const { readParquetRanges } = await import('./read-parquet.js');
  const read = await readParquetRanges(ranged.ranges, { file: opts.file, missing: missingSet(opts.missingValues), columns: ranged.columns });
  if (read.rowCount === 0) throw noRows(opts.file);
  return { rowCount: read.rowCount, columns: read.columns, ...(read.columns.size < read.available.length && { fileColumns: read.available }) };
}

/**
 * Records already parsed from JSON (the server's request body) as a Table, typed exactly as
 * `readTable` types a JSON file: a record that is not an object or holds a nested value is a
 * DataError naming the record and column; no records is a DataError.
 */
export function tableFromRecords(records: readonly unknown[], opts: { file: string; missingValues: readonly string[] }): Table {
  const read = readRecords(records, { file: opts.file, missing: missingSet(opts.missingValues) });
  if (read.rowCount === 0) throw noRows(opts.file);
  return { rowCount: read.rowCount, columns: read.columns };
}
