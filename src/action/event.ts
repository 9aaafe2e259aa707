import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import type { Command } from './inputs.js';

/** What the runner tells the action about the event and the repository (GITHUB_* variables and the payload). */
export interface ActionEvent {
  name: string;
  payload: Record<string, unknown>;
  owner: string;
  repo: string;
  sha: string;
  ref: string;
  workspace: string;
  apiUrl: string;
  /** Link to this workflow run, for the comment's footer; undefined outside Actions. */
  runUrl?: string;
  /** The repository's default branch (from the payload; `main` when it does not say). */
  defaultBranch: string;
}

/** Reads the event as @actions/github's context does, but from the `env` given and when asked, not at import time. */
export async function readEvent(env: NodeJS.ProcessEnv): Promise<ActionEvent> {
  const name = env.GITHUB_EVENT_NAME ?? '';
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!name || !owner || !repo) {
    throw new UsageError('GITHUB_EVENT_NAME and GITHUB_REPOSITORY are not set: this is not a GitHub Actions job', {
      hint: 'Run PipePilot locally with the CLI (npx pipepilot …); the action runs inside a workflow.',
    });
  }
  const payload = env.GITHUB_EVENT_PATH ? await readPayload(env.GITHUB_EVENT_PATH) : {};
  const repository = payload.repository as { default_branch?: string } | undefined;
  const server = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
  return {
    name,
    payload,
    owner,
    repo,
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    runUrl: env.GITHUB_RUN_ID ? `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
    defaultBranch: repository?.default_branch ?? 'main',
  };
}

async function readPayload(path: string): Promise<Record<string, unknown>> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new UsageError(`cannot read the event payload ${path}: ${(err as Error).message}`, { cause: err });
  }
}

/** The pull request of a `pull_request` event, in the fields we use. */
export interface PullRequestEvent {
  number: number;
  baseSha: string;
  baseRef: string;
  headSha: string;
  /** Head and base in different repositories: a fork, whose token is read-only. */
  fromFork: boolean;
}

export function pullRequestOf(event: ActionEvent): PullRequestEvent {
  const pr = event.payload.pull_request as
    | { number?: number; base?: { sha?: string; ref?: string; repo?: { full_name?: string } }; head?: { sha?: string; repo?: { full_name?: string } | null } }
    | undefined;
  if (pr?.number === undefined || !pr.base?.sha) {
    throw new UsageError(`the ${event.name} event's payload has no pull_request`, { hint: 'The check command runs on pull_request events.' });
  }
  const base = pr.base.repo?.full_name ?? `${event.owner}/${event.repo}`;
  // A deleted fork leaves `head.repo` null: still not this repository.
  const head = pr.head?.repo === null ? undefined : (pr.head?.repo?.full_name ?? base);
  return {
    number: pr.number,
    baseSha: pr.base.sha,
    baseRef: pr.base.ref ?? event.defaultBranch,
    headSha: pr.head?.sha ?? event.sha,
    fromFork: head?.toLowerCase() !== base.toLowerCase(),
  };
}

/** The push's range: `before` is undefined for a new branch (all zeros) or a payload without it. */
export function pushRangeOf(event: ActionEvent): { before?: string; after: string } {
  const before = typeof event.payload.before === 'string' && !/^0+$/.test(event.payload.before) ? event.payload.before : undefined;
  const after = typeof event.payload.after === 'string' ? event.payload.after : event.sha;
  return { before, after };
}

/**
 * The command an event asks for, unless the `command` input says: pull_request → check, a push to
 * the default branch → release, schedule → monitor, workflow_dispatch → its `command` input.
 * Undefined: nothing to do.
 */
export function commandFor(event: ActionEvent, given: Command | undefined): Command | undefined {
  if (given !== undefined) return given;
  if (event.name === 'pull_request') return 'check';
  if (event.name === 'push') return event.ref === `refs/heads/${event.defaultBranch}` ? 'release' : undefined;
  if (event.name === 'schedule') return 'monitor';
  return undefined;
}
