import type { DataFile } from './data/table-engine.js';
import type { DataSpec } from './spec/types.js';

/**
 * The narrow interfaces through which use cases reach the world. The shell (src/cli, later
 * src/action) supplies real ones; tests supply real local ones (temp dirs), never module mocks.
 */
export interface Files {
  /** Reads a file by a path relative to the repository root (already checked to stay inside it). */
  readBytes(path: string): Promise<Uint8Array>;
  readText(path: string): Promise<string>;
  /** The real path of a file inside the root, or undefined when it does not exist (for symlink checks). */
  realpath(path: string): string | undefined;
  /** Absolute path of the repository root. */
  readonly root: string;
  /** Entries of a directory, sorted by name; [] when it does not exist. */
  list(path: string): Promise<{ name: string; isDirectory: boolean }[]>;
  /**
   * Creates the directory `dir` holding `files` (names relative to it) all at once: they are
   * written and fsynced in a staging directory beside it (named `.tmp-<basename>-…`), which is
   * then renamed to `dir`. A crash leaves either no `dir` or a complete one, plus at most a
   * staging directory. Fails if `dir` already exists.
   */
  writeNewDirectory(dir: string, files: Map<string, Uint8Array>): Promise<void>;
  /** Removes a file or a directory tree; nothing happens when it does not exist. */
  remove(path: string): Promise<void>;
}

/**
 * Brings a pipeline's data set to the machine (issue 10): a repository file, a URL or S3 object
 * pinned by `data.sha256`, a remote Parquet file's used columns read by ranges and pinned by
 * `data.ranges_sha256`, or a DVC-tracked file pinned by its md5. The shell's implementation
 * downloads into a cache by hash; a DataError when the data cannot be had or breaks its pin.
 */
export interface DataSource {
  /** The whole file's bytes; a ranges read has none (a DataError saying so). */
  readBytes(data: DataSpec): Promise<Uint8Array>;
  /**
   * The same bytes with the path they were read from, for an engine that opens the file itself;
   * or, for `data.read: ranges`, the verified ranges of the columns the pipeline uses, which
   * need the slice columns besides the data spec (issue 10).
   */
  readFile?(data: DataSpec, use?: DataUse): Promise<DataFile>;
  /**
   * The same file opened for reading by byte ranges, never whole (data.stream, issue 10), with
   * its fingerprint hashed as a stream. Absent: the streaming run reads the bytes (unbounded).
   */
  openFile?(data: DataSpec): Promise<OpenedDataFile>;
}

/** A data file read by byte ranges; `slice` has the shape of hyparquet's AsyncBuffer. */
export interface OpenedDataFile {
  /** `sha256:<hex>` of the file's bytes, as fingerprintData gives for the whole file. */
  fingerprint: string;
  byteLength: number;
  /** The file on disk (absolute), for an engine that reads it itself; absent for bytes held in memory. */
  path?: string;
  slice(start: number, end?: number): Promise<ArrayBuffer>;
  close(): Promise<void>;
}

/** What a run uses of the data beyond `data` itself: the columns it slices the evaluation by. */
export interface DataUse {
  sliceColumns: readonly string[];
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

export interface Clock {
  /**
   * Milliseconds, monotonic enough for durations. Use cases that stamp a time (the registry's
   * `created_at`) are handed a clock counting from the Unix epoch (`Date.now`).
   */
  now(): number;
}

/** Long work reports progress; the shell turns it into a bar, a periodic line, or nothing. */
export interface ProgressEvent {
  stage: string;
  done: number;
  total: number;
  detail?: string;
}
export type ProgressSink = (event: ProgressEvent) => void;
