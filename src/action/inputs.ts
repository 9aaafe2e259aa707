import { UsageError } from '../errors.js';

export const COMMANDS = ['check', 'release', 'promote', 'rollback', 'monitor', 'tune'] as const;
export type Command = (typeof COMMANDS)[number];
export const BACKEND_INPUTS = ['auto', 'tensorflow', 'wasm', 'cpu'] as const;
export type BackendInput = (typeof BACKEND_INPUTS)[number];
/** How release lands a version on the default branch: see `registration` in action.yml. */
export const REGISTRATION_INPUTS = ['auto', 'push', 'pull-request'] as const;
export type RegistrationInput = (typeof REGISTRATION_INPUTS)[number];

/** The action's inputs (action.yml), typed and checked; empty strings are "not given". */
export interface ActionInputs {
  command?: Command;
  /** Globs, one per line or comma-separated, relative to the working directory. */
  pipelines: string[];
  token: string;
  model?: string;
  version?: number;
  environment?: string;
  canaryWeight?: number;
  backend: BackendInput;
  workingDirectory: string;
  /** monitor: `pipepilot serve` base URLs, one per replica (usually from a secret). */
  servers: string[];
  /** monitor: a Prometheus HTTP API base URL instead of `servers`. */
  prometheus?: string;
  /** monitor: decide and report; write nothing, open nothing. */
  dryRun: boolean;
  /** release: push the version (`push`), propose it in a pull request (`pull-request`), or push and propose when the branch is protected (`auto`). */
  registration: RegistrationInput;
  /** rollback: revert only the last manifest change (the CLI's `--undo-last`). */
  undoLast: boolean;
  /** tune: the pipeline file to tune, relative to the working directory. */
  pipeline?: string;
  /** tune: overrides tune.trials. */
  trials?: number;
  /** tune: seconds after which no new trial starts. */
  timeout?: number;
}

/**
 * An input as the runner passes it: `INPUT_<NAME>` with spaces as `_`, upper-cased, hyphens kept
 * (`INPUT_GITHUB-TOKEN`), trimmed — what @actions/core's getInput reads, but from the `env` given.
 */
export function readInput(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** Parses and checks every input; a bad value is a UsageError naming the input and the expected form. */
export function parseInputs(env: NodeJS.ProcessEnv, dispatched: Record<string, unknown> = {}): ActionInputs {
  // workflow_dispatch inputs of the same names fill in what the step's `with:` left empty.
  // A `type: boolean` dispatch input may arrive in the payload as a boolean.
  const given = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'boolean' ? String(v) : '');
  const get = (name: string) => readInput(env, name) || given(dispatched[name]);
  const command = get('command');
  if (command !== '' && !(COMMANDS as readonly string[]).includes(command)) {
    throw new UsageError(`input 'command' must be one of ${COMMANDS.join(', ')} (or empty: chosen by the event), got '${command}'`);
  }
  const backend = get('backend') || 'auto';
  if (!(BACKEND_INPUTS as readonly string[]).includes(backend)) {
    throw new UsageError(`input 'backend' must be one of ${BACKEND_INPUTS.join(', ')}, got '${backend}'`);
  }
  const registration = get('registration') || 'auto';
  if (!(REGISTRATION_INPUTS as readonly string[]).includes(registration)) {
    throw new UsageError(`input 'registration' must be one of ${REGISTRATION_INPUTS.join(', ')}, got '${registration}'`);
  }
  const pipelines = (get('pipelines') || 'pipelines/*.yaml').split(/[\n,]/).map((p) => p.trim()).filter(Boolean);
  return {
    command: command === '' ? undefined : (command as Command),
    pipelines,
    token: get('github-token'),
    model: get('model') || undefined,
    version: optionalCount(get('version'), 'version', 'a registered version number, e.g. 3'),
    environment: get('environment') || undefined,
    canaryWeight: optionalCount(get('canary-weight'), 'canary-weight', 'a percent from 1 to 99, e.g. 10'),
    backend: backend as BackendInput,
    workingDirectory: get('working-directory') || '.',
    servers: get('servers').split(/[\s,]+/).filter(Boolean),
    prometheus: get('prometheus') || undefined,
    dryRun: optionalBoolean(get('dry-run'), 'dry-run'),
    registration: registration as RegistrationInput,
    undoLast: optionalBoolean(get('undo-last'), 'undo-last'),
    pipeline: get('pipeline') || undefined,
    trials: optionalCount(get('trials'), 'trials', 'a number of trials, e.g. 40'),
    timeout: optionalCount(get('timeout'), 'timeout', 'seconds, e.g. 3600'),
  };
}

/** A boolean input as workflows pass them: `true`/`false` (a `type: boolean` dispatch input), empty for false. */
function optionalBoolean(value: string, name: string): boolean {
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw new UsageError(`input '${name}' must be true or false, got '${value}'`);
}

function optionalCount(value: string, name: string, expected: string): number | undefined {
  if (value === '') return undefined;
  const v = value.replace(/^v/, '');
  if (!/^[1-9][0-9]{0,8}$/.test(v)) throw new UsageError(`input '${name}' must be ${expected}, got '${value}'`);
  return Number(v);
}
