import type { DuckDBConnection } from '@duckdb/node-api';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataError } from '../errors.js';
import { csvSourceSql, planCsvEngineRead } from '../data/engine-csv.js';
import { edgeSpaceSql, numberAsDoubleSql, positionalAlias, sqlString, textAsCategorySql, textAsNumberSql, textTypingSql } from '../data/engine-sql.js';
import { missingSet } from '../data/infer-column.js';
import { parquetLayout, readParquet } from '../data/read-parquet.js';
import type { ReadTableOptions } from '../data/read-table.js';
import type { Column, Table } from '../data/table.js';
import { jsTableEngine, type DataFile, type TableEngine } from '../data/table-engine.js';

/** node-api for queries, and its native bindings (the exact version it pins) for copying DOUBLE vectors. */
export interface Duck {
  api: typeof import('@duckdb/node-api');
  bindings: typeof import('@duckdb/node-bindings');
}

export interface DuckDbEngineOptions {
  /**
   * Files smaller than this are read by the JS readers: below it, opening DuckDB (loading its
   * ~70 MB library) costs more than it saves. Measured with `npm run bench -- read-table`.
   */
  minBytes?: number;
  /** How the modules are loaded; default: import them. A rejection means "not installed": JS reads. */
  load?: () => Promise<Duck>;
  /** Told why the JS readers read a file that DuckDB was asked to (for the run's log). */
  onFallback?: (reason: string) => void;
}

/**
 * The native data engine (issue 10): DuckDB reads CSV and Parquet files on disk with column
 * projection, and types cells by the JS readers' rules in SQL (src/data/engine-sql.ts), so the
 * Table is the one `readTable` gives. JSON, files only in memory, small files, a file DuckDB
 * rejects or might read differently (see planCsvEngineRead), and machines without the optional
 * `@duckdb/node-api` binding are read by the JS readers, which also word every data error.
 */
export function duckDbTableEngine(opts: DuckDbEngineOptions = {}): TableEngine {
  const minBytes = opts.minBytes ?? DEFAULT_MIN_BYTES;
  let module: Promise<Duck | undefined> | undefined;
  const load = () => {
    module ??= (opts.load ?? importDuck)().catch((err: unknown) => {
      opts.onFallback?.(`@duckdb/node-api is not available (${err instanceof Error ? err.message : String(err)}): reading with the JS readers`);
      return undefined;
    });
    return module;
  };
  return {
    name: 'duckdb',
    async readTable(file: DataFile, read: ReadTableOptions): Promise<Table> {
      const fallback = () => jsTableEngine.readTable(file, read);
      const path = file.path;
      if (path === undefined || file.bytes.length < minBytes || (read.format !== 'csv' && read.format !== 'parquet')) return fallback();
      const duckdb = await load();
      if (duckdb === undefined) return fallback();
      try {
        const table = await withConnection(duckdb, (con) => (read.format === 'csv' ? readCsv(duckdb, con, file.bytes, path, read) : readParquetFile(duckdb, con, file.bytes, path, read)));
        if (table !== undefined) return table;
        opts.onFallback?.(`${read.file}: read with the JS readers (a blank line, mixed line endings, a quoted header or a cell DuckDB would read differently)`);
        return await fallback();
      } catch (err) {
        if (err instanceof DataError) throw err;
        opts.onFallback?.(`DuckDB could not read ${read.file} (${err instanceof Error ? err.message.split('\n')[0] : String(err)}): reading with the JS readers`);
        return fallback();
      }
    },
  };
}

/** 1 MiB: see DuckDbEngineOptions.minBytes. */
export const DEFAULT_MIN_BYTES = 1 << 20;

async function importDuck(): Promise<Duck> {
  const [api, bindings] = await Promise.all([import('@duckdb/node-api'), import('@duckdb/node-bindings')]);
  return { api, bindings: (bindings as { default?: Duck['bindings'] }).default ?? bindings };
}

async function withConnection<T>(duckdb: Duck, use: (con: DuckDBConnection) => Promise<T>): Promise<T> {
  // One in-memory instance per read, closed after: nothing of the data stays in native memory.
  // Spills (a CSV bigger than DuckDB's memory limit) go to the OS temp dir, not '.tmp' in the
  // current directory, which would be the user's repository.
  const instance = await duckdb.api.DuckDBInstance.create(':memory:', { temp_directory: join(tmpdir(), 'pipepilot-duckdb') });
  const con = await instance.connect();
  try {
    return await use(con);
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

/** What one SELECT column becomes in the Table. */
interface Target {
  name: string;
  column: Column;
}

function newColumn(kind: Column['kind'], rows: number): Column {
  return kind === 'numeric'
    ? { kind: 'numeric', values: new Float64Array(rows).fill(NaN) }
    : { kind: 'categorical', values: new Array<string | null>(rows).fill(null) };
}

/** Streams the query's chunks into the targets (one per SELECT column); returns the rows written. */
async function fill(duckdb: Duck, con: DuckDBConnection, sql: string, targets: Target[]): Promise<number> {
  // Streamed, so DuckDB never holds the whole result as well: a plain SELECT … FROM one table
  // function keeps the file's row order (DuckDB's order-preservation rules; a long IN list
  // would not, as a join: see engine-sql.ts), and the equality tests read several row groups.
  const result = await con.stream(sql);
  let offset = 0;
  for (let chunk = await result.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const n = chunk.rowCount;
    if (offset + n > (targets[0]?.column.values.length ?? 0)) throw new Error('more rows than counted');
    targets.forEach(({ column }, k) => {
      if (column.kind === 'numeric') {
        // The SQL makes every numeric column DOUBLE without NULLs (NaN instead), so the vector's
        // memory is n float64s: copied at once, through the bindings node-api itself uses, as a
        // getItem call per value (or node-api's vector objects) is most of the read on 3M rows.
        const bytes = duckdb.bindings.vector_get_data(duckdb.bindings.data_chunk_get_vector(chunk.chunk, k), n * 8);
        new Uint8Array(column.values.buffer, offset * 8, n * 8).set(bytes);
      } else {
        const vector = chunk.getColumnVector(k);
        for (let i = 0; i < n; i++) column.values[offset + i] = vector.getItem(i) as string | null;
      }
    });
    offset += n;
  }
  return offset;
}

/** The columns (among `only`, default all) holding a cell with whitespace at an end. */
async function edgeSpaced(con: DuckDBConnection, columnCount: number, from: string, only?: number[]): Promise<Set<number>> {
  const row = (await con.runAndReadAll(edgeSpaceSql(columnCount, from, only))).getRowObjects()[0];
  return new Set((only ?? Array.from({ length: columnCount }, (_, i) => i)).filter((i) => row[`ws_${i}`] === true));
}

async function readCsv(duckdb: Duck, con: DuckDBConnection, bytes: Uint8Array, path: string, read: ReadTableOptions): Promise<Table | undefined> {
  const plan = planCsvEngineRead(bytes);
  if (plan === undefined) return undefined;
  const wanted = read.columns ?? plan.header;
  if (wanted.some((name) => !plan.header.includes(name))) return undefined; // the JS reader names the missing column
  const missing = missingSet(read.missingValues);
  await con.run(`CREATE TEMP TABLE raw AS SELECT * FROM ${csvSourceSql(path, plan)}`);
  const indices = wanted.map((name) => plan.header.indexOf(name));
  const trim = await edgeSpaced(con, plan.header.length, 'raw');
  const typing = (await con.runAndReadAll(textTypingSql(plan.header.length, missing, 'raw', trim))).getRowObjects()[0];
  const rows = Number(typing.rows);
  if (rows === 0 || (plan.expectedRows !== undefined && rows !== plan.expectedRows)) return undefined;
  if (indices.some((i) => typing[`num_${i}`] === true && typing[`cast_${i}`] !== true)) return undefined;
  const targets = indices.map((i, k) => ({ name: wanted[k], column: newColumn(typing[`num_${i}`] === true ? 'numeric' : 'categorical', rows) }));
  const select = indices.map((i, k) =>
    targets[k].column.kind === 'numeric' ? textAsNumberSql(i, missing, trim) : textAsCategorySql(i, missing, { nullIsEmptyText: true, trim }));
  if ((await fill(duckdb, con, `SELECT ${select.join(', ')} FROM raw`, targets)) !== rows) return undefined;
  return { rowCount: rows, columns: new Map(targets.map((t) => [t.name, t.column])) };
}

async function readParquetFile(duckdb: Duck, con: DuckDBConnection, bytes: Uint8Array, path: string, read: ReadTableOptions): Promise<Table | undefined> {
  const missing = missingSet(read.missingValues);
  const layout = parquetLayout(bytes, { file: read.file, missing, columns: read.columns }); // the JS reader's errors, from the footer
  if (layout.rowCount === 0) return undefined;
  const native = layout.columns.filter((c) => c.plain);
  const targets = native.map((c) => ({ name: c.name, column: newColumn(c.kind, layout.rowCount) }));
  if (native.length > 0) {
    const from = `read_parquet(${sqlString(path)}) AS ${positionalAlias(layout.available.length)}`;
    const text = native.filter((c) => c.kind === 'categorical').map((c) => c.index);
    // Text columns only: numbers need no trimming (and whitespace tests on them would cast).
    const trim = text.length === 0 ? new Set<number>() : await edgeSpaced(con, layout.available.length, from, text);
    const select = native.map((c) => (c.kind === 'numeric' ? numberAsDoubleSql(c.index) : textAsCategorySql(c.index, missing, { nullIsEmptyText: false, trim })));
    if ((await fill(duckdb, con, `SELECT ${select.join(', ')} FROM ${from}`, targets)) !== layout.rowCount) return undefined;
  }
  // Decimals, dates, booleans and raw bytes: hyparquet, as the JS reader types them.
  const others = layout.columns.filter((c) => !c.plain).map((c) => c.name);
  const rest = others.length > 0 ? await readParquet(bytes, { file: read.file, missing, columns: others }) : undefined;
  const byName = new Map(targets.map((t) => [t.name, t.column]));
  const columns = new Map<string, Column>();
  for (const { name } of layout.columns) columns.set(name, byName.get(name) ?? (rest?.columns.get(name) as Column));
  return { rowCount: layout.rowCount, columns };
}
