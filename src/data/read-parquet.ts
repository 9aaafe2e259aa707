import { parquetMetadata, parquetRead, parquetSchema, type ColumnData, type FileMetaData, type SchemaTree } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { DataError } from '../errors.js';
import { unknownColumnError } from './column-suggestion.js';
import type { ReadResult } from './read-csv.js';
import type { Column } from './table.js';

export interface ParquetReadOptions {
  file: string;
  missing: Set<string>;
  columns?: readonly string[];
}

const NUMERIC_TYPES = new Set(['DOUBLE', 'FLOAT', 'INT32', 'INT64']);
const TEMPORAL = new Set(['DATE', 'TIME', 'TIME_MILLIS', 'TIME_MICROS', 'TIMESTAMP', 'TIMESTAMP_MILLIS', 'TIMESTAMP_MICROS']);
// Each read call holds its decoded chunks until it returns, so read a column a slice of row
// groups at a time: this bounds the transient memory without a call per tiny row group.
const ROWS_PER_READ = 1_000_000;

function corrupt(file: string, err: unknown): DataError {
  const reason = err instanceof Error ? err.message : String(err);
  return new DataError(`${file}: not a readable Parquet file: ${reason}`, {
    file, rule: 'parquet', cause: err, hint: 'Check that the file is Parquet and was written completely (format: parquet).',
  });
}

/** The column's type from the schema: numbers (not dates or times) are numeric; text, booleans, dates are categorical. */
function columnKind(node: SchemaTree, file: string): Column['kind'] {
  const { name, type, converted_type: converted, logical_type: logical } = node.element;
  if (node.children.length > 0) {
    throw new DataError(`${file}: column '${name}' is nested (a list, map or struct); only plain columns are supported`, {
      file, column: name, rule: 'parquet', hint: 'Flatten it into scalar columns, or read only the columns you need.',
    });
  }
  if (converted === 'DECIMAL' || logical?.type === 'FLOAT16') return 'numeric';
  const temporal = (converted !== undefined && TEMPORAL.has(converted)) || (logical !== undefined && TEMPORAL.has(logical.type));
  return type !== undefined && NUMERIC_TYPES.has(type) && !temporal ? 'numeric' : 'categorical';
}

function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  return NaN; // null/undefined: missing
}

function toCategory(value: unknown, missing: Set<string>): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return missing.has(value.trim()) ? null : value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
  return String(value);
}

/** Writes one decoded chunk into the column at the chunk's row offset; returns how many rows it wrote. */
function fillChunk(target: Column, chunk: ColumnData, missing: Set<string>): number {
  const data = chunk.columnData;
  const n = Math.min(data.length, target.values.length - chunk.rowStart);
  if (target.kind === 'numeric') {
    if (data instanceof Float64Array) target.values.set(data.subarray(0, n), chunk.rowStart);
    else for (let i = 0; i < n; i++) target.values[chunk.rowStart + i] = toNumber(data[i]);
  } else {
    for (let i = 0; i < n; i++) target.values[chunk.rowStart + i] = toCategory(data[i], missing);
  }
  return n;
}

/** Row ranges covering whole row groups, about ROWS_PER_READ rows each. */
function readRanges(metadata: FileMetaData): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  let end = 0;
  for (const group of metadata.row_groups) {
    end += Number(group.num_rows);
    if (end - start >= ROWS_PER_READ) {
      ranges.push([start, end]);
      start = end;
    }
  }
  if (end > start) ranges.push([start, end]);
  return ranges;
}

async function readColumn(buffer: ArrayBuffer, metadata: FileMetaData, name: string, target: Column, missing: Set<string>): Promise<number> {
  let written = 0;
  for (const [rowStart, rowEnd] of readRanges(metadata)) {
    await parquetRead({
      file: buffer, metadata, compressors, columns: [name], rowStart, rowEnd,
      onChunk: (chunk) => { written += fillChunk(target, chunk, missing); },
    });
  }
  return written;
}

function wholeBuffer(bytes: Uint8Array): ArrayBuffer {
  // A file read on its own already owns its buffer: use it rather than copying 100s of MB.
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  return new Uint8Array(bytes).buffer; // a copy (Buffer#slice would be a view into a shared pool)
}

/**
 * Reads Parquet column by column into typed arrays (no row objects): numbers (INT64 as
 * Number) into Float64Array with NaN for null; strings, booleans and dates (ISO text) as
 * categories. Compression: whatever hyparquet-compressors decodes (SNAPPY, GZIP, ZSTD, BROTLI, LZ4).
 */
export async function readParquet(bytes: Uint8Array, opts: ParquetReadOptions): Promise<ReadResult> {
  const { file } = opts;
  const buffer = wholeBuffer(bytes);
  let metadata: FileMetaData;
  let top: SchemaTree[];
  try {
    metadata = parquetMetadata(buffer);
    top = parquetSchema(metadata).children;
  } catch (err) {
    throw corrupt(file, err);
  }
  const available = top.map((node) => node.element.name);
  const twice = available.find((name, i) => available.indexOf(name) !== i);
  if (twice !== undefined) throw corrupt(file, new Error(`two columns are named '${twice}'`));
  const names = opts.columns ?? available;
  const rowCount = Number(metadata.num_rows);
  const columns = new Map<string, Column>();
  for (const name of names) {
    const node = top.find((n) => n.element.name === name);
    if (node === undefined) throw unknownColumnError(name, available, { file, what: 'column', rule: 'columns' });
    const column: Column = columnKind(node, file) === 'numeric'
      ? { kind: 'numeric', values: new Float64Array(rowCount).fill(NaN) }
      : { kind: 'categorical', values: new Array<string | null>(rowCount).fill(null) };
    let written: number;
    try {
      written = await readColumn(buffer, metadata, name, column, opts.missing);
    } catch (err) {
      throw corrupt(file, err);
    }
    if (written !== rowCount) throw corrupt(file, new Error(`column '${name}' has ${written} values, the footer says ${rowCount} rows`));
    columns.set(name, column);
  }
  return { rowCount, columns, available };
}
