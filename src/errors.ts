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

/**
 * Why a git command failed, in the words the callers branch on. `protected`: the remote refused a
 * push to a protected branch (GitHub's GH006 branch protection or GH013 rulesets), which no retry
 * fixes but a pull request does.
 */
export type GitFailure = 'non-fast-forward' | 'locked' | 'protected' | 'other';

/**
 * A git command that failed: the command (arguments only, credentials in URLs redacted), git's
 * own message, and the `reason` a caller retries on. Never holds a token.
 */
export class GitError extends PipePilotError {
  readonly command: string;
  readonly stderr: string;
  readonly reason: GitFailure;
  constructor(fields: { command: string; stderr: string; reason: GitFailure; hint?: string; cause?: unknown }) {
    super(`git ${fields.command} failed: ${gitMessage(fields.stderr)}`, {
      hint: fields.hint,
      cause: fields.cause,
    });
    this.command = fields.command;
    this.stderr = fields.stderr;
    this.reason = fields.reason;
  }
}

/**
 * git's own verdict: its `fatal:`/`error:` lines when it printed any, else its last lines. A
 * remote's reasons (`remote: error: GH006: …`, a hook's message) come first: for a refused push
 * they are the only lines that say why.
 */
function gitMessage(stderr: string): string {
  const lines = stderr.trim().split('\n').map((l) => l.trim()).filter(Boolean);
  const remote = lines.filter((l) => /^remote:\s*(fatal|error):/.test(l)).map((l) => l.replace(/^remote:\s*/, 'remote: ')).slice(0, 2);
  const verdict = [...remote, ...lines.filter((l) => /^(fatal|error):/.test(l))];
  return (verdict.length > 0 ? verdict.slice(0, remote.length + 2) : lines.slice(-3)).join(' / ') || 'no message';
}

/** A registry file that is missing, malformed, or whose digest does not match its metadata. */
export class RegistryError extends PipePilotError {
  readonly file?: string;
  readonly version?: number;
  readonly digest?: { expected: string; actual: string };
  constructor(
    message: string,
    fields: { file?: string; version?: number; digest?: { expected: string; actual: string }; hint?: string; cause?: unknown } = {},
  ) {
    super(message, { hint: fields.hint, cause: fields.cause });
    this.file = fields.file;
    this.version = fields.version;
    this.digest = fields.digest;
  }
}

/**
 * The production model (the baseline of `vs: production` gates) cannot be compared with the
 * candidate: its preprocessor needs a column the new data lacks, or it predicts another task,
 * target or set of classes. `reason` says which, in words.
 */
export class BaselineError extends PipePilotError {
  readonly version: number;
  readonly reason: string;
  constructor(version: number, reason: string, options: { hint?: string; cause?: unknown } = {}) {
    super(`cannot compare with production v${version}: ${reason}`, options);
    this.version = version;
    this.reason = reason;
  }
}

/** Validation details GitHub attaches to a 422 (`errors[]` of the response), without its free text. */
export interface GitHubValidationDetail {
  resource?: string;
  code?: string;
  field?: string;
}

/**
 * A GitHub API call that failed: the HTTP `status`, the `route` as a template
 * (`POST /repos/{owner}/{repo}/pulls`), whether it was a rate limit, and the validation details of
 * a 422. Callers branch on these fields, never on the message. The message and fields never hold
 * the token (GitHub's own message is redacted before it gets here).
 */
export class GitHubError extends PipePilotError {
  readonly status: number;
  readonly route: string;
  readonly rateLimited: boolean;
  readonly details: GitHubValidationDetail[];
  readonly requestId?: string;
  constructor(fields: {
    status: number;
    route: string;
    apiMessage: string;
    rateLimited?: boolean;
    details?: GitHubValidationDetail[];
    requestId?: string;
    hint?: string;
    cause?: unknown;
  }) {
    super(`GitHub ${fields.route} failed with ${fields.status}: ${fields.apiMessage || 'no message'}`, {
      hint: fields.hint,
      cause: fields.cause,
    });
    this.status = fields.status;
    this.route = fields.route;
    this.rateLimited = fields.rateLimited ?? false;
    this.details = fields.details ?? [];
    this.requestId = fields.requestId;
  }
}
