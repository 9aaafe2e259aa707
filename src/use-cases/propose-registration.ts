import type { GateResult } from '../evaluate/gates.js';
import { UsageError } from '../errors.js';
import type { Git } from '../git/git.js';
import { assertBranchName } from '../registry/deployment-branch.js';
import { METADATA_FILE, assertModelName, modelDir, versionDir, versionsInPaths } from '../registry/layout.js';
import { parseMetadata } from '../registry/metadata.js';
import { findByContentKey, removeLeftovers } from './registry-state.js';
import { planNextVersion, syncWithRemote, writeAndCommit, type RegisterDeps, type RegisterRequest } from './register-version.js';

export interface ProposeRequest extends Pick<RegisterRequest, 'run' | 'pipelinePath' | 'force'> {
  remote: string;
  /** The protected branch the version is proposed to (the default branch). */
  base: string;
  /** The registration branch, e.g. `pipepilot/register/churn`: one per model, the key of its one pull request. */
  branch: string;
}

export interface Proposal {
  model: string;
  version: number;
  branch: string;
  /** The branch's one commit on top of `remote/base`: it adds `models/<model>/v<version>/`. */
  commit: string;
}

export type ProposeResult =
  /** The local `branch` now holds the version, ready to push; or it already held exactly this run on the base's tip. */
  | (Proposal & { action: 'proposed' | 'unchanged' })
  /** The base already registers this run (a registration pull request was merged, or someone pushed it). */
  | { action: 'registered'; model: string; version: number }
  | { action: 'refused'; model: string; failed: GateResult[] };

/**
 * Registers a run the way a protected branch allows: as one commit adding `models/<name>/v<N>/`
 * on a branch started at the remote base's tip, for a pull request, so merging is the only way
 * it lands. N is the next free number at that tip; a registration that takes N on the base first
 * makes the pull request conflict (both add `v<N>/metadata.json`), and the next proposal, started
 * from the new tip, takes the next number on the same branch. The checkout's branch is
 * fast-forwarded to the base and left there, with nothing of the version in the work tree.
 */
export async function proposeRegistration(deps: RegisterDeps, req: ProposeRequest): Promise<ProposeResult> {
  const { metrics } = req.run;
  const model = assertModelName(metrics.pipeline.name);
  assertBranchName(req.branch);
  if (req.force && req.force.reason.trim() === '') throw new UsageError('--force needs a --reason', { hint: 'Say why failed gates are acceptable; it is recorded in the version.' });
  const status = await deps.git.status();
  if (!status.branch) throw new UsageError('cannot propose a registration from a detached HEAD', { hint: `Check out ${req.base}, the branch the version is proposed to.` });
  await removeLeftovers(deps, model);
  await syncWithRemote(deps.git, req.remote, req.base);
  const tip = await deps.git.tryResolveCommit(`refs/remotes/${req.remote}/${req.base}`);
  const head = (await deps.git.status()).head;
  if (tip === undefined || head !== tip) {
    throw new UsageError(`${status.branch} has commits that are not on ${req.remote}/${req.base}`, { hint: `Propose a registration from ${req.base} itself, as the release workflow checks it out.` });
  }

  const registered = await findByContentKey(deps, model, metrics.content_key);
  if (registered !== undefined) return { action: 'registered', model, version: registered };
  if (!metrics.gates_passed && !req.force) return { action: 'refused', model, failed: metrics.gates.filter((g) => g.status === 'failed') };
  const held = await findProposed(deps.git, { model, contentKey: metrics.content_key, remote: req.remote, base: req.base, branch: req.branch });
  if (held !== undefined) {
    await deps.git.setBranch(req.branch, held.commit);
    return { action: 'unchanged', ...held };
  }

  const plan = await planNextVersion(deps, req, { head, dirty: status.dirty });
  const commit = await writeAndCommit(deps, plan);
  // The commit moves to the registration branch; the base branch goes back to the remote's tip,
  // whether or not the branch could be set (e.g. it is checked out in another work tree).
  try {
    await deps.git.setBranch(req.branch, commit);
  } finally {
    await deps.git.resetKeep(`${commit}^`);
  }
  deps.log.info(`${req.branch} at ${commit.slice(0, 12)}: ${plan.message.split('\n')[0]}`);
  return { action: 'proposed', model, version: plan.metadata.version, branch: req.branch, commit };
}

/**
 * The proposal the remote's `branch` already holds for this run, if it is still current: one
 * commit directly on `remote/base`'s tip adding a version whose metadata has `contentKey`. A
 * read-only check (two fetches), so a re-run of the release neither trains again nor rewrites the
 * branch (which would dismiss reviews). Undefined when the branch is absent, stale or another run's.
 */
export async function findProposed(git: Git, req: { model: string; contentKey: string; remote: string; base: string; branch: string }): Promise<Proposal | undefined> {
  await git.fetch(req.remote, req.base);
  const fetched = await git.fetch(req.remote, req.branch).then(() => true, () => false);
  if (!fetched) return undefined;
  const commit = await git.tryResolveCommit(`refs/remotes/${req.remote}/${req.branch}`);
  const tip = await git.tryResolveCommit(`refs/remotes/${req.remote}/${req.base}`);
  if (commit === undefined || tip === undefined || (await git.tryResolveCommit(`${commit}^`)) !== tip) return undefined;
  // ls-tree paths are relative to the working directory, as the registry's are (a `working-directory` inside the repository).
  const versionsAt = async (ref: string) => versionsInPaths(req.model, (await git.committedFiles(`${modelDir(req.model)}/`, { ref })).filter((p) => p.endsWith(`/${METADATA_FILE}`)));
  const before = await versionsAt(tip);
  const added = [...(await versionsAt(commit))].filter((v) => !before.has(v));
  if (added.length !== 1) return undefined;
  const [version] = added;
  const path = `${versionDir(req.model, version)}/${METADATA_FILE}`;
  const text = await git.tryShowFile(commit, `./${path}`);
  if (text === undefined || !text.includes(req.contentKey)) return undefined;
  return parseMetadata(text, path).content_key === req.contentKey ? { model: req.model, version, branch: req.branch, commit } : undefined;
}
