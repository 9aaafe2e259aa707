import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findRepoRoot, nodeFiles } from '../cli/node-files.js';
import { nodeDataSource } from '../fetch/data-source.js';
import { PipePilotError, UsageError } from '../errors.js';
import { createGit } from '../git/simple-git-client.js';
import { createGitHub } from '../github/octokit-client.js';
import type { BackendChoice } from '../model/backend.js';
import type { ActionContext, CommandOutcome } from './action-context.js';
import type { ActionIo } from './action-io.js';
import { chooseBundleStore } from './bundle-store.js';
import { actionsDownloadCache, loadActionsCache } from './data-cache.js';
import { check } from './check.js';
import { promoteCommand, rollbackCommand } from './dispatch.js';
import { maskSecrets, monitorCommand } from './monitor.js';
import { commandFor, readEvent } from './event.js';
import { parseInputs, type Command } from './inputs.js';
import { release } from './release.js';
import { chooseRunnerBackend } from './runner-backend.js';
import { tuneCommand } from './tune.js';

/**
 * Commits the action makes (registrations, deploy and rollback branches) are the bot's, whatever
 * the runner's git config says; GitHub shows them as made by github-actions.
 */
export const BOT = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' };

export interface RunOptions {
  /** PipePilot's version (the bundle has it built in): part of every run's content key. */
  codeVersion: string;
  /** The directory of dist/index.js, holding the tfjs-backend-wasm binaries. */
  bundleDir: string;
}

const COMMANDS: Record<Command, (ctx: ActionContext) => Promise<CommandOutcome>> = {
  check,
  release,
  promote: promoteCommand,
  rollback: rollbackCommand,
  monitor: monitorCommand,
  tune: tuneCommand,
};

/**
 * The action: reads the event and inputs from `env`, picks the command, runs it, sets the
 * outputs, and fails the step (exit code 1) when a gate failed, a pipeline was invalid or
 * something went wrong. Returns the exit code; never throws.
 */
export async function run(env: NodeJS.ProcessEnv, io: ActionIo, options: RunOptions): Promise<number> {
  try {
    const event = await readEvent(env);
    const inputs = parseInputs(env, (event.payload.inputs as Record<string, unknown> | undefined) ?? {});
    maskSecrets(io, inputs);
    const command = commandFor(event, inputs.command);
    if (command === undefined) {
      io.notice(`PipePilot has nothing to do on '${event.name}'${event.ref ? ` (${event.ref})` : ''}: it checks pull requests, releases pushes to ${event.defaultBranch}, monitors on schedule, and promotes, rolls back or monitors on workflow_dispatch with the command input`);
      return 0;
    }
    io.info(`PipePilot ${options.codeVersion}: ${command} (event ${event.name})`);
    const ctx = await makeContext(env, io, options, { event, inputs });
    const outcome = await COMMANDS[command](ctx);
    for (const [name, value] of Object.entries(outcome.outputs)) io.setOutput(name, value);
    if (outcome.failures.length > 0) {
      io.setFailed(`PipePilot ${command} failed:\n${outcome.failures.map((f) => `- ${f}`).join('\n')}`);
      return 1;
    }
    return 0;
  } catch (err) {
    io.setFailed(failureText(err));
    if (!(err instanceof PipePilotError) && err instanceof Error && err.stack) io.info(err.stack);
    return 1;
  }
}

async function makeContext(
  env: NodeJS.ProcessEnv,
  io: ActionIo,
  options: RunOptions,
  given: Pick<ActionContext, 'event' | 'inputs'>,
): Promise<ActionContext> {
  const { event, inputs } = given;
  const root = resolve(event.workspace, inputs.workingDirectory);
  const inside = relative(event.workspace, root);
  if (inside.startsWith('..') || isAbsolute(inside)) {
    throw new UsageError(`input 'working-directory' (${inputs.workingDirectory}) is outside the workspace ${event.workspace}`);
  }
  const git = await createGit(root, { identity: BOT });
  const repoPrefix = relative(findRepoRoot(root), root).split(sep).join('/');
  const tempDir = env.RUNNER_TEMP || (await mkdtemp(join(tmpdir(), 'pipepilot-action-')));
  const log = { info: (m: string) => io.info(m), warn: (m: string) => io.warning(m) };
  const github = createGitHub({ token: inputs.token, owner: event.owner, repo: event.repo, baseUrl: event.apiUrl, log });
  const store = await chooseBundleStore({ env, github, token: inputs.token, owner: event.owner, repo: event.repo, tempDir, log: log.info });
  let backend: Promise<BackendChoice> | undefined;
  return {
    io,
    inputs,
    event,
    env,
    root,
    repoPrefix,
    files: nodeFiles(root),
    data: nodeDataSource({ files: nodeFiles(root), env, shared: actionsDownloadCache(await loadActionsCache(env), log.info), warn: log.warn }),
    git,
    github,
    store,
    codeVersion: options.codeVersion,
    backend: () => (backend ??= chooseRunnerBackend({ input: inputs.backend, env, wasmDir: options.bundleDir, log: log.info })),
    tempDir,
    sleep: (ms) => sleep(ms),
  };
}

function failureText(err: unknown): string {
  if (err instanceof PipePilotError) return `${err.message}${err.hint ? `\nhint: ${err.hint}` : ''}`;
  const message = err instanceof Error ? err.message : String(err);
  return `internal error: ${message}\nThis is a bug in PipePilot; please open an issue with this log.`;
}
