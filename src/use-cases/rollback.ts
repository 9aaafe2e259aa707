import { RegistryError } from '../errors.js';
import type { Git } from '../git/git.js';
import type { Logger } from '../ports.js';
import { assertBranchName, rollbackBranch } from '../registry/deployment-branch.js';
import { assertEnvName, assertModelName, manifestPath } from '../registry/layout.js';
import { parseManifest, type Manifest } from '../registry/manifest.js';
import { planRollback, type ManifestChange } from '../registry/plan-rollback.js';
import { committedVersions } from './registry-state.js';
import { checkVersionAt, commitOnBranch, committedModelFiles, startingPoint } from './deployment-change.js';

export interface RollbackDeps {
  git: Git;
  log: Logger;
}

export interface RollbackRequest {
  model: string;
  env: string;
  /** Default `pipepilot/rollback/<model>/<env>`. */
  branch?: string;
  /** Go back to the newest state in which the manifest named this version. */
  to?: number;
  /**
   * Undo the last manifest change alone (e.g. full rollout → canary again). Without it and
   * without `to`, the version being rolled back (the canary, else the main version) leaves the
   * environment entirely.
   */
  undoLast?: boolean;
}

interface Target {
  model: string;
  env: string;
}

export type RollbackResult =
  | (Target & { action: 'created' | 'updated'; branch: string; commit: string; manifest: Manifest; reverted: string[] })
  | (Target & { action: 'unchanged'; branch?: string; message: string })
  | (Target & { action: 'refused'; message: string; hint: string });

/**
 * Takes the outgoing version out of an environment (or undoes the last change, or every change
 * back to `to`; see `planRollback`) with
 * `git revert` on the mainline commits that made them — a merged deployment pull request is
 * reverted as a merge, relative to its first parent — as one commit on the rollback branch,
 * started from HEAD. The version rolled back to must still pass verification. The user's branch,
 * index and files are left as they were; a rerun the branch already holds is `unchanged`.
 */
export async function rollback(deps: RollbackDeps, req: RollbackRequest): Promise<RollbackResult> {
  const t: Target = { model: assertModelName(req.model), env: assertEnvName(req.env) };
  const branch = assertBranchName(req.branch ?? rollbackBranch(t.model, t.env));
  const head = await startingPoint(deps.git, branch);
  await committedModelFiles(deps.git, t.model);
  const path = manifestPath(t.model, t.env);
  const registered = req.to === undefined ? undefined : await committedVersions(deps.git, t.model);
  const plan = planRollback({ ...t, to: req.to, undoLast: req.undoLast, registered, changes: await mainlineChanges(deps.git, head, path) });
  if (plan.action !== 'revert') return { ...t, ...plan };
  for (const version of [plan.manifest.version, plan.manifest.canary?.version]) {
    if (version === undefined) continue;
    const check = await checkVersionAt(deps.git, head, t.model, version);
    if (!check.ok) return { ...t, action: 'refused', message: `cannot roll back to it: ${check.message}`, hint: check.hint };
  }
  const written = await commitOnBranch(deps.git, { head, branch, path, text: plan.text, change: (wt) => wt.revert(plan.revert, plan.message) });
  if (written.action === 'unchanged') {
    return { ...t, action: 'unchanged', branch, message: `${branch} already holds this rollback (${written.commit.slice(0, 12)}); nothing to do` };
  }
  deps.log.info(`${written.action} ${branch} at ${written.commit.slice(0, 12)}: ${plan.message.split('\n')[0]}`);
  return { ...t, action: written.action, branch, commit: written.commit, manifest: plan.manifest, reverted: plan.revert.map((r) => r.commit) };
}

/** The mainline commits that changed the manifest, newest first, each with the manifest it left. */
async function mainlineChanges(git: Git, head: string, path: string): Promise<ManifestChange[]> {
  const log = await git.firstParentLog(path, { ref: head });
  return Promise.all(
    log.map(async (c) => {
      const text = await git.tryShowFile(c.commit, path);
      return { commit: c.commit, parents: c.parents, text, manifest: tryParse(text, path) };
    }),
  );
}

function tryParse(text: string | undefined, path: string): Manifest | undefined {
  if (text === undefined) return undefined;
  try {
    return parseManifest(text, path);
  } catch (err) {
    if (err instanceof RegistryError) return undefined;
    throw err;
  }
}
