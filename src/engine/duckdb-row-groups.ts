import type { Connection, DataChunk } from '@duckdb/node-bindings';
import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataError } from '../errors.js';
import { numberAsDoubleSql, positionalAlias, positionalName, sqlString } from '../data/engine-sql.js';
import { readRowGroup, readRowGroupsFrom, type ParquetStream, type RowGroupReader } from '../data/parquet-stream.js';
import { fillChunk, type ParquetColumnPlan } from '../data/read-parquet.js';
import type { Column, Table } from '../data/table.js';
import { doubleBytes, openDuck, readTexts, streamChunks, type DuckBindings, type DuckSession } from './duckdb-native.js';

/**
 * DuckDB's settings for a streamed run. One thread per core decodes row groups ahead of the
 * reader; a streamed result holds only a small buffer of chunks (streaming_buffer_size), so
 * DuckDB's memory is a few row groups' decoded columns, whatever the file's size. The limit
 * makes that a bound: a scan that would need more fails (and hyparquet reads on), never swaps.
 */
const SETTINGS = { temp_directory: join(tmpdir(), 'pipepilot-duckdb'), memory_limit: '512MB' };

/**
 * The row groups of a Parquet file on disk decoded by DuckDB (issue 10, `data.stream`): each scan
 * is one streamed `SELECT` of the used columns, read chunk by chunk into one Table per row group —
 * the Tables hyparquet's `readRowGroup` gives (numbers as DOUBLE with NaN for NULL, text through
 * the same `fillChunk`), so every output of the run is the one the JS path writes.
 *
 * The rows must come in the file's order (the split hashes each row's number): each chunk carries
 * DuckDB's `file_row_number`, and a chunk out of order, a row group of another size, or any DuckDB
 * error hands the rest of the scan, from the row group being filled, to hyparquet (said once
 * through `onFallback`). Columns DuckDB might type differently (decimals, dates, booleans, raw
 * bytes: not `plain`) are read by hyparquet, row group by row group beside DuckDB's. The file is the one the caller
 * hashed: its size, inode and mtime are checked before and after every scan, since DuckDB opens it
 * by path, not through the caller's handle. Undefined (hyparquet reads) when DuckDB cannot start.
 */
export async function duckDbRowGroups(
  duck: DuckBindings, path: string, stream: ParquetStream, onFallback: (reason: string) => void,
): Promise<RowGroupReader | undefined> {
  const identity = await fileIdentity(path);
  if (identity.size !== stream.buffer.byteLength) throw changed(stream.file);
  let session: DuckSession;
  try {
    session = await openDuck(duck, SETTINGS);
  } catch (err) {
    onFallback(`DuckDB could not start (${err instanceof Error ? err.message.split('\n')[0] : String(err)}): hyparquet decodes the row groups of ${stream.file}`);
    return undefined;
  }
  let fellBack = false;
  const fallBack = (reason: string) => {
    if (!fellBack) onFallback(reason);
    fellBack = true;
  };
  return {
    name: 'duckdb',
    async *scan(columns) {
      const plain = columns.filter((c) => c.plain);
      if (fellBack || plain.length === 0) {
        yield* readRowGroupsFrom(stream, 0, columns);
        return;
      }
      const others = columns.filter((c) => !c.plain);
      await checkUnchanged(path, identity, stream.file);
      let group = 0;
      for await (const table of scanWithFallback(duck, session, path, stream, plain, fallBack)) {
        if (others.length > 0) {
          // Decimals, dates, booleans and raw bytes: hyparquet, as the JS reader types them, beside DuckDB's columns.
          const rest = await readRowGroup(stream, stream.groups[group], others);
          yield { rowCount: table.rowCount, columns: new Map(columns.map((c) => [c.name, (table.columns.get(c.name) ?? rest.columns.get(c.name)) as Column])) };
        } else {
          yield table;
        }
        group++;
      }
      await checkUnchanged(path, identity, stream.file);
    },
    close: () => session.close(),
  };
}

async function* scanWithFallback(
  duck: DuckBindings, session: DuckSession, path: string, stream: ParquetStream, columns: readonly ParquetColumnPlan[], fallBack: (reason: string) => void,
): AsyncGenerator<Table> {
  let done = 0;
  try {
    for await (const table of scanRowGroups(duck, session.con, path, stream, columns)) {
      yield table;
      done++;
    }
  } catch (err) {
    if (err instanceof DataError) throw err;
    fallBack(`DuckDB could not stream ${stream.file} (${err instanceof Error ? err.message.split('\n')[0] : String(err)}): hyparquet reads its row groups from row group ${done + 1} on`);
    yield* readRowGroupsFrom(stream, done, columns);
  }
}

/** A row group being filled from DuckDB's chunks. */
interface Filling {
  group: number;
  rows: number;
  /** Rows written so far. */
  at: number;
  columns: Column[];
}

function startGroup(stream: ParquetStream, group: number, columns: readonly ParquetColumnPlan[]): Filling {
  const { rowStart, rowEnd } = stream.groups[group];
  const rows = rowEnd - rowStart;
  return {
    group, rows, at: 0,
    // Every cell is written from a chunk before the table is handed on, so no initial values.
    columns: columns.map((c) => (c.kind === 'numeric' ? { kind: 'numeric', values: new Float64Array(rows) } : { kind: 'categorical', values: new Array<string | null>(rows) })),
  };
}

async function* scanRowGroups(duck: DuckBindings, con: Connection, path: string, stream: ParquetStream, columns: readonly ParquetColumnPlan[]): AsyncGenerator<Table> {
  const width = stream.layout.available.length;
  // Numbers are cast to DOUBLE in SQL (NaN for NULL, as toNumber reads a null); text comes as
  // written and is typed in JS by fillChunk, the very code hyparquet's values go through.
  const select = columns.map((c) => (c.kind === 'numeric' ? numberAsDoubleSql(c.index) : positionalName(c.index)));
  const sql = `SELECT ${select.join(', ')}, file_row_number FROM read_parquet(${sqlString(path)}, file_row_number = true) AS ${positionalAlias(width)}`;
  const rowNumber = columns.length;
  // Category levels are few and short: each decoded once per scan, not once per row.
  const shortTexts = new Map<number, string>();
  // DuckDB gives no rows for an empty row group: each gets an empty Table, in its place.
  const fillFrom = function* (first: number) {
    let group = first;
    for (; group < stream.groups.length && stream.groups[group].rowEnd === stream.groups[group].rowStart; group++) yield emptyGroup(columns);
    return group < stream.groups.length ? startGroup(stream, group, columns) : undefined;
  };
  let filling = yield* fillFrom(0);
  for await (const chunk of streamChunks(duck, con, sql)) {
    const n = duck.data_chunk_get_size(chunk);
    if (filling === undefined) throw new Error('more rows than the footer counts');
    checkRowNumbers(duck, chunk, rowNumber, n, stream.groups[filling.group].rowStart + filling.at);
    const textColumns = new Map<number, (string | null)[]>();
    let from = 0;
    while (from < n) {
      if (filling === undefined) throw new Error('more rows than the footer counts');
      const take = Math.min(n - from, filling.rows - filling.at);
      for (let k = 0; k < columns.length; k++) {
        const target = filling.columns[k];
        if (target.kind === 'numeric') {
          // A DOUBLE vector's memory is n float64s: copied at once, not a value at a time.
          new Uint8Array(target.values.buffer, filling.at * 8, take * 8).set(doubleBytes(duck, chunk, k, n).subarray(from * 8, (from + take) * 8));
        } else {
          let chunkTexts = textColumns.get(k);
          if (chunkTexts === undefined) {
            chunkTexts = new Array<string | null>(n);
            readTexts(duck, chunk, k, n, { out: chunkTexts, offset: 0, nullAs: null, shortTexts });
            textColumns.set(k, chunkTexts);
          }
          const part = from === 0 && take === n ? chunkTexts : chunkTexts.slice(from, from + take);
          fillChunk(target, { columnName: columns[k].name, columnData: part, rowStart: filling.at, rowEnd: filling.at + take }, stream.missing);
        }
      }
      filling.at += take;
      from += take;
      if (filling.at === filling.rows) {
        yield { rowCount: filling.rows, columns: new Map(columns.map((c, k) => [c.name, (filling as Filling).columns[k]])) };
        filling = yield* fillFrom(filling.group + 1);
      }
    }
  }
  if (filling !== undefined) throw new Error(`DuckDB gave ${stream.groups[filling.group].rowStart + filling.at} rows, the footer counts ${stream.layout.rowCount}`);
}

function emptyGroup(columns: readonly ParquetColumnPlan[]): Table {
  return { rowCount: 0, columns: new Map(columns.map((c) => [c.name, c.kind === 'numeric' ? { kind: 'numeric', values: new Float64Array(0) } : { kind: 'categorical', values: [] }])) };
}

/**
 * The chunk's rows must be file rows `first`, `first + 1`, …: DuckDB keeps a plain scan's order
 * (insertion order is preserved by default), and this makes sure of it rather than trusting it.
 */
function checkRowNumbers(duck: DuckBindings, chunk: DataChunk, k: number, n: number, first: number): void {
  const raw = duck.vector_get_data(duck.data_chunk_get_vector(chunk, k), n * 8);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  for (let i = 0; i < n; i++) {
    const expected = first + i;
    if (view.getUint32(i * 8, true) !== expected % 2 ** 32 || view.getUint32(i * 8 + 4, true) !== Math.floor(expected / 2 ** 32)) {
      throw new Error(`rows out of file order at row ${expected}`);
    }
  }
}

interface FileIdentity {
  size: number;
  ino: number;
  mtimeMs: number;
}

async function fileIdentity(path: string): Promise<FileIdentity> {
  const s = await stat(path);
  return { size: s.size, ino: s.ino, mtimeMs: s.mtimeMs };
}

async function checkUnchanged(path: string, was: FileIdentity, file: string): Promise<void> {
  const now = await fileIdentity(path).catch(() => undefined);
  if (now === undefined || now.size !== was.size || now.ino !== was.ino || now.mtimeMs !== was.mtimeMs) throw changed(file);
}

function changed(file: string): DataError {
  return new DataError(`${file}: the file changed while the run was reading it`, {
    file, rule: 'pin', hint: 'Rerun once the file stops changing; its fingerprint is taken again.',
  });
}
