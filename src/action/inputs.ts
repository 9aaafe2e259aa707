import { UsageError } from '../errors.js';

export const COMMANDS = ['check', 'release', 'promote', 'rollback', 'tune'] as const;
export type Command = (typeof COMMANDS)[number];
export const BACKEND_INPUTS = ['auto', 'tensorflow', 'wasm', 'cpu'] as const;
export type BackendInput = (typeof BACKEND_INPUTS)[number];

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
  const get = (name: string) => readInput(env, name) || (typeof dispatched[name] === 'string' ? (dispatched[name] as string).trim() : '');
  const command = get('command');
  if (command !== '' && !(COMMANDS as readonly string[]).includes(command)) {
    throw new UsageError(`input 'command' must be one of ${COMMANDS.join(', ')} (or empty: chosen by the event), got '${command}'`);
  }
  const backend = get('backend') || 'auto';
  if (!(BACKEND_INPUTS as readonly string[]).includes(backend)) {
    throw new UsageError(`input 'backend' must be one of ${BACKEND_INPUTS.join(', ')}, got '${backend}'`);
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
    pipeline: get('pipeline') || undefined,
    trials: optionalCount(get('trials'), 'trials', 'a number of trials, e.g. 40'),
    timeout: optionalCount(get('timeout'), 'timeout', 'seconds, e.g. 3600'),
  };
}

function optionalCount(value: string, name: string, expected: string): number | undefined {
  if (value === '') return undefined;
  const v = value.replace(/^v/, '');
  if (!/^[1-9][0-9]{0,8}$/.test(v)) throw new UsageError(`input '${name}' must be ${expected}, got '${value}'`);
  return Number(v);
}
