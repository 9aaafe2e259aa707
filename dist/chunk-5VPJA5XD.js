import { createRequire as __pipepilotCreateRequire } from 'node:module';
import { fileURLToPath as __pipepilotFileURLToPath } from 'node:url';
const require = __pipepilotCreateRequire(import.meta.url);
var __filename = __pipepilotFileURLToPath(import.meta.url);
var __dirname = __pipepilotFileURLToPath(new URL('.', import.meta.url));

// src/errors.ts
var PipePilotError = class extends Error {
  hint;
  constructor(message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
  }
};
var SpecError = class extends PipePilotError {
  problems;
  constructor(problems, options = {}) {
    super(problems.map(formatProblem).join("\n"), options);
    this.problems = problems;
  }
};
function formatProblem(p) {
  return `${p.file}:${p.line}:${p.col}: ${p.message}`;
}
var DataError = class extends PipePilotError {
  file;
  column;
  row;
  rule;
  constructor(message, fields) {
    super(message, { hint: fields.hint, cause: fields.cause });
    this.file = fields.file;
    this.column = fields.column;
    this.row = fields.row;
    this.rule = fields.rule;
  }
};
var UsageError = class extends PipePilotError {
};
var ModelFileError = class extends PipePilotError {
  file;
  constructor(message, fields) {
    super(message, { hint: fields.hint, cause: fields.cause });
    this.file = fields.file;
  }
};
var GitError = class extends PipePilotError {
  command;
  stderr;
  reason;
  constructor(fields) {
    super(`git ${fields.command} failed: ${gitMessage(fields.stderr)}`, {
      hint: fields.hint,
      cause: fields.cause
    });
    this.command = fields.command;
    this.stderr = fields.stderr;
    this.reason = fields.reason;
  }
};
function gitMessage(stderr) {
  const lines = stderr.trim().split("\n").map((l) => l.trim()).filter(Boolean);
  const remote = lines.filter((l) => /^remote:\s*(fatal|error):/.test(l)).map((l) => l.replace(/^remote:\s*/, "remote: ")).slice(0, 2);
  const verdict = [...remote, ...lines.filter((l) => /^(fatal|error):/.test(l))];
  return (verdict.length > 0 ? verdict.slice(0, remote.length + 2) : lines.slice(-3)).join(" / ") || "no message";
}
var RegistryError = class extends PipePilotError {
  file;
  version;
  digest;
  constructor(message, fields = {}) {
    super(message, { hint: fields.hint, cause: fields.cause });
    this.file = fields.file;
    this.version = fields.version;
    this.digest = fields.digest;
  }
};
var BaselineError = class extends PipePilotError {
  version;
  reason;
  constructor(version, reason, options = {}) {
    super(`cannot compare with production v${version}: ${reason}`, options);
    this.version = version;
    this.reason = reason;
  }
};
var GitHubError = class extends PipePilotError {
  status;
  route;
  rateLimited;
  details;
  requestId;
  constructor(fields) {
    super(`GitHub ${fields.route} failed with ${fields.status}: ${fields.apiMessage || "no message"}`, {
      hint: fields.hint,
      cause: fields.cause
    });
    this.status = fields.status;
    this.route = fields.route;
    this.rateLimited = fields.rateLimited ?? false;
    this.details = fields.details ?? [];
    this.requestId = fields.requestId;
  }
};

export {
  PipePilotError,
  SpecError,
  DataError,
  UsageError,
  ModelFileError,
  GitError,
  RegistryError,
  BaselineError,
  GitHubError
};
