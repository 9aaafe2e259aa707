import { GitHubError } from '../errors.js';
import { retry } from '../retry.js';
import type { PullRequestRequest, PullRequestResult } from './github.js';
import { isAmbiguousWrite } from './request-retry.js';
import type { RestContext } from './rest-context.js';

const LIST = 'GET /repos/{owner}/{repo}/pulls';
const CREATE = 'POST /repos/{owner}/{repo}/pulls';
const UPDATE = 'PATCH /repos/{owner}/{repo}/pulls/{pull_number}';
const ADD_LABELS = 'POST /repos/{owner}/{repo}/issues/{issue_number}/labels';

interface OpenPull {
  number: number;
  url: string;
  title: string;
  body: string;
  labels: string[];
}

/** Thrown inside the step when a create got 422 and no pull request exists: GitHub may not see the pushed head yet. */
class NotYetVisible extends Error {
  constructor(readonly failure: GitHubError) {
    super(failure.message);
  }
}

/**
 * The pull request from `head` into `base`, found by its head branch (the key we own), else
 * created. A 422 on create means either a racing run opened it first (found, then updated) or
 * GitHub does not yet see the just-pushed branch: like peter-evans/create-pull-request, only that
 * new-PR case is retried, a few times, after which GitHub's 422 is thrown as is. A 5xx on create
 * re-runs the whole step, whose find sees a pull request the failed call did open.
 */
export async function upsertPullRequest(ctx: RestContext, req: PullRequestRequest): Promise<PullRequestResult> {
  let triedCreate = false;
  try {
    return await retry(
      async () => {
        const found = await findOpenPull(ctx, req);
        if (found !== undefined) {
          const action = await updatePull(ctx, found, req);
          return { action: triedCreate ? 'created' : action, number: found.number, url: found.url };
        }
        triedCreate = true;
        return await createPull(ctx, req);
      },
      {
        attempts: 3,
        isRetryable: (err) => err instanceof NotYetVisible || isAmbiguousWrite(err),
        sleep: ctx.sleep,
        delayMs: (attempt) => 2000 * attempt,
      },
    );
  } catch (err) {
    throw err instanceof NotYetVisible ? err.failure : err;
  }
}

async function createPull(ctx: RestContext, req: PullRequestRequest): Promise<PullRequestResult> {
  try {
    const { data } = await ctx.call(CREATE, () =>
      ctx.octokit.request(CREATE, {
        owner: ctx.owner, repo: ctx.repo, head: req.head, base: req.base, title: req.title, body: req.body, draft: req.draft,
      }),
    );
    await addMissingLabels(ctx, data.number, [], req.labels ?? []);
    return { action: 'created', number: data.number, url: data.html_url };
  } catch (err) {
    if (!(err instanceof GitHubError && err.status === 422 && err.route === CREATE)) throw err;
    const found = await findOpenPull(ctx, req);
    if (found === undefined) throw new NotYetVisible(err);
    ctx.log?.info(`A pull request from ${req.head} already exists (#${found.number}); updating it.`);
    const action = await updatePull(ctx, found, req);
    return { action, number: found.number, url: found.url };
  }
}

async function findOpenPull(ctx: RestContext, req: PullRequestRequest): Promise<OpenPull | undefined> {
  const params = { owner: ctx.owner, repo: ctx.repo, state: 'open' as const, head: `${ctx.owner}:${req.head}`, base: req.base, per_page: 100 };
  const pulls = await ctx.call(LIST, () => ctx.octokit.paginate(LIST, params));
  const pull = pulls[0];
  if (pull === undefined) return undefined;
  return {
    number: pull.number,
    url: pull.html_url,
    title: pull.title,
    body: pull.body ?? '',
    labels: pull.labels.map((l) => l.name),
  };
}

/** Changes only what differs; 'unchanged' when title, body and labels are already as wanted. */
async function updatePull(ctx: RestContext, pull: OpenPull, req: PullRequestRequest): Promise<'updated' | 'unchanged'> {
  const textChanged = pull.title !== req.title || pull.body !== req.body;
  if (textChanged) {
    await ctx.call(UPDATE, () =>
      ctx.octokit.request(UPDATE, { owner: ctx.owner, repo: ctx.repo, pull_number: pull.number, title: req.title, body: req.body }),
    );
  }
  const labelsAdded = await addMissingLabels(ctx, pull.number, pull.labels, req.labels ?? []);
  return textChanged || labelsAdded ? 'updated' : 'unchanged';
}

async function addMissingLabels(ctx: RestContext, number: number, present: string[], wanted: string[]): Promise<boolean> {
  const missing = wanted.filter((l) => !present.includes(l));
  if (missing.length === 0) return false;
  await ctx.call(ADD_LABELS, () =>
    ctx.octokit.request(ADD_LABELS, { owner: ctx.owner, repo: ctx.repo, issue_number: number, labels: missing }),
  );
  return true;
}
