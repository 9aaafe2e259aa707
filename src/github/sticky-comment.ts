import { GitHubError } from '../errors.js';
import { retry } from '../retry.js';
import type { StickyCommentRequest, StickyCommentResult } from './github.js';
import { isAmbiguousWrite } from './request-retry.js';
import type { RestContext } from './rest-context.js';
import { hasMarker, stickyCommentText } from './sticky-comment-text.js';

const LIST = 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments';
const CREATE = 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments';
const UPDATE = 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}';

interface FoundComment {
  id: number;
  body: string;
  url: string;
}

/**
 * Finds our comment (the marker, written by `identity`), then creates, edits or leaves it. The
 * whole find-then-write step is re-run after an ambiguous failure (a 5xx on create may still have
 * posted the comment; a second find sees it), so a retry never posts a second comment.
 */
export async function upsertStickyComment(
  ctx: RestContext,
  identity: () => Promise<string>,
  req: StickyCommentRequest,
): Promise<StickyCommentResult> {
  const text = stickyCommentText(req.marker, req.body); // refuses an oversized body before any request
  let triedCreate = false;
  try {
    return await retry(
      async () => {
        const found = await findOurComment(ctx, req, await identity());
        if (found === undefined) {
          triedCreate = true;
          return { action: 'created', ...(await createComment(ctx, req.issueNumber, text)) };
        }
        if (found.body === text) return { action: triedCreate ? 'created' : 'unchanged', id: found.id, url: found.url };
        await ctx.call(UPDATE, () =>
          ctx.octokit.request(UPDATE, { owner: ctx.owner, repo: ctx.repo, comment_id: found.id, body: text }),
        );
        return { action: triedCreate ? 'created' : 'updated', id: found.id, url: found.url };
      },
      { attempts: 3, isRetryable: isAmbiguousWrite, sleep: ctx.sleep, delayMs: (attempt) => 1000 * attempt },
    );
  } catch (err) {
    if (isPermissionRefusal(err)) {
      const reason = `the token may not write comments on #${req.issueNumber} (${err.status} from ${err.route}); pull requests from forks get a read-only token`;
      ctx.log?.warn(`PipePilot did not post its comment: ${reason}`);
      return { action: 'skipped', reason };
    }
    throw err;
  }
}

/** A 403 that is not a rate limit, on a write: the read-only token of a fork's pull request. */
function isPermissionRefusal(err: unknown): err is GitHubError {
  return err instanceof GitHubError && err.status === 403 && !err.rateLimited && (err.route === CREATE || err.route === UPDATE);
}

async function findOurComment(ctx: RestContext, req: StickyCommentRequest, login: string): Promise<FoundComment | undefined> {
  const params = { owner: ctx.owner, repo: ctx.repo, issue_number: req.issueNumber, per_page: 100 };
  return ctx.call(LIST, async () => {
    // Page by page, stopping at the first hit: a busy pull request can have hundreds of comments.
    for await (const page of ctx.octokit.paginate.iterator(LIST, params)) {
      const ours = page.data.find(
        (c) => c.user?.login.toLowerCase() === login.toLowerCase() && hasMarker(c.body, req.marker),
      );
      if (ours) return { id: ours.id, body: ours.body ?? '', url: ours.html_url };
    }
    return undefined;
  });
}

async function createComment(ctx: RestContext, issueNumber: number, text: string): Promise<{ id: number; url: string }> {
  const { data } = await ctx.call(CREATE, () =>
    ctx.octokit.request(CREATE, { owner: ctx.owner, repo: ctx.repo, issue_number: issueNumber, body: text }),
  );
  return { id: Number(data.id), url: data.html_url };
}
