import { UsageError } from '../errors.js';
import type { Git } from '../git/git.js';
import { decideRollout, type Decision, type MonitorPolicy } from '../monitor/decide.js';
import { sumReplicas, type ModelEvidence } from '../monitor/evidence.js';
import type { Logger } from '../ports.js';
import { deployBranch, rollbackBranch } from '../registry/deployment-branch.js';
import { DEPLOYMENTS_DIR, METADATA_FILE, MODELS_DIR, assertEnvName, versionDir } from '../registry/layout.js';
import { parseManifest, type Manifest } from '../registry/manifest.js';
import { parseMetadata } from '../registry/metadata.js';
import { rolloutDefaults } from '../spec/defaults.js';
import { checkSpec } from '../spec/load-spec.js';
import { promote } from './promote.js';
import { rollback } from './rollback.js';

export interface MonitorDeps {
  git: Git;
  log: Logger;
  /** One model's evidence from every source (each replica's, to be added); throws a UsageError naming a source that does not answer. */
  gather(model: string): Promise<ModelEvidence[] | { disagree: string }>;
  /** Sends an alert to the webhook named by the pipeline's `deploy.alerts.webhook_env`. */
  notify?(alert: MonitorAlert): Promise<void>;
  /**
   * Called before a decision is written to `branch`: the action makes the local branch the
   * remote one it pushed on an earlier pass, so the same decision on a fresh checkout finds the
   * branch already holding it and writes (and pushes) nothing new.
   */
  beforeWrite?(branch: string): Promise<void>;
}

export interface MonitorRequest {
  env: string;
  model?: string;
  /** Decide and print; write nothing, send nothing. */
  dryRun?: boolean;
}

export interface MonitorAlert {
  model: string;
  env: string;
  webhookEnv: string;
  decision: Decision;
}

/** What one pass did for one model: the decision, and what was written for it. */
export interface ModelOutcome {
  model: string;
  env: string;
  decision: Decision;
  evidence?: ModelEvidence;
  written?: { action: 'created' | 'updated' | 'unchanged' | 'refused'; branch?: string; commit?: string; message?: string };
  alerted?: boolean;
  /** The pipeline's `deploy.auto_merge` and `deploy.alerts.github_issue`: what the action does with the decision (docs/monitoring.md). */
  autoMerge?: boolean;
  githubIssue?: boolean;
}

/**
 * One pass of the control loop for every model deployed to `env` (or one): reads each manifest
 * and its pipeline's policy at HEAD, gathers the live evidence, decides, and writes the decision
 * the way a person would — advance/complete through `promote` on `pipepilot/deploy/<model>/<env>`,
 * rollback through `rollback` on `pipepilot/rollback/<model>/<env>`. Both are idempotent on their
 * branch, so the same pass twice writes nothing new; a manifest reason without numbers keeps it so
 * while the evidence moves. Alerts go out when something was written, or for an alert-only decision.
 */
export async function monitor(deps: MonitorDeps, req: MonitorRequest): Promise<ModelOutcome[]> {
  const env = assertEnvName(req.env);
  const head = (await deps.git.status()).head;
  if (!head) throw new UsageError('this repository has no commits yet; nothing is deployed');
  const deployed = await deployedManifests(deps.git, head, env);
  if (req.model !== undefined && !deployed.has(req.model)) {
    throw new UsageError(`model '${req.model}' has no manifest for ${env} at HEAD`, { hint: `Deployed to ${env}: ${[...deployed.keys()].join(', ') || 'none'}.` });
  }
  // Every model's evidence is gathered before anything is written: a source that does not answer writes nothing at all.
  const outcomes: (ModelOutcome & { webhookEnv?: string })[] = [];
  for (const [model, manifest] of deployed) {
    if (req.model !== undefined && model !== req.model) continue;
    const { policy, webhookEnv, autoMerge, githubIssue } = await policyOf(deps.git, head, manifest);
    const gathered = await deps.gather(model);
    const summed = 'disagree' in gathered ? gathered : sumReplicas(gathered);
    const decision: Decision = 'disagree' in summed
      ? { model, action: 'hold', waiting: 'servers', reasons: [`${summed.disagree}: waiting for every replica to follow git`], checks: [], alerts: [] }
      : decideRollout(policy, summed, manifest);
    outcomes.push({ model, env, decision, ...('disagree' in summed ? {} : { evidence: summed }), ...(webhookEnv ? { webhookEnv } : {}), ...(autoMerge ? { autoMerge } : {}), ...(githubIssue ? { githubIssue } : {}) });
  }
  if (req.dryRun) return outcomes.map(({ webhookEnv: _, ...o }) => o);
  for (const outcome of outcomes) {
    const { decision, webhookEnv } = outcome;
    outcome.written = await write(deps, env, decision);
    const wrote = outcome.written?.action === 'created' || outcome.written?.action === 'updated';
    if (deps.notify && webhookEnv && decision.alerts.length > 0 && (wrote || decision.action === 'alert')) {
      await deps.notify({ model: outcome.model, env, webhookEnv, decision });
      outcome.alerted = true;
    }
  }
  return outcomes.map(({ webhookEnv: _, ...o }) => o);
}

async function write(deps: MonitorDeps, env: string, d: Decision): Promise<ModelOutcome['written']> {
  const useCaseDeps = { git: deps.git, log: deps.log };
  if (d.action === 'advance' || d.action === 'complete') await deps.beforeWrite?.(deployBranch(d.model, env));
  if (d.action === 'rollback') await deps.beforeWrite?.(rollbackBranch(d.model, env));
  if (d.action === 'advance') {
    return summarize(await promote(useCaseDeps, { model: d.model, env, version: d.version, canaryWeight: d.weight, reason: `pipepilot monitor: canary v${d.version} within every limit, advanced to ${d.weight}%` }));
  }
  if (d.action === 'complete') {
    return summarize(await promote(useCaseDeps, { model: d.model, env, version: d.version, reason: `pipepilot monitor: canary v${d.version} within every limit, rollout complete` }));
  }
  if (d.action === 'rollback') return summarize(await rollback(useCaseDeps, { model: d.model, env }));
  return undefined;
}

function summarize(r: { action: 'created' | 'updated' | 'unchanged' | 'refused'; branch?: string; commit?: string; message?: string }): ModelOutcome['written'] {
  return { action: r.action, ...(r.branch ? { branch: r.branch } : {}), ...(r.commit ? { commit: r.commit } : {}), ...(r.message ? { message: r.message } : {}) };
}

/** Every `models/<name>/deployments/<env>.yaml` at `head`, parsed; an invalid one is bad input naming it. */
async function deployedManifests(git: Git, head: string, env: string): Promise<Map<string, Manifest>> {
  const pattern = new RegExp(`^${MODELS_DIR}/([a-z0-9][a-z0-9_-]{0,63})/${DEPLOYMENTS_DIR}/${env}\\.yaml$`);
  const files = (await git.committedFiles(MODELS_DIR, { ref: head })).filter((f) => pattern.test(f)).sort();
  const out = new Map<string, Manifest>();
  for (const file of files) out.set(pattern.exec(file)![1], parseManifest((await git.tryShowFile(head, file)) ?? '', file));
  return out;
}

/**
 * The policy of the pipeline that trained the newest version served (the canary, else the
 * stable one), read at `head` from its lineage path. An invalid pipeline is bad input: guessing
 * limits could roll out a bad model.
 */
async function policyOf(git: Git, head: string, m: Manifest): Promise<{ policy: MonitorPolicy; webhookEnv?: string; autoMerge: boolean; githubIssue: boolean }> {
  const version = m.canary?.version ?? m.version;
  const metaFile = `${versionDir(m.model, version)}/${METADATA_FILE}`;
  const metaText = await git.tryShowFile(head, metaFile);
  if (metaText === undefined) throw new UsageError(`${metaFile} is not committed at HEAD, so ${m.model}'s deploy policy is unknown`);
  const file = parseMetadata(metaText, metaFile).lineage.pipeline.path;
  const text = await git.tryShowFile(head, file);
  if (text === undefined) throw new UsageError(`${file} (the pipeline of ${m.model} v${version}) is not in HEAD, so its deploy policy is unknown`, { hint: 'Restore the pipeline file; pipepilot monitor acts only on a declared policy.' });
  const checked = checkSpec(text, { file, root: git.root });
  if (!checked.ok) throw new UsageError(`${file}: the pipeline of ${m.model} is invalid: ${checked.problems[0].message}`, { hint: `Fix it first (pipepilot validate ${file}).` });
  const deploy = checked.spec.deploy;
  return {
    policy: { rollout: deploy.rollout ?? rolloutDefaults(), ...(deploy.drift ? { drift: deploy.drift } : {}) },
    ...(deploy.alerts?.webhook_env ? { webhookEnv: deploy.alerts.webhook_env } : {}),
    autoMerge: deploy.auto_merge === true,
    githubIssue: deploy.alerts?.github_issue === true,
  };
}
