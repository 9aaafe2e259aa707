import type { RangedParquetFile } from './parquet-ranges.js';
import type { ParquetStream, RowGroupReader } from './parquet-stream.js';
import { readRangedTable, readTable, type ReadTableOptions } from './read-table.js';
import type { Table } from './table.js';

/** A whole data file as the data source hands it over: its bytes (fingerprinted) and, when it is on disk, its path. */
export interface WholeDataFile {
  bytes: Uint8Array;
  /** Absolute path of the same bytes on disk; absent when they exist only in memory. */
  path?: string;
}

/**
 * The data set's file: whole, or a remote Parquet file read by ranges (the footer and used
 * column chunks only, `data.read: ranges`), which carries its fingerprint (the pin it matched).
 */
export type DataFile = WholeDataFile | RangedParquetFile;

/** True for a ranges read, which has no whole bytes and no path. */
export function isRanged(file: DataFile): file is RangedParquetFile {
  return 'ranges' in file;
}

/**
 * The port between the core and whatever reads a data file into columns (issue 10). The shell
 * may plug in a native engine (DuckDB, src/engine); whatever it plugs in must give exactly the
 * Table `readTable` gives for the same bytes (same columns, types, values and errors), so the
 * fingerprint, content key and model do not depend on the engine. `jsTableEngine` is the default.
 */
export interface TableEngine {
  /** For the log: 'js' or 'duckdb'. */
  readonly name: string;
  readTable(file: DataFile, opts: ReadTableOptions): Promise<Table>;
  /**
   * data.stream: a reader of the row groups of the Parquet file at `path` (opened as `stream`
   * and hashed by the caller), giving the Tables `readRowGroup` gives; undefined leaves them to
   * hyparquet (`hyparquetRowGroups`). The caller closes it.
   */
  openRowGroups?(path: string, stream: ParquetStream): Promise<RowGroupReader | undefined>;
}

/** The pure-JS readers (csv-parse, hyparquet, JSON.parse): run everywhere, including the bundled action. */
export const jsTableEngine: TableEngine = {
  name: 'js',
  readTable: (file, opts) => (isRanged(file) ? readRangedTable(file, opts) : readTable(file.bytes, opts)),
};
