import { RegistryError } from '../errors.js';
import type { PullRequestResult } from '../github/github.js';
import { METADATA_FILE, manifestPath, versionDir } from '../registry/layout.js';
import { parseManifest, type Manifest } from '../registry/manifest.js';
import { parseMetadata, type RegistryMetadata } from '../registry/metadata.js';
import { deploymentPrBody, MAX_PR_BODY_CHARS, type DeploymentPrBodyInput } from '../report/deployment-pr-body.js';
import type { ActionContext } from './action-context.js';


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

export interface DeploymentReviewRequest {
  model: string;
  env: string;
  kind: DeploymentPrBodyInput['kind'];
  /** The branch promote or rollback wrote. */
  branch: string;
  /** The manifest the use case planned; read from the branch when it reported `unchanged`. */
  manifest?: Manifest;
  origin: string;
  reverted?: string[];
}

/**
 * The deployment pull request's body, read from git as promote and rollback read it: the
 * manifest served now and both versions' metadata at HEAD, the new manifest from the branch.
 */
export async function deploymentReviewBody(ctx: ActionContext, req: DeploymentReviewRequest): Promise<{ body: string; after: Manifest }> {
  const path = manifestPath(req.model, req.env);
  const beforeText = await ctx.git.tryShowFile('HEAD', path);
  const before = beforeText === undefined ? undefined : parseManifest(beforeText, path);
  const after = req.manifest ?? parseManifest(await mustShow(ctx, `refs/heads/${req.branch}`, path), path);
  const incomingVersion = req.kind === 'deploy' ? (after.canary?.version ?? after.version) : after.version;
  const incoming = parseMetadata(await mustShow(ctx, 'HEAD', metadataPath(req.model, incomingVersion)), metadataPath(req.model, incomingVersion));
  const current = before === undefined ? undefined : await tryMetadata(ctx, req.model, before.version);
  const cardPath = `${versionDir(req.model, incomingVersion)}/card.md`;
  const body = deploymentPrBody({
    model: req.model,
    env: req.env,
    kind: req.kind,
    before,
    after,
    incoming,
    current,
    origin: req.origin,
    reverted: req.reverted,
    card: { path: cardPath, url: blobUrl(ctx, cardPath) },
  });
  return { body, after };
}

const metadataPath = (model: string, version: number) => `${versionDir(model, version)}/${METADATA_FILE}`;

async function mustShow(ctx: ActionContext, ref: string, path: string): Promise<string> {
  const text = await ctx.git.tryShowFile(ref, path);
  if (text === undefined) throw new RegistryError(`${path} is not in ${ref}`, { file: path, hint: 'This is unexpected after promote or rollback checked it; run the workflow again.' });
  return text;
}

/** The served version's metadata; a version registered by hand with a broken metadata.json is reported without a diff, not a failure. */
async function tryMetadata(ctx: ActionContext, model: string, version: number): Promise<RegistryMetadata | undefined> {
  const file = metadataPath(model, version);
  const text = await ctx.git.tryShowFile('HEAD', file);
  if (text === undefined) return undefined;
  try {
    return parseMetadata(text, file);
  } catch (err) {
    if (err instanceof RegistryError) return undefined;
    throw err;
  }
}

/** github.com for api.github.com; GHES serves its API at <host>/api/v3. */
function blobUrl(ctx: ActionContext, path: string): string {
  const { apiUrl, owner, repo, defaultBranch } = ctx.event;
  const web = apiUrl.replace(/\/+$/, '') === 'https://api.github.com' ? 'https://github.com' : apiUrl.replace(/\/api\/v3\/?$/, '');
  const full = ctx.repoPrefix === '' ? path : `${ctx.repoPrefix}/${path}`;
  return `${web}/${owner}/${repo}/blob/${encodeURIComponent(defaultBranch)}/${full}`;
}

function fit(body: string): string {
  if (body.length <= MAX_PR_BODY_CHARS) return body;
  const note = '\n\n_(cut to fit GitHub\'s pull request body limit; the full report is in the version\'s card.md)_\n';
  const kept = body.slice(0, MAX_PR_BODY_CHARS - note.length);
  return kept.slice(0, Math.max(0, kept.lastIndexOf('\n'))) + note;
}
