import { parquetMetadataAsync, parquetRead, parquetSchema, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { corrupt, fillChunk, layoutOf, type ParquetColumnPlan, type ParquetLayout, type ParquetReadOptions } from './read-parquet.js';
import type { Column, Table } from './table.js';

/** A Parquet file opened for reading one row group at a time (data.stream, issue 10). */
export interface ParquetStream {
  file: string;
  buffer: AsyncBuffer;
  metadata: FileMetaData;
  layout: ParquetLayout;
  /** File rows [rowStart, rowEnd) of each row group, in file order. */
  groups: { rowStart: number; rowEnd: number }[];
  missing: Set<string>;
}

/**
 * Reads the footer only (the buffer fetches byte ranges: the file is never read whole) and plans
 * the columns as `readParquet` would type them, with its errors (not Parquet, a nested column,
 * a column the file lacks).
 */
export async function openParquetStream(buffer: AsyncBuffer, opts: ParquetReadOptions): Promise<ParquetStream> {
  const { file } = opts;
  if (buffer.byteLength === 0) throw corrupt(file, new Error('the file is empty'));
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(buffer);
  } catch (err) {
    throw corrupt(file, err);
  }
  const layout = layoutOf(metadata, parquetSchema(metadata).children, opts);
  const groups: ParquetStream['groups'] = [];
  let start = 0;
  for (const group of metadata.row_groups) {
    const rows = Number(group.num_rows);
    groups.push({ rowStart: start, rowEnd: start + rows });
    start += rows;
  }
  if (start !== layout.rowCount) throw corrupt(file, new Error(`the row groups hold ${start} rows, the footer says ${layout.rowCount}`));
  return { file, buffer, metadata, layout, groups, missing: opts.missing };
}

/** The named columns of one row group as a Table (typed as `readParquet` types them). */
export async function readRowGroup(stream: ParquetStream, group: { rowStart: number; rowEnd: number }, columns: readonly ParquetColumnPlan[]): Promise<Table> {
  const rows = group.rowEnd - group.rowStart;
  const out = new Map<string, Column>();
  const written = new Map<string, number>();
  for (const { name, kind } of columns) {
    out.set(name, kind === 'numeric'
      ? { kind: 'numeric', values: new Float64Array(rows).fill(NaN) }
      : { kind: 'categorical', values: new Array<string | null>(rows).fill(null) });
    written.set(name, 0);
  }
  if (columns.length > 0 && rows > 0) {
    try {
      await parquetRead({
        file: stream.buffer, metadata: stream.metadata, compressors, columns: columns.map((c) => c.name),
        rowStart: group.rowStart, rowEnd: group.rowEnd,
        onChunk: (chunk) => {
          const target = out.get(chunk.columnName);
          if (target !== undefined) written.set(chunk.columnName, (written.get(chunk.columnName) ?? 0) + fillChunk(target, chunk, stream.missing, group.rowStart));
        },
      });
    } catch (err) {
      throw corrupt(stream.file, err);
    }
  }
  for (const [name, n] of written) {
    if (n !== rows) {
      throw corrupt(stream.file, new Error(`column '${name}' has ${n} values in the row group of rows ${group.rowStart}–${group.rowEnd - 1}, which holds ${rows}`));
    }
  }
  return { rowCount: rows, columns: out };
}

/**
 * What reads a stream's row groups in the passes of a streamed run: each scan yields one Table
 * per row group, in file order, typed as `readRowGroup` types them. hyparquet by default
 * (`hyparquetRowGroups`); a native engine may plug in its own (src/engine/duckdb-row-groups.ts),
 * which must give the same Tables, so the split, the sums and every output do not depend on it.
 */
export interface RowGroupReader {
  /** For the log: who decodes the row groups. */
  readonly name: string;
  /** Every row group in turn, with these columns. */
  scan(columns: readonly ParquetColumnPlan[]): AsyncIterable<Table>;
  close(): void;
}

/** The row groups decoded by hyparquet from the stream's buffer, one positioned read per column chunk. */
export function hyparquetRowGroups(stream: ParquetStream): RowGroupReader {
  return {
    name: 'hyparquet',
    scan: (columns) => readRowGroupsFrom(stream, 0, columns),
    close: () => {},
  };
}

/** Row groups `first`… to the end, by hyparquet: a whole scan, or the rest of one a native reader could not finish. */
export async function* readRowGroupsFrom(stream: ParquetStream, first: number, columns: readonly ParquetColumnPlan[]): AsyncGenerator<Table> {
  for (let g = first; g < stream.groups.length; g++) yield await readRowGroup(stream, stream.groups[g], columns);
}
