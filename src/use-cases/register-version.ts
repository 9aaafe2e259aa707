import { GitError, UsageError, type GitFailure } from '../errors.js';
import type { GateResult } from '../evaluate/gates.js';
import type { Git } from '../git/git.js';
import type { Clock, Files, Logger } from '../ports.js';
import { buildCard } from '../report/card.js';
import type { MetricsDoc } from '../evaluate/metrics-doc.js';
import { assertModelName } from '../registry/layout.js';
import type { Lineage } from '../registry/metadata.js';
import { planRegistration, type RegistrationPlan } from '../registry/plan-registration.js';
import { retry } from '../retry.js';
import { Rng } from '../rng.js';
import type { RunArtifacts } from './run-bundle.js';
import { allocateVersion, findByContentKey, removeLeftovers, retryWhileLocked } from './registry-state.js';

export interface RegisterDeps {
  git: Git;
  files: Files;
  /** Epoch milliseconds: stamps `created_at`. */
  clock: Clock;
  log: Logger;
  sleep: (ms: number) => Promise<void>;
}

export interface RegisterRequest {
  /** The run to register: its metrics document and model files (from `runPipeline` or a checked `--from-run` bundle). */
  run: { metrics: MetricsDoc; artifacts: RunArtifacts };
  /** Pipeline path relative to the repository root (its blob sha goes into the lineage). */
  pipelinePath: string;
  /** Register although gates failed; the reason is recorded in metadata, card and commit. */
  force?: { reason: string };
  /** Push to this remote's branch of the same name, re-allocating the version when the push loses a race. */
  push?: { remote: string };
  /** Push attempts before giving up (default 12: eight racers need at most eight rounds). */
  attempts?: number;
}

export type RegisterResult =
  | { action: 'created'; model: string; version: number; commit: string; pushed: boolean }
  | { action: 'unchanged'; model: string; version: number }
  | { action: 'refused'; model: string; failed: GateResult[] };

/**
 * Registers a run as the next version of its model: `models/<name>/v<N>/` written atomically and
 * committed once. Idempotent on the run's content key (a second registration says which version
 * already holds it). With `push`, a lost race rewinds the local commit, fetches, takes the next
 * free number and tries again, a bounded number of times, with jittered backoff.
 */
export async function registerVersion(deps: RegisterDeps, req: RegisterRequest): Promise<RegisterResult> {
  const { metrics } = req.run;
  const model = assertModelName(metrics.pipeline.name);
  if (req.force && req.force.reason.trim() === '') throw new UsageError('--force needs a --reason', { hint: 'Say why failed gates are acceptable: --force --reason "…"; it is recorded in the version.' });
  const status = await deps.git.status();
  if (req.push && !status.branch) throw new UsageError('cannot push from a detached HEAD', { hint: 'Check out the branch to register on (e.g. main), or register without --push.' });
  await removeLeftovers(deps, model);
  if (req.push) await syncWithRemote(deps.git, req.push.remote, status.branch!);

  const already = await findByContentKey(deps, model, metrics.content_key);
  if (already !== undefined) return { action: 'unchanged', model, version: already };
  if (!metrics.gates_passed && !req.force) return { action: 'refused', model, failed: metrics.gates.filter((g) => g.status === 'failed') };

  // Jitter from the content key: racers with different runs back off by different amounts, reproducibly.
  const jitter = new Rng(parseInt(metrics.content_key.slice(7, 15), 16));

  return retry(
    async (attempt): Promise<RegisterResult> => {
      if (attempt > 1) {
        const won = await findByContentKey(deps, model, metrics.content_key);
        if (won !== undefined) return { action: 'unchanged', model, version: won };
      }
      const plan = await planNextVersion(deps, req, status);
      const { version } = plan.metadata;
      const commit = await writeAndCommit(deps, plan);
      deps.log.info(`committed ${model} v${version} (${commit.slice(0, 12)})`);
      if (req.push) {
        await pushOrRewind(deps, { remote: req.push.remote, branch: status.branch!, commit, version });
        deps.log.info(`pushed ${model} v${version} to ${req.push.remote}/${status.branch}`);
      }
      return { action: 'created', model, version, commit, pushed: Boolean(req.push) };
    },
    {
      attempts: req.attempts ?? 12,
      isRetryable: (err) => err instanceof GitError && err.reason === 'non-fast-forward',
      sleep: deps.sleep,
      delayMs: (attempt) => Math.min(2_000, 50 * 2 ** attempt) * (0.5 + jitter.next()),
    },
  );
}

/** The version already holding this content key, if any (a read-only check, e.g. before training). */
export async function findRegistered(deps: { git: Git; files: Files }, model: string, contentKey: string): Promise<number | undefined> {
  return findByContentKey(deps, assertModelName(model), contentKey);
}

/**
 * The next free version of the run's model at HEAD, planned: lineage (the pipeline's blob, HEAD's
 * commit), `created_at` from the clock, the card, every file and the commit message.
 */
export async function planNextVersion(
  deps: Pick<RegisterDeps, 'git' | 'clock'>,
  req: Pick<RegisterRequest, 'run' | 'pipelinePath' | 'force'>,
  status: { head?: string; dirty: boolean },
): Promise<RegistrationPlan> {
  const { metrics } = req.run;
  const model = assertModelName(metrics.pipeline.name);
  const lineage: Lineage = {
    pipeline: { path: req.pipelinePath, blob_sha: await deps.git.blobSha(req.pipelinePath) },
    commit: { sha: status.head ?? null, dirty: status.dirty },
  };
  const createdAt = new Date(deps.clock.now()).toISOString();
  const override = req.force ? { reason: req.force.reason.trim() } : null;
  const version = await allocateVersion(deps.git, model);
  const card = buildCard({ model, version, createdAt, metrics, lineage, override });
  return planRegistration({ model, version, createdAt, metrics, artifacts: req.run.artifacts, lineage, override, card });
}

/** Stage the version beside its place, rename it in, commit it; on failure leave nothing behind. */
export async function writeAndCommit(deps: RegisterDeps, plan: RegistrationPlan): Promise<string> {
  deps.log.info(`writing ${plan.dir}`);
  await deps.files.writeNewDirectory(plan.dir, plan.files);
  deps.log.info(`committing ${plan.dir}`);
  try {
    return await retryWhileLocked(deps, () => deps.git.commitFiles([plan.dir], plan.message));
  } catch (err) {
    await deps.files.remove(plan.dir);
    await deps.git.unstage([plan.dir]).catch(() => undefined);
    throw err;
  }
}

/**
 * Push; whatever the refusal, take our commit back off the branch (its files go with it), so a
 * refused push leaves the checkout as it was. If another registration got there first, catch up
 * with the remote and rethrow so `retry` allocates again; any other refusal is rethrown with what
 * to do about it (a protected branch: the caller may propose the version in a pull request).
 */
async function pushOrRewind(deps: RegisterDeps, at: { remote: string; branch: string; commit: string; version: number }): Promise<void> {
  deps.log.info(`pushing to ${at.remote}/${at.branch}`);
  try {
    await deps.git.push(at.remote, at.branch);
  } catch (err) {
    if (!(err instanceof GitError)) throw err;
    await deps.git.resetKeep(`${at.commit}^`);
    if (err.reason === 'non-fast-forward') {
      deps.log.info(`push lost a race for v${at.version}; fetching and taking the next free version`);
      await syncWithRemote(deps.git, at.remote, at.branch);
      throw err;
    }
    throw new GitError({ command: err.command, stderr: err.stderr, reason: err.reason, hint: refusedHint(err.reason, at) });
  }
}

function refusedHint(reason: GitFailure, at: { remote: string; branch: string; version: number }): string {
  const undone = `Nothing was registered: the v${at.version} commit was taken back off ${at.branch}.`;
  return reason === 'protected'
    ? `${at.remote}/${at.branch} is protected: changes must come through a pull request. ${undone} In the action, use registration: auto or pull-request (the version is proposed in a "Register" pull request), or a token allowed to bypass the rule (docs/action.md); locally, register on a branch without --push and open a pull request.`
    : `${at.remote} refused the push for a reason other than a lost race or branch protection: read git's message above. ${undone}`;
}

export async function syncWithRemote(git: Git, remote: string, branch: string): Promise<void> {
  await git.fetch(remote, branch);
  await git.rebase(`${remote}/${branch}`);
}
