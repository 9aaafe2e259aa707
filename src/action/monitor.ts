import { UsageError } from '../errors.js';
import { gatherEvidence, sendWebhook, sourceUrl } from '../fetch/monitor-sources.js';
import { decisionHeadline, evidenceMarkdown } from '../monitor/evidence-table.js';
import { manifestPath } from '../registry/layout.js';
import { describeServing } from '../registry/plan-rollback.js';
import { monitor, type ModelOutcome } from '../use-cases/monitor.js';
import { logger, type ActionContext, type CommandOutcome } from './action-context.js';
import type { ActionIo } from './action-io.js';
import { deploymentReviewBody, publishPullRequest } from './deployment-pr.js';
import type { ActionInputs } from './inputs.js';
import { updateAlertIssue } from './monitor-alert-issue.js';

/** How long each server or Prometheus may take to answer one request. */
const SOURCE_TIMEOUT_MS = 10_000;

/**
 * The `servers`, `prometheus` and token inputs are secrets (internal addresses, credentials in a
 * URL): every form of them that a message could show is masked before anything is printed.
 */
export function maskSecrets(io: ActionIo, inputs: ActionInputs): void {
  const values = [inputs.token, ...inputs.servers, inputs.prometheus ?? ''];
  for (const value of values.filter((v) => v.length >= 4)) {
    io.setSecret(value);
    try {
      const url = new URL(value);
      // The forms monitor messages print (origin + path, without a trailing slash) and any password.
      for (const form of [url.href, `${url.origin}${url.pathname.replace(/\/$/, '')}`, url.host, decodeURIComponent(url.password)]) {
        if (form.length >= 4) io.setSecret(form);
      }
    } catch {
      // Not a URL: masked as given; the monitor refuses it below, by input name.
    }
  }
}

/**
 * `schedule`, or workflow_dispatch with `command: monitor`: one pass of the control loop over the
 * servers (or Prometheus) named by the inputs. Each model's decision is written as `pipepilot
 * monitor` writes it, then published: the one pull request of its branch opened or updated with
 * the evidence in its body — or, with `deploy.auto_merge`, committed to the default branch. Alert
 * issues are opened, updated or closed (`deploy.alerts.github_issue`).
 */
export async function monitorCommand(ctx: ActionContext): Promise<CommandOutcome> {
  const { inputs } = ctx;
  const servers = inputs.servers.map((s, i) => checkedUrl(s, `#${i + 1} of input 'servers'`));
  const prometheus = inputs.prometheus === undefined ? undefined : checkedUrl(inputs.prometheus, "input 'prometheus'");
  if ((servers.length === 0) === (prometheus === undefined)) {
    throw new UsageError("monitor needs the input 'servers' (pipepilot serve base URLs, one per replica) or 'prometheus', not both", {
      hint: 'e.g. servers: ${{ secrets.PIPEPILOT_SERVERS }} (docs/action.md, "Monitor on a schedule").',
    });
  }
  const env = inputs.environment ?? 'production';
  const outcomes = await monitor(
    {
      git: ctx.git,
      log: logger(ctx.io),
      // The URLs are masked in the log, so a source that does not answer is named by its place in the input.
      gather: gatherEvidence({ servers, prometheus }, SOURCE_TIMEOUT_MS, { servers: servers.map((_, i) => `#${i + 1} of input 'servers'`), prometheus: "(input 'prometheus')" }),
      notify: (alert) => {
        const url = ctx.env?.[alert.webhookEnv];
        if (url) ctx.io.setSecret(url);
        return sendWebhook(ctx.env ?? {}, alert, (m) => ctx.io.warning(m));
      },
      beforeWrite: (branch) => adoptRemoteBranch(ctx, branch),
    },
    { env, ...(inputs.model !== undefined ? { model: inputs.model } : {}), dryRun: inputs.dryRun },
  );
  const failures: string[] = [];
  const prs: string[] = [];
  const source = prometheus ? 'Prometheus (summed over the replicas it scrapes)' : `${servers.length} server${servers.length === 1 ? '' : 's'} (their counts added)`;
  for (const o of outcomes) {
    ctx.io.info(`── ${o.model} (${o.env}): ${decisionHeadline(o.decision)} — ${o.decision.reasons[0] ?? ''}`);
    if (inputs.dryRun) continue;
    let pr: string | undefined;
    try {
      pr = await publish(ctx, o, source, failures);
      if (pr) prs.push(pr);
      if (o.githubIssue) await updateAlertIssue(ctx, o, evidenceSection(o, source), pr);
    } catch (err) {
      failures.push(`${o.model} (${o.env}): ${(err as Error).message}`);
      if (!(err instanceof UsageError)) ctx.io.error(`${o.model}: ${(err as Error).message}`);
    }
  }
  await ctx.io.appendSummary(['### PipePilot monitor', '', inputs.dryRun ? '_Dry run: nothing written._\n' : '', ...outcomes.map((o) => evidenceSection(o, source) + '\n')].join('\n'));
  return {
    failures,
    outputs: {
      decisions: JSON.stringify(outcomes.map((o) => ({ model: o.model, env: o.env, action: o.decision.action, written: o.written?.action ?? 'nothing' }))),
      'deployment-pr': prs.join('\n'),
    },
  };
}

/** An input URL, refused by its place in the input: its text is a secret, so it is never repeated. */
function checkedUrl(text: string, name: string): URL {
  try {
    return sourceUrl(text, name);
  } catch {
    throw new UsageError(`${name} is not an http or https URL`, { hint: 'e.g. http://10.0.0.5:8080, from a secret; several servers are separated by commas, spaces or new lines.' });
  }
}

/** The decision's evidence table, and where and over what window it was measured. */
function evidenceSection(o: ModelOutcome, source: string): string {
  const window = o.evidence
    ? `_Window_: from ${source}; ${o.evidence.replicas} replica(s). Requests and 5xx are counted since each version was loaded; p99 latency is over its last \`--live-window\` requests and the live metric over its last \`--live-window\` labelled rows.`
    : `_Window_: from ${source}; no evidence was added (the replicas disagree).`;
  return `${evidenceMarkdown(o.decision, o.env)}\n\n${window}`;
}

/** The decision's branch as a pull request, or (auto_merge) as a commit on the default branch; the PR's URL. */
async function publish(ctx: ActionContext, o: ModelOutcome, source: string, failures: string[]): Promise<string | undefined> {
  const w = o.written;
  if (w === undefined) return undefined;
  if (w.action === 'refused') {
    failures.push(`${o.model} (${o.env}): ${decisionHeadline(o.decision)} refused: ${w.message ?? ''}`);
    return undefined;
  }
  if (w.branch === undefined) {
    ctx.io.info(w.message ?? 'nothing to write');
    return undefined;
  }
  if (o.autoMerge) {
    await commitToDefaultBranch(ctx, o, w.branch);
    return undefined;
  }
  const kind = o.decision.action === 'rollback' ? 'rollback' : 'deploy';
  const { body, after } = await deploymentReviewBody(ctx, {
    model: o.model,
    env: o.env,
    kind,
    branch: w.branch,
    origin: `Opened by \`pipepilot monitor\` (the PipePilot action; the same body on every pass with the same evidence). Merging applies its decision; the next pass judges the new state.\n\n### Evidence\n\n${evidenceSection(o, source)}`,
  });
  const d = o.decision;
  const title = d.action === 'advance' ? `Canary ${o.model} v${d.version} at ${d.weight}% in ${o.env}`
    : d.action === 'complete' ? `Complete the rollout of ${o.model} v${d.version} in ${o.env}`
      : `Roll back ${o.model} in ${o.env} to ${describeServing(after)}`;
  const pr = await publishPullRequest(ctx, { branch: w.branch, title, body });
  return pr.url;
}

/**
 * `deploy.auto_merge: true`: the branch's manifest, committed on the checked-out default branch
 * and pushed (a plain push: if the branch moved meanwhile it is refused, and the next pass decides
 * again on the new state). Committing the manifest text, not moving the branch to the decision's
 * commit, keeps several models' decisions of one pass from undoing each other.
 */
async function commitToDefaultBranch(ctx: ActionContext, o: ModelOutcome, branch: string): Promise<void> {
  const path = manifestPath(o.model, o.env);
  const tip = await ctx.git.tryResolveCommit(`refs/heads/${branch}`);
  const text = tip === undefined ? undefined : await ctx.git.tryShowFile(tip, path);
  if (tip === undefined || text === undefined) throw new UsageError(`${branch} holds no ${path} to commit to ${ctx.event.defaultBranch}`, { hint: 'Set deploy.auto_merge: false to review this change as a pull request.' });
  if ((await ctx.git.tryShowFile('HEAD', path)) === text) {
    ctx.io.info(`${ctx.event.defaultBranch} already holds this decision; nothing new written`);
    return;
  }
  const subject = (await ctx.git.fileLog(path, { ref: tip }))[0]?.subject ?? `${decisionHeadline(o.decision)} (${o.model}, ${o.env})`;
  const commit = await ctx.git.commitFileText(path, text, `${subject}\n\nCommitted to ${ctx.event.defaultBranch} by pipepilot monitor: the pipeline sets deploy.auto_merge.`);
  await ctx.git.push('origin', ctx.event.defaultBranch);
  ctx.io.info(`committed ${commit.slice(0, 12)} to ${ctx.event.defaultBranch} and pushed (deploy.auto_merge)`);
}

/**
 * A fresh checkout has no local deploy or rollback branch: take the remote one the last pass
 * pushed, so the same decision finds it already written and nothing is pushed again.
 */
async function adoptRemoteBranch(ctx: ActionContext, branch: string): Promise<void> {
  if ((await ctx.git.tryResolveCommit(`refs/heads/${branch}`)) !== undefined) return;
  // A branch that is not on the remote yet cannot be fetched: then there is nothing to adopt.
  await ctx.git.fetch('origin', branch).catch(() => undefined);
  const remote = await ctx.git.tryResolveCommit(`refs/remotes/origin/${branch}`);
  if (remote !== undefined) await ctx.git.setBranch(branch, remote);
}
