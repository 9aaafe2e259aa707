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
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

export interface Clock {
  /** Milliseconds, monotonic enough for durations. */
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
