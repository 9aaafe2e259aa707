import { retry } from '../retry.js';
import type { AlertIssueRequest, AlertIssueResult, CloseAlertIssueRequest } from './github.js';
import { isAmbiguousWrite } from './request-retry.js';
import type { RestContext } from './rest-context.js';
import { hasMarker, stickyCommentText } from './sticky-comment-text.js';

const LIST = 'GET /repos/{owner}/{repo}/issues';
const CREATE = 'POST /repos/{owner}/{repo}/issues';
const UPDATE = 'PATCH /repos/{owner}/{repo}/issues/{issue_number}';
const COMMENT = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';

interface OpenIssue {
  number: number;
  url: string;
  title: string;
  body: string;
}

/**
 * The one open issue carrying `marker` among the open issues labelled `label`: edited when its
 * title or body differ, left alone when they do not, else created (with the label). Like the
 * sticky comment, the whole find-then-write step is re-run after an ambiguous failure (a 5xx on
 * create may still have opened it; the next find sees it), so a retry never opens a second one.
 */
export async function upsertAlertIssue(ctx: RestContext, req: AlertIssueRequest): Promise<AlertIssueResult> {
  const text = stickyCommentText(req.marker, req.body); // refuses an oversized body before any request
  let triedCreate = false;
  return retry(
    async () => {
      const found = await findOpenIssue(ctx, req.label, req.marker);
      if (found === undefined) {
        triedCreate = true;
        const { data } = await ctx.call(CREATE, () =>
          ctx.octokit.request(CREATE, { owner: ctx.owner, repo: ctx.repo, title: req.title, body: text, labels: [req.label] }),
        );
        return { action: 'created', number: data.number, url: data.html_url };
      }
      if (found.title === req.title && found.body === text) return { action: triedCreate ? 'created' : 'unchanged', number: found.number, url: found.url };
      await ctx.call(UPDATE, () =>
        ctx.octokit.request(UPDATE, { owner: ctx.owner, repo: ctx.repo, issue_number: found.number, title: req.title, body: text }),
      );
      return { action: triedCreate ? 'created' : 'updated', number: found.number, url: found.url };
    },
    { attempts: 3, isRetryable: isAmbiguousWrite, sleep: ctx.sleep, delayMs: (attempt) => 1000 * attempt },
  );
}

/** Closes the open issue carrying `marker` (after a comment saying why), or does nothing when there is none. */
export async function closeAlertIssue(ctx: RestContext, req: CloseAlertIssueRequest): Promise<AlertIssueResult | undefined> {
  const found = await findOpenIssue(ctx, req.label, req.marker);
  if (found === undefined) return undefined;
  await ctx.call(COMMENT, () => ctx.octokit.request(COMMENT, { owner: ctx.owner, repo: ctx.repo, issue_number: found.number, body: req.comment }));
  await ctx.call(UPDATE, () =>
    ctx.octokit.request(UPDATE, { owner: ctx.owner, repo: ctx.repo, issue_number: found.number, state: 'closed', state_reason: 'completed' }),
  );
  return { action: 'closed', number: found.number, url: found.url };
}

async function findOpenIssue(ctx: RestContext, label: string, marker: string): Promise<OpenIssue | undefined> {
  const params = { owner: ctx.owner, repo: ctx.repo, state: 'open' as const, labels: label, per_page: 100 };
  return ctx.call(LIST, async () => {
    for await (const page of ctx.octokit.paginate.iterator(LIST, params)) {
      // The issues listing includes pull requests; ours is an issue carrying the marker.
      const ours = page.data.find((i) => i.pull_request === undefined && hasMarker(i.body, marker));
      if (ours) return { number: ours.number, url: ours.html_url, title: ours.title, body: ours.body ?? '' };
    }
    return undefined;
  });
}
