/**
 * Typed errors. Each carries what the user must fix (`hint`) and the fields a caller needs to
 * act on it. Only src/cli maps them to exit codes; the core throws them and never exits.
 */
export class PipePilotError extends Error {
  readonly hint?: string;
  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
  }
}

/** One problem in a pipeline file, located by file, line and column (1-based). */
export interface SpecProblem {
  file: string;
  line: number;
  col: number;
  /** JSON path of the field, e.g. `model.params.dropout`; empty for the document. */
  path: string;
  message: string;
}

/** A pipeline that failed to load or validate. Holds every problem found, not just the first. */
export class SpecError extends PipePilotError {
  readonly problems: SpecProblem[];
  constructor(problems: SpecProblem[], options: { hint?: string; cause?: unknown } = {}) {
    super(problems.map(formatProblem).join('\n'), options);
    this.problems = problems;
  }
}

export function formatProblem(p: SpecProblem): string {
  return `${p.file}:${p.line}:${p.col}: ${p.message}`;
}

/** Data that cannot be read or fails a data check. `row` is 1-based in the file when known. */
export class DataError extends PipePilotError {
  readonly file: string;
  readonly column?: string;
  readonly row?: number;
  readonly rule?: string;
  constructor(
    message: string,
    fields: { file: string; column?: string; row?: number; rule?: string; hint?: string; cause?: unknown },
  ) {
    super(message, { hint: fields.hint, cause: fields.cause });
    this.file = fields.file;
    this.column = fields.column;
    this.row = fields.row;
    this.rule = fields.rule;
  }
}

/** Bad command-line input or a bad file handed to a command (not a pipeline, not data). */
export class UsageError extends PipePilotError {}

/** A saved model or run bundle that is missing, malformed or does not match its digests. */
export class ModelFileError extends PipePilotError {
  readonly file: string;
  constructor(message: string, fields: { file: string; hint?: string; cause?: unknown }) {
    super(message, { hint: fields.hint, cause: fields.cause });
    this.file = fields.file;
  }
}
