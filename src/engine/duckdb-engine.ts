import type { Connection } from '@duckdb/node-bindings';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataError } from '../errors.js';
import { csvSourceSql, numericByFirstRows, plainDecimalColumns, planCsvEngineRead, SAMPLE_ROWS } from '../data/engine-csv.js';
import { edgeSpaceSql, numberAsDoubleSql, positionalAlias, positionalName, sqlString, textAsCategorySql, textAsNumberOrNullSql, textAsNumberSql } from '../data/engine-sql.js';
import { inferColumn, missingSet } from '../data/infer-column.js';
import type { ReadTableOptions } from '../data/read-table.js';
import type { Column, Table } from '../data/table.js';
import { isRanged, jsTableEngine, type DataFile, type TableEngine } from '../data/table-engine.js';
import { doubleBytes, firstRowBooleans, hasNull, openDuck, readTexts, streamChunks, type DuckBindings } from './duckdb-native.js';
import { duckDbRowGroups } from './duckdb-row-groups.js';

export interface DuckDbEngineOptions {
  /**
   * Files smaller than this are read by the JS readers: below it, opening DuckDB (loading its
   * ~70 MB library) costs more than it saves. Measured with `npm run bench -- read-table`.
   */
  minBytes?: number;
  /** How the modules are loaded; default: import them. A rejection means "not installed": JS reads. */
  load?: () => Promise<DuckBindings>;
  /**
   * CSV: the rows whose cells guess which columns DuckDB converts to numbers (default
   * SAMPLE_ROWS). A wrong guess costs a second scan of that column, never a different Table;
   * tests set 0 to send every cell through the numeric SQL.
   */
  sampleRows?: number;
  /** Told why the JS readers read a file that DuckDB was asked to (for the run's log). */
  onFallback?: (reason: string) => void;
}

/**
 * The native data engine (issue 10): DuckDB reads CSV and Parquet files on disk with column
 * projection, and types cells by the JS readers' rules in SQL (src/data/engine-sql.ts), so the
 * Table is the one `readTable` gives. JSON, files only in memory, small files, a file DuckDB
 * rejects or might read differently (see planCsvEngineRead), and machines without the optional
 * `@duckdb/node-bindings` are read by the JS readers, which also word every data error.
 */
export function duckDbTableEngine(opts: DuckDbEngineOptions = {}): TableEngine {
  const minBytes = opts.minBytes ?? DEFAULT_MIN_BYTES;
  let module: Promise<DuckBindings | undefined> | undefined;
  const load = () => {
    module ??= (opts.load ?? importDuck)().catch((err: unknown) => {
      opts.onFallback?.(`DuckDB (@duckdb/node-bindings) is not available (${err instanceof Error ? err.message : String(err)}): reading with the JS readers`);
      return undefined;
    });
    return module;
  };
  return {
    name: 'duckdb',
    async readTable(file: DataFile, read: ReadTableOptions): Promise<Table> {
      const fallback = () => jsTableEngine.readTable(file, read);
      // A ranges read is no file on disk (DuckDB's httpfs, which reads by ranges itself, is not installed): hyparquet reads it.
      if (isRanged(file)) return fallback();
      const path = file.path;
      if (path === undefined || file.bytes.length < minBytes || (read.format !== 'csv' && read.format !== 'parquet')) return fallback();
      const duckdb = await load();
      if (duckdb === undefined) return fallback();
      try {
        const table = await withConnection(duckdb, (con) => (read.format === 'csv' ? readCsv(duckdb, con, { bytes: file.bytes, path, sampleRows: opts.sampleRows ?? SAMPLE_ROWS }, read) : readParquetFile(duckdb, con, file.bytes, path, read)));
        if (table !== undefined) return table;
        opts.onFallback?.(`${read.file}: read with the JS readers (a blank line, mixed line endings, a quoted header, or rows DuckDB or csv-parse would count or split differently)`);
        return await fallback();
      } catch (err) {
        if (err instanceof DataError) throw err;
        opts.onFallback?.(`DuckDB could not read ${read.file} (${err instanceof Error ? err.message.split('\n')[0] : String(err)}): reading with the JS readers`);
        return fallback();
      }
    },
    async openRowGroups(path, stream) {
      if (stream.buffer.byteLength < minBytes) return undefined;
      const duckdb = await load();
      if (duckdb === undefined) return undefined;
      return duckDbRowGroups(duckdb, path, stream, (reason) => opts.onFallback?.(reason));
    },
  };
}

/** 1 MiB: see DuckDbEngineOptions.minBytes. */
export const DEFAULT_MIN_BYTES = 1 << 20;

async function importDuck(): Promise<DuckBindings> {
  const bindings = await import('@duckdb/node-bindings');
  return (bindings as { default?: DuckBindings }).default ?? bindings;
}

async function withConnection<T>(duckdb: DuckBindings, use: (con: Connection) => Promise<T>): Promise<T> {
  // One in-memory instance per read, closed after: nothing of the data stays in native memory.
  // Spills (a CSV bigger than DuckDB's memory limit) go to the OS temp dir, not '.tmp' in the
  // current directory, which would be the user's repository.
  const session = await openDuck(duckdb, { temp_directory: join(tmpdir(), 'pipepilot-duckdb') });
  try {
    return await use(session.con);
  } finally {
    session.close();
  }
}

/** What one SELECT column becomes in the Table. */
interface Target {
  name: string;
  column: Column;
}

function newColumn(kind: Column['kind'], rows: number): Column {
  // Every cell is written by `fill`, so no initial values.
  return kind === 'numeric' ? { kind: 'numeric', values: new Float64Array(rows) } : { kind: 'categorical', values: new Array<string | null>(rows) };
}

/**
 * Streams the query's chunks into the targets (one per SELECT column); returns the rows written
 * and the numeric targets (by position) that met a NULL, whose values are then incomplete.
 * Text NULLs become `textNull` (null, or '' for a CSV's empty field).
 */
async function fill(duckdb: DuckBindings, con: Connection, sql: string, targets: Target[], textNull: null | ''): Promise<{ rows: number; nulls: Set<number> }> {
  // Streamed, so DuckDB never holds the whole result as well: a plain SELECT … FROM one table
  // function keeps the file's row order (DuckDB's order-preservation rules; a long IN list
  // would not, as a join: see engine-sql.ts), and the equality tests read several row groups.
  const nulls = new Set<number>();
  let offset = 0;
  for await (const chunk of streamChunks(duckdb, con, sql)) {
    const n = duckdb.data_chunk_get_size(chunk);
    if (offset + n > (targets[0]?.column.values.length ?? 0)) throw new Error('more rows than counted');
    targets.forEach(({ column }, k) => {
      if (column.kind === 'numeric') {
        // A DOUBLE vector's memory is n float64s: copied at once (a call per value is most of
        // the read on 3M rows). Where the validity mask marks a NULL the memory is undefined.
        if (hasNull(duckdb, chunk, k, n)) nulls.add(k);
        new Uint8Array(column.values.buffer, offset * 8, n * 8).set(doubleBytes(duckdb, chunk, k, n));
      } else {
        readTexts(duckdb, chunk, k, n, { out: column.values, offset, nullAs: textNull });
      }
    });
    offset += n;
  }
  return { rows: offset, nulls };
}

/** The columns (among `only`) holding a cell with whitespace at an end. */
async function edgeSpaced(duckdb: DuckBindings, con: Connection, columnCount: number, from: string, only: number[]): Promise<Set<number>> {
  const row = await firstRowBooleans(duckdb, con, edgeSpaceSql(columnCount, from, only));
  return new Set(only.filter((_, k) => row[k]));
}

/**
 * One scan of the CSV (issue 10): the columns numeric in the first rows come back as DOUBLE
 * (textAsNumberOrNullSql), the others as text typed by `inferColumn` itself, the JS reader's
 * rule. A numeric column that meets a cell the SQL leaves to JS (a NULL) is read again as text
 * and typed by `inferColumn` too, so the kinds and values are the JS reader's in every case.
 */
async function readCsv(duckdb: DuckBindings, con: Connection, csv: { bytes: Uint8Array; path: string; sampleRows: number }, read: ReadTableOptions): Promise<Table | undefined> {
  const { bytes, path } = csv;
  const plan = planCsvEngineRead(bytes);
  if (plan === undefined) return undefined;
  const wanted = read.columns ?? plan.header;
  if (wanted.some((name) => !plan.header.includes(name))) return undefined; // the JS reader names the missing column
  const missing = missingSet(read.missingValues);
  const numeric = numericByFirstRows(bytes, { width: plan.header.length, missing, rows: csv.sampleRows });
  if (numeric === undefined) return undefined;
  const indices = wanted.map((name) => plan.header.indexOf(name));
  const capacity = plan.maxRows;
  const targets = indices.map((i, k) => ({ name: wanted[k], column: newColumn(numeric[i] ? 'numeric' : 'categorical', capacity) }));
  const plain = plainDecimalColumns(bytes, plan, { emptyIsMissing: missing.has('') });
  const select = indices.map((i, k) => (targets[k].column.kind !== 'numeric' ? positionalName(i)
    : plain?.[i] ? textAsNumberSql(i, missing) : textAsNumberOrNullSql(i, missing)));
  const { rows, nulls } = await fill(duckdb, con, `SELECT ${select.join(', ')} FROM ${csvSourceSql(path, plan)}`, targets, '');
  if (rows === 0 || (plan.expectedRows !== undefined && rows !== plan.expectedRows)) return undefined;
  const again = [...nulls];
  if (again.length > 0) {
    const texts = again.map((k) => ({ name: targets[k].name, column: newColumn('categorical', capacity) }));
    const second = await fill(duckdb, con, `SELECT ${again.map((k) => positionalName(indices[k])).join(', ')} FROM ${csvSourceSql(path, plan)}`, texts, '');
    if (second.rows !== rows) return undefined;
    again.forEach((k, j) => { targets[k].column = texts[j].column; });
  }
  const columns = new Map<string, Column>();
  for (const { name, column } of targets) {
    // A quoted field can span lines, so the file may hold fewer rows than the capacity.
    columns.set(name, column.kind === 'numeric'
      ? { kind: 'numeric', values: rows === capacity ? column.values : column.values.slice(0, rows) }
      : inferColumn(rows === capacity ? column.values : column.values.slice(0, rows), missing));
  }
  return { rowCount: rows, columns };
}

async function readParquetFile(duckdb: DuckBindings, con: Connection, bytes: Uint8Array, path: string, read: ReadTableOptions): Promise<Table | undefined> {
  // Imported here, not at the top: hyparquet and its codecs cost every CSV run ~50 ms to load.
  const { parquetLayout, readParquet } = await import('../data/read-parquet.js');
  const missing = missingSet(read.missingValues);
  const layout = parquetLayout(bytes, { file: read.file, missing, columns: read.columns }); // the JS reader's errors, from the footer
  if (layout.rowCount === 0) return undefined;
  const native = layout.columns.filter((c) => c.plain);
  const targets = native.map((c) => ({ name: c.name, column: newColumn(c.kind, layout.rowCount) }));
  if (native.length > 0) {
    const from = `read_parquet(${sqlString(path)}) AS ${positionalAlias(layout.available.length)}`;
    const text = native.filter((c) => c.kind === 'categorical').map((c) => c.index);
    // Text columns only: numbers need no trimming (and whitespace tests on them would cast).
    const trim = text.length === 0 ? new Set<number>() : await edgeSpaced(duckdb, con, layout.available.length, from, text);
    const select = native.map((c) => (c.kind === 'numeric' ? numberAsDoubleSql(c.index) : textAsCategorySql(c.index, missing, trim)));
    if ((await fill(duckdb, con, `SELECT ${select.join(', ')} FROM ${from}`, targets, null)).rows !== layout.rowCount) return undefined;
  }
  // Decimals, dates, booleans and raw bytes: hyparquet, as the JS reader types them.
  const others = layout.columns.filter((c) => !c.plain).map((c) => c.name);
  const rest = others.length > 0 ? await readParquet(bytes, { file: read.file, missing, columns: others }) : undefined;
  const byName = new Map(targets.map((t) => [t.name, t.column]));
  const columns = new Map<string, Column>();
  for (const { name } of layout.columns) columns.set(name, byName.get(name) ?? (rest?.columns.get(name) as Column));
  return { rowCount: layout.rowCount, columns };
}
