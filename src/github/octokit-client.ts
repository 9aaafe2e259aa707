import { getOctokit } from '@actions/github';
import { GitHubError, UsageError } from '../errors.js';
import type { Logger } from '../ports.js';
import { closeAlertIssue, upsertAlertIssue } from './alert-issue.js';
import type { ArtifactRef, GitHub } from './github.js';
import { redact, toGitHubError } from './github-failure.js';
import { upsertPullRequest } from './pull-request.js';
import { retryRequests } from './request-retry.js';
import type { RestContext } from './rest-context.js';
import { upsertStickyComment } from './sticky-comment.js';

export interface GitHubOptions {
  token: string;
  owner: string;
  repo: string;
  /** The REST API root: GITHUB_API_URL on Actions (GHES too), a loopback stand-in in tests. Default https://api.github.com. */
  baseUrl?: string;
  /**
   * The login our comments are written as. Default: `GET /user`'s login, or `github-actions[bot]`
   * when the token may not ask (GITHUB_TOKEN). Set it for a GitHub App token (`<app-slug>[bot]`).
   */
  identity?: string;
  /** How retries wait; tests pass one that only records. Default: a real timer. */
  sleep?: (ms: number) => Promise<void>;
  /** Epoch milliseconds, to read `x-ratelimit-reset`. Default `Date.now`. */
  now?: () => number;
  log?: Logger;
}

const LIST_FILES = 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files';
const LIST_ARTIFACTS = 'GET /repos/{owner}/{repo}/actions/artifacts';
const GET_USER = 'GET /user';
/** The author of comments made with a workflow's GITHUB_TOKEN. */
const ACTIONS_BOT = 'github-actions[bot]';

/** A `GitHub` for one repository over Octokit (@actions/github), with retries on 5xx and rate limits. */
export function createGitHub(options: GitHubOptions): GitHub {
  const { token, owner, repo } = options;
  if (!token) throw new UsageError('no GitHub token was given', { hint: 'Pass the `github-token` input (default: the workflow\'s GITHUB_TOKEN).' });
  if (!owner || !repo) throw new UsageError(`invalid repository '${owner}/${repo}'`, { hint: 'Expected format {owner}/{repo}.' });
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const octokit = getOctokit(token, {
    ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl.replace(/\/+$/, '') }),
    // Octokit's own logger would print to the console; ours goes through the injected Logger.
    log: {
      debug: () => {},
      info: () => {},
      warn: (m: string) => options.log?.warn(redact(m, token)),
      error: (m: string) => options.log?.warn(redact(m, token)),
    },
  });
  retryRequests(octokit, { sleep, now: options.now ?? Date.now, attempts: 4, maxWaitMs: 120_000 });
  const ctx: RestContext = {
    octokit,
    owner,
    repo,
    sleep,
    log: options.log,
    call: async (route, fn) => {
      try {
        return await fn();
      } catch (err) {
        throw toGitHubError(err, route, token);
      }
    },
  };
  const identity = cachedIdentity(ctx, options.identity);
  return {
    upsertStickyComment: (req) => upsertStickyComment(ctx, identity, req),
    upsertPullRequest: (req) => upsertPullRequest(ctx, req),
    listPullRequestFiles: (number) => listPullRequestFiles(ctx, number),
    tryFindArtifact: (name) => tryFindArtifact(ctx, name),
    upsertAlertIssue: (req) => upsertAlertIssue(ctx, req),
    closeAlertIssue: (req) => closeAlertIssue(ctx, req),
  };
}

/** Asks GitHub once who the token is (a failed ask is asked again next time). */
function cachedIdentity(ctx: RestContext, configured: string | undefined): () => Promise<string> {
  let known: Promise<string> | undefined = configured === undefined ? undefined : Promise.resolve(configured);
  return () => {
    known ??= ctx
      .call(GET_USER, () => ctx.octokit.request(GET_USER))
      .then(({ data }) => data.login)
      .catch((err: unknown) => {
        // An installation token (GITHUB_TOKEN) may not read /user: 403 "Resource not accessible by integration".
        if (err instanceof GitHubError && err.status === 403 && !err.rateLimited) return ACTIONS_BOT;
        known = undefined;
        throw err;
      });
    return known;
  };
}

async function listPullRequestFiles(ctx: RestContext, number: number): Promise<string[]> {
  const params = { owner: ctx.owner, repo: ctx.repo, pull_number: number, per_page: 100 };
  const files = await ctx.call(LIST_FILES, () => ctx.octokit.paginate(LIST_FILES, params));
  const paths = files.flatMap((f) => (f.previous_filename ? [f.filename, f.previous_filename] : [f.filename]));
  return [...new Set(paths)];
}

async function tryFindArtifact(ctx: RestContext, name: string): Promise<ArtifactRef | undefined> {
  // GitHub lists artifacts newest first; one page is plenty for a name that is a content key.
  const { data } = await ctx.call(LIST_ARTIFACTS, () =>
    ctx.octokit.request(LIST_ARTIFACTS, { owner: ctx.owner, repo: ctx.repo, name, per_page: 100 }),
  );
  const found = data.artifacts.find((a) => a.name === name && !a.expired && a.workflow_run?.id !== undefined);
  return found === undefined ? undefined : { id: found.id, name: found.name, workflowRunId: found.workflow_run!.id! };
}
