import { parquetMetadata, parquetRead, parquetSchema, type AsyncBuffer, type ColumnData, type FileMetaData, type SchemaTree } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { DataError } from '../errors.js';
import { unknownColumnError } from './column-suggestion.js';
import { footerMetadata, rangedBuffer, type ParquetRanges } from './parquet-ranges.js';
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

export function corrupt(file: string, err: unknown): DataError {
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

/**
 * Writes one decoded chunk into the column at the chunk's row offset (less `base`, the first
 * file row the column holds); returns how many rows it wrote.
 */
export function fillChunk(target: Column, chunk: ColumnData, missing: Set<string>, base = 0): number {
  const data = chunk.columnData;
  const start = chunk.rowStart - base;
  const n = Math.min(data.length, target.values.length - start);
  if (target.kind === 'numeric') {
    if (data instanceof Float64Array) target.values.set(data.subarray(0, n), start);
    else for (let i = 0; i < n; i++) target.values[start + i] = toNumber(data[i]);
  } else {
    for (let i = 0; i < n; i++) target.values[start + i] = toCategory(data[i], missing);
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

async function readColumn(buffer: AsyncBuffer, metadata: FileMetaData, name: string, target: Column, missing: Set<string>): Promise<number> {
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

/** One column the caller asked for: where it sits in the file, how it will be typed, and whether a native engine may decode it. */
export interface ParquetColumnPlan {
  name: string;
  /** Position among the file's top-level columns. */
  index: number;
  kind: Column['kind'];
  /**
   * A plain number (DOUBLE, FLOAT, INT32, INT64 without a date, time or decimal annotation) or
   * UTF-8 text: an engine decodes it to the same values as hyparquet (issue 10). Others
   * (decimals, dates, booleans, raw bytes) are read by hyparquet.
   */
  plain: boolean;
}

export interface ParquetLayout {
  rowCount: number;
  /** Every top-level column of the file, in order. */
  available: string[];
  columns: ParquetColumnPlan[];
}

const PLAIN_INTEGER = new Set(['INT_8', 'INT_16', 'INT_32', 'INT_64', 'UINT_8', 'UINT_16', 'UINT_32', 'UINT_64']);

function isPlain(node: SchemaTree, kind: Column['kind']): boolean {
  const { type, converted_type: converted, logical_type: logical } = node.element;
  if (kind === 'numeric') {
    return (converted === undefined || PLAIN_INTEGER.has(converted)) && (logical === undefined || logical.type === 'INTEGER');
  }
  return type === 'BYTE_ARRAY' && (converted === 'UTF8' || logical?.type === 'STRING');
}

function footer(buffer: ArrayBuffer, file: string): { metadata: FileMetaData; top: SchemaTree[] } {
  try {
    const metadata = parquetMetadata(buffer);
    return { metadata, top: parquetSchema(metadata).children };
  } catch (err) {
    throw corrupt(file, err);
  }
}

export function layoutOf(metadata: FileMetaData, top: SchemaTree[], opts: ParquetReadOptions): ParquetLayout {
  const { file } = opts;
  const available = top.map((node) => node.element.name);
  const twice = available.find((name, i) => available.indexOf(name) !== i);
  if (twice !== undefined) throw corrupt(file, new Error(`two columns are named '${twice}'`));
  const columns = (opts.columns ?? available).map((name) => {
    const index = available.indexOf(name);
    if (index === -1) throw unknownColumnError(name, available, { file, what: 'column', rule: 'columns' });
    const kind = columnKind(top[index], file);
    return { name, index, kind, plain: isPlain(top[index], kind) };
  });
  return { rowCount: Number(metadata.num_rows), available, columns };
}

/**
 * The file's columns as `readParquet` will type them, from the footer alone, with the same
 * errors (not Parquet, two columns of one name, a nested column, a column the file lacks).
 */
export function parquetLayout(bytes: Uint8Array, opts: ParquetReadOptions): ParquetLayout {
  const { metadata, top } = footer(wholeBuffer(bytes), opts.file);
  return layoutOf(metadata, top, opts);
}

/**
 * Reads Parquet column by column into typed arrays (no row objects): numbers (INT64 as
 * Number) into Float64Array with NaN for null; strings, booleans and dates (ISO text) as
 * categories. Compression: whatever hyparquet-compressors decodes (SNAPPY, GZIP, ZSTD, BROTLI, LZ4).
 */
export async function readParquet(bytes: Uint8Array, opts: ParquetReadOptions): Promise<ReadResult> {
  const buffer = wholeBuffer(bytes);
  return readParquetFile(buffer, footer(buffer, opts.file), opts);
}

/**
 * Reads the columns of a Parquet file fetched by ranges (the footer and those columns' chunks,
 * verified against the pin; src/data/parquet-ranges.ts), exactly as `readParquet` reads them
 * from the whole file.
 */
export async function readParquetRanges(ranges: ParquetRanges, opts: ParquetReadOptions & { columns: readonly string[] }): Promise<ReadResult> {
  const last = ranges.ranges.at(-1);
  if (last === undefined) throw corrupt(opts.file, new Error('no footer was read'));
  let parsed: { metadata: FileMetaData; top: SchemaTree[] };
  try {
    const metadata = footerMetadata(last.bytes, opts.file);
    parsed = { metadata, top: parquetSchema(metadata).children };
  } catch (err) {
    throw err instanceof DataError ? err : corrupt(opts.file, err);
  }
  return readParquetFile(rangedBuffer(ranges), parsed, opts);
}

async function readParquetFile(buffer: AsyncBuffer, parsed: { metadata: FileMetaData; top: SchemaTree[] }, opts: ParquetReadOptions): Promise<ReadResult> {
  const { file } = opts;
  const { metadata, top } = parsed;
  const { rowCount, available, columns: plans } = layoutOf(metadata, top, opts);
  const columns = new Map<string, Column>();
  for (const { name, kind } of plans) {
    const column: Column = kind === 'numeric'
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
