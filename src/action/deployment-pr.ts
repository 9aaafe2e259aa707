import type { PullRequestResult } from '../github/github.js';
import type { Manifest } from '../registry/manifest.js';
import type { ActionContext } from './action-context.js';

/** GitHub's limit for a pull request body, as for a comment. */
const MAX_BODY_CHARS = 65_536;

/**
 * Publishes a branch promote or rollback wrote, and keeps one pull request for it. The branch is
 * pushed with --force-with-lease against what we just fetched: rebuilt from the default branch on
 * every run (like peter-evans/create-pull-request), it replaces the old one, but a push someone
 * made in between is refused rather than lost. The pull request is found by its head branch,
 * so a rerun updates it and never opens a second one.
 */
export async function publishPullRequest(
  ctx: ActionContext,
  req: { branch: string; title: string; body: string },
): Promise<PullRequestResult> {
  // A branch that is not on the remote yet cannot be fetched: then the lease is "must not exist".
  await ctx.git.fetch('origin', req.branch).catch(() => undefined);
  await ctx.git.pushBranchWithLease('origin', req.branch);
  ctx.io.info(`pushed ${req.branch}`);
  const pr = await ctx.github.upsertPullRequest({
    head: req.branch,
    base: ctx.event.defaultBranch,
    title: req.title,
    body: fit(req.body),
    labels: ['pipepilot'],
  });
  ctx.io.info(`pull request #${pr.number} ${pr.action}: ${pr.url}`);
  return pr;
}

export function servesText(m: Manifest): string {
  return m.canary ? `v${m.version}, with v${m.canary.version} as a canary at ${m.canary.weight}%` : `v${m.version}`;
}

function fit(body: string): string {
  if (body.length <= MAX_BODY_CHARS) return body;
  const note = '\n\n_(cut to fit GitHub\'s pull request body limit; the full report is in the version\'s card.md)_\n';
  const kept = body.slice(0, MAX_BODY_CHARS - note.length);
  return kept.slice(0, Math.max(0, kept.lastIndexOf('\n'))) + note;
}
