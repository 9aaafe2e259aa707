import { RegistryError } from '../errors.js';
import type { Git } from '../git/git.js';
import type { Logger } from '../ports.js';
import { assertBranchName, deployBranch } from '../registry/deployment-branch.js';
import { assertEnvName, assertModelName, manifestPath } from '../registry/layout.js';
import type { Manifest } from '../registry/manifest.js';
import type { RegistryMetadata } from '../registry/metadata.js';
import { DEFAULT_ENVIRONMENTS, planPromotion } from '../registry/plan-promotion.js';
import { checkSpec } from '../spec/load-spec.js';
import { checkVersionAt, commitOnBranch, manifestAt, startingPoint } from './deployment-change.js';

export interface PromoteDeps {
  git: Git;
  log: Logger;
}

export interface PromoteRequest {
  model: string;
  version: number;
  env: string;
  /** Run `version` as a canary taking this percent (1..99) beside the current version. */
  canaryWeight?: number;
  /** Default `pipepilot/deploy/<model>/<env>`. */
  branch?: string;
  reason?: string;
  /** Skip the environment order; needs `reason`. Never skips verification. */
  force?: boolean;
}

interface Target {
  model: string;
  env: string;
  version: number;
}

export type PromoteResult =
  | (Target & { action: 'created' | 'updated'; branch: string; commit: string; manifest: Manifest })
  | (Target & { action: 'unchanged'; branch?: string; message: string })
  | (Target & { action: 'refused'; message: string; hint: string });

/**
 * Writes an environment's manifest change as one commit on its deploy branch, started from HEAD,
 * ready for a pull request; the user's branch, index and files are left as they were. The version
 * must be committed at HEAD and pass verification there. Idempotent: promoting what the
 * environment already serves, or rerunning a promotion the branch already holds, is `unchanged`.
 */
export async function promote(deps: PromoteDeps, req: PromoteRequest): Promise<PromoteResult> {
  const t: Target = { model: assertModelName(req.model), env: assertEnvName(req.env), version: req.version };
  const branch = assertBranchName(req.branch ?? deployBranch(t.model, t.env));
  const head = await startingPoint(deps.git, branch);
  const check = await checkVersionAt(deps.git, head, t.model, t.version);
  if (!check.ok) return { ...t, action: 'refused', message: check.message, hint: check.hint };
  const environments = await environmentsOf(deps, head, check.metadata);
  const at = environments.indexOf(t.env);
  const path = manifestPath(t.model, t.env);
  const plan = planPromotion({
    ...t,
    canaryWeight: req.canaryWeight,
    reason: req.reason,
    force: req.force,
    current: (await manifestAt(deps.git, head, path))?.manifest,
    environments,
    previousEnvVersions: at > 0 ? await versionsEverIn(deps.git, head, manifestPath(t.model, environments[at - 1])) : [],
  });
  if (plan.action !== 'change') return { ...t, ...plan };
  const { message, text } = plan;
  const written = await commitOnBranch(deps.git, { head, branch, path, text, change: (wt) => wt.commitFileText(path, text, message) });
  if (written.action === 'unchanged') {
    return { ...t, action: 'unchanged', branch, message: `${branch} already holds this change (${written.commit.slice(0, 12)}); nothing to do` };
  }
  deps.log.info(`${written.action} ${branch} at ${written.commit.slice(0, 12)}: ${message.split('\n')[0]}`);
  return { ...t, action: written.action, branch, commit: written.commit, manifest: plan.manifest };
}

/**
 * The environments, in order, from the pipeline that trained the version (its lineage path, read
 * at `head`). When that file is gone or now names another model, the default order, with a
 * warning. An invalid pipeline is an error: guessing the order could skip an environment.
 */
async function environmentsOf(deps: PromoteDeps, head: string, metadata: RegistryMetadata): Promise<readonly string[]> {
  const file = metadata.lineage.pipeline.path;
  const text = await deps.git.tryShowFile(head, file);
  const fallback = (why: string) => {
    deps.log.warn(`${why}; using the default environments ${DEFAULT_ENVIRONMENTS.join(' → ')}`);
    return DEFAULT_ENVIRONMENTS;
  };
  if (text === undefined) return fallback(`${file} (the pipeline of ${metadata.model} v${metadata.version}) is not in HEAD`);
  const checked = checkSpec(text, { file, root: deps.git.root });
  if (!checked.ok) {
    throw new RegistryError(`${file}: the pipeline of ${metadata.model} v${metadata.version} is invalid, so its deploy.environments are unknown`, {
      file,
      hint: `Fix it first (pipepilot validate ${file}): ${checked.problems[0].message}`,
    });
  }
  if (checked.spec.name !== metadata.model) return fallback(`${file} now names model '${checked.spec.name}', not '${metadata.model}'`);
  return checked.spec.deploy.environments;
}

/** Every main version a manifest has named in the history of `head` (a canary does not count). */
async function versionsEverIn(git: Git, head: string, path: string): Promise<number[]> {
  const commits = [head, ...(await git.fileLog(path, { ref: head })).map((c) => c.commit)];
  const versions = new Set<number>();
  for (const commit of commits) {
    try {
      const m = await manifestAt(git, commit, path);
      if (m) versions.add(m.manifest.version);
    } catch (err) {
      // A manifest that was invalid at some commit named no version there.
      if (!(err instanceof RegistryError)) throw err;
    }
  }
  return [...versions];
}
