import { DataError, GitError, GitHubError, PipePilotError, RegistryError, SpecError } from '../errors.js';
import type { Git } from '../git/git.js';
import type { GitHub } from '../github/github.js';
import type { RunBundleStore } from '../github/artifact-store.js';
import type { BackendChoice } from '../model/backend.js';
import type { DataSource, Files, Logger } from '../ports.js';
import type { ActionIo } from './action-io.js';
import type { ActionEvent } from './event.js';
import type { ActionInputs } from './inputs.js';

/** What every command of the action works with: made once by `run`, handed to each command. */
export interface ActionContext {
  io: ActionIo;
  inputs: ActionInputs;
  event: ActionEvent;
  /** The step's environment (monitor reads the webhook URL from the variable a pipeline names). */
  env?: NodeJS.ProcessEnv;
  /** Absolute path of the working directory (the workspace, or `working-directory` inside it). */
  root: string;
  /** The working directory inside the repository ('' at its top), so annotations name repository paths. */
  repoPrefix: string;
  files: Files;
  /** The pipelines' data (repository, URL, S3, DVC), downloads cached by hash; default: repository files only. */
  data?: DataSource;
  git: Git;
  github: GitHub;
  store: RunBundleStore;
  /** PipePilot's version: part of every run's content key. */
  codeVersion: string;
  /** Picks the tfjs backend the first time a command needs one (installing tfjs-node may take a minute). */
  backend: () => Promise<BackendChoice>;
  /** A scratch directory of this job (RUNNER_TEMP), for run bundles. */
  tempDir: string;
  sleep: (ms: number) => Promise<void>;
}

/** What a command reports back: the step fails when `failures` is not empty; outputs are set by `run`. */
export interface CommandOutcome {
  failures: string[];
  outputs: Record<string, string>;
}

export function logger(io: ActionIo): Logger {
  return { info: (m) => io.info(m), warn: (m) => io.warning(m) };
}

/** A repository path for an annotation, from a path relative to the working directory. */
export function repoPath(ctx: Pick<ActionContext, 'repoPrefix'>, path: string): string {
  return ctx.repoPrefix === '' ? path : `${ctx.repoPrefix}/${path}`;
}

/**
 * Reports an error of one pipeline as an annotation (on its file, at the line when the error has
 * one) and returns the line for the failure list. Our own bugs keep their stack in the log.
 */
export function reportPipelineError(ctx: ActionContext, file: string, err: unknown): string {
  if (err instanceof SpecError) {
    for (const p of err.problems) ctx.io.error(p.message, { file: repoPath(ctx, p.file), startLine: p.line, startColumn: p.col, title: 'invalid pipeline' });
    return `${file}: ${err.problems.length} problem(s) in the pipeline`;
  }
  if (err instanceof PipePilotError) {
    const where = err instanceof DataError ? err.file : err instanceof RegistryError && err.file ? err.file : file;
    const hint = err.hint ? `\nhint: ${err.hint}` : '';
    ctx.io.error(`${err.message}${hint}`, { file: repoPath(ctx, where), title: titleOf(err) });
    return `${file}: ${err.message}`;
  }
  const message = err instanceof Error ? err.message : String(err);
  ctx.io.error(`internal error: ${message}\nThis is a bug in PipePilot, not in your pipeline; please open an issue with this log.`, { file: repoPath(ctx, file) });
  if (err instanceof Error && err.stack) ctx.io.info(err.stack);
  return `${file}: internal error: ${message}`;
}

function titleOf(err: PipePilotError): string {
  if (err instanceof DataError) return 'data problem';
  if (err instanceof RegistryError) return 'registry problem';
  if (err instanceof GitError) return 'git failed';
  if (err instanceof GitHubError) return 'GitHub API failed';
  return 'PipePilot';
}
