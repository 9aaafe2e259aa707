import { createHash } from 'node:crypto';
import { parquetMetadata, parquetSchema, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { DataError } from '../errors.js';
import type { DataSpec } from '../spec/types.js';

/**
 * A remote Parquet file read by ranges (issue 10, `data.read: ranges`): the footer and the
 * column chunks the pipeline uses, never the rest. What is fetched, how it is hashed into the pin
 * (`data.ranges_sha256`) and how the reader is served from it are decided here, without I/O; the
 * shell (src/fetch/parquet-ranges.ts) does the requests.
 *
 * The whole-file sha256 cannot be checked without the whole file, so the pin covers exactly the
 * bytes used: the sha256 of `encodeRanges` (a header with the file's size, then each fetched
 * range's offset, length and bytes in file order, the footer last). It changes when the file's
 * footer or a used chunk changes, and when the pipeline's columns change (other chunks are read).
 */

/** Chunks fewer than this many bytes apart are fetched as one range, gap included: hyparquet coalesces its reads by the same rule, so every read it makes falls inside one range. */
export const RANGE_GAP_BYTES = 1 << 13;
/** The bytes fetched first from the end of the file: the footer of most files, in one request. */
export const TAIL_BYTES = 1 << 16;
const MAGIC = 'PAR1';
const HEADER = 'pipepilot parquet ranges v1\n';

export interface ByteRange {
  start: number;
  /** Exclusive. */
  end: number;
}

/** Verified bytes of a Parquet file: the ranges in file order (the last is the footer) and the file's size. */
export interface ParquetRanges {
  fileSize: number;
  ranges: { start: number; bytes: Uint8Array }[];
}

/** A ranges read as the data source hands it to the reader: the bytes, the columns to decode, and the pin they matched. */
export interface RangedParquetFile {
  ranges: ParquetRanges;
  /** The columns whose chunks were fetched, in file order. */
  columns: string[];
  /** `sha256:<data.ranges_sha256>`: the data set's fingerprint for the content key and lineage. */
  fingerprint: string;
}

function notParquet(file: string, why: string): DataError {
  return new DataError(`${file}: not a readable Parquet file: ${why}`, {
    file, rule: 'parquet', hint: 'data.read: ranges reads Parquet only; check data.source and data.format.',
  });
}

/**
 * The footer's range from the file's last bytes (`tail`, ending at `fileSize`): the Thrift
 * metadata, its 4-byte length and the magic `PAR1`.
 */
export function footerRange(tail: Uint8Array, fileSize: number, file: string): ByteRange {
  if (fileSize < 12 || tail.length < 8) throw notParquet(file, `${fileSize} bytes is too short`);
  const end = tail.subarray(tail.length - 8);
  if (new TextDecoder().decode(end.subarray(4)) !== MAGIC) throw notParquet(file, 'no PAR1 at its end');
  const metadataLength = new DataView(end.buffer, end.byteOffset, 8).getUint32(0, true);
  const start = fileSize - 8 - metadataLength;
  if (start < 4) throw notParquet(file, `its footer claims ${metadataLength} bytes, more than the file holds`);
  return { start, end: fileSize };
}

/** The file's metadata from its footer bytes (exactly the footer range). */
export function footerMetadata(footer: Uint8Array, file: string): FileMetaData {
  try {
    return parquetMetadata(new Uint8Array(footer).buffer);
  } catch (err) {
    throw notParquet(file, err instanceof Error ? err.message : String(err));
  }
}

/** The file's top-level column names, in order. */
export function topColumns(metadata: FileMetaData): string[] {
  return parquetSchema(metadata).children.map((node) => node.element.name);
}

/**
 * The columns a pipeline reads, in file order: with `features.infer` every column but the
 * dropped ones; else the target, the listed features and the slice columns. A named column the
 * file lacks is left to the feature schema, which reports it as for a whole read.
 */
export function columnsToRead(data: DataSpec, sliceColumns: readonly string[], available: readonly string[]): string[] {
  if (data.features.infer) {
    const dropped = new Set(data.drop);
    return available.filter((name) => !dropped.has(name));
  }
  const used = new Set([data.target, ...data.features.numeric, ...data.features.categorical, ...sliceColumns]);
  return available.filter((name) => used.has(name));
}

/**
 * The ranges to fetch for `columns`: each row group's chunk of each column (dictionary page
 * included), joined when fewer than RANGE_GAP_BYTES apart, then the footer. In file order.
 */
export function planRanges(metadata: FileMetaData, columns: readonly string[], footer: ByteRange, file: string): ByteRange[] {
  const wanted = new Set(columns);
  const chunks: ByteRange[] = [];
  for (const group of metadata.row_groups) {
    for (const chunk of group.columns) {
      const meta = chunk.meta_data;
      if (meta === undefined || chunk.file_path) throw notParquet(file, 'a column chunk without metadata, or in another file');
      if (!wanted.has(meta.path_in_schema[0])) continue;
      const start = Number(meta.dictionary_page_offset || meta.data_page_offset);
      const end = start + Number(meta.total_compressed_size);
      if (!(start >= 0 && end <= footer.start && end >= start)) throw notParquet(file, `column '${meta.path_in_schema[0]}' lies outside the file's data`);
      chunks.push({ start, end });
    }
  }
  chunks.sort((a, b) => a.start - b.start);
  const merged: ByteRange[] = [];
  for (const chunk of chunks) {
    const last = merged.at(-1);
    if (last !== undefined && chunk.start - last.end <= RANGE_GAP_BYTES) last.end = Math.max(last.end, chunk.end);
    else merged.push({ ...chunk });
  }
  return [...merged, footer];
}

function twoNumbers(a: number, b: number): Uint8Array {
  const out = new Uint8Array(16);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(a));
  view.setBigUint64(8, BigInt(b));
  return out;
}

/**
 * The bytes the pin hashes and the cache stores, as parts (the ranges' own bytes not copied):
 * header, file size and range count, then each range's offset and length, and its bytes.
 */
export function encodedParts(read: ParquetRanges): Uint8Array[] {
  const parts = [new TextEncoder().encode(HEADER), twoNumbers(read.fileSize, read.ranges.length)];
  for (const range of read.ranges) parts.push(twoNumbers(range.start, range.bytes.length), range.bytes);
  return parts;
}

/** encodedParts joined into one buffer. */
export function encodeRanges(read: ParquetRanges): Uint8Array {
  return new Uint8Array(Buffer.concat(encodedParts(read)));
}

/** The inverse of encodeRanges; undefined for bytes it did not write (a damaged cache entry). */
export function decodeRanges(bytes: Uint8Array): ParquetRanges | undefined {
  const header = new TextEncoder().encode(HEADER);
  if (bytes.length < header.length + 16 || !header.every((b, i) => bytes[i] === b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = header.length;
  const fileSize = Number(view.getBigUint64(at));
  const count = Number(view.getBigUint64(at + 8));
  at += 16;
  const ranges: ParquetRanges['ranges'] = [];
  for (let i = 0; i < count; i++) {
    if (at + 16 > bytes.length) return undefined;
    const start = Number(view.getBigUint64(at));
    const length = Number(view.getBigUint64(at + 8));
    if (at + 16 + length > bytes.length) return undefined;
    ranges.push({ start, bytes: bytes.subarray(at + 16, at + 16 + length) });
    at += 16 + length;
  }
  return at === bytes.length ? { fileSize, ranges } : undefined;
}

/** The pin of a ranges read: sha256 of encodeRanges, as 64 hex digits. */
export function rangesDigest(read: ParquetRanges): string {
  const hash = createHash('sha256');
  for (const part of encodedParts(read)) hash.update(part);
  return hash.digest('hex');
}

/** True when `read` holds exactly `plan`'s ranges (a cached read made for the same columns). */
export function coversExactly(read: ParquetRanges, plan: readonly ByteRange[]): boolean {
  return read.ranges.length === plan.length && plan.every((p, i) => read.ranges[i].start === p.start && read.ranges[i].bytes.length === p.end - p.start);
}

/**
 * The verified ranges as the file hyparquet reads: a slice inside one range is served from it;
 * any other is a bug (the reader asked for bytes the pin does not cover) and throws.
 */
export function rangedBuffer(read: ParquetRanges): AsyncBuffer {
  return {
    byteLength: read.fileSize,
    slice(start: number, end: number = read.fileSize): ArrayBuffer {
      const range = read.ranges.find((r) => r.start <= start && end <= r.start + r.bytes.length);
      if (range === undefined) throw new Error(`bytes ${start}-${end} were not fetched (not in the pinned ranges)`);
      return new Uint8Array(range.bytes.subarray(start - range.start, end - range.start)).buffer;
    },
  };
}
