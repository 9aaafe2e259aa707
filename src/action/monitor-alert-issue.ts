import { decisionHeadline } from '../monitor/evidence-table.js';
import type { Decision } from '../monitor/decide.js';
import { inlineText } from '../report/markdown-text.js';
import type { ModelOutcome } from '../use-cases/monitor.js';
import type { ActionContext } from './action-context.js';

/** Every alert issue carries this label: the listing searched for the marker is only these. */
export const ALERT_LABEL = 'pipepilot-alert';

/** The hidden key of a model's alert issue in an environment. */
export function alertMarker(model: string, env: string): string {
  return `pipepilot-alert:${model}/${env}`;
}

/**
 * What the issue should be after this decision: `open` while it carries alerts (drift past
 * psi_max, a rollback), `close` once a judged decision carries none, `keep` when nothing was
 * judged (the servers do not serve the manifest yet — e.g. just after the rollback was merged):
 * an alert is neither renewed nor cleared on no evidence.
 */
export function alertIssueState(d: Decision): 'open' | 'close' | 'keep' {
  if (d.alerts.length > 0) return 'open';
  if (d.action === 'hold' && d.waiting === 'servers') return 'keep';
  return 'close';
}

/** Opens, updates or closes the model's one alert issue (`deploy.alerts.github_issue`), per `alertIssueState`. */
export async function updateAlertIssue(ctx: ActionContext, o: ModelOutcome, evidence: string, pr: string | undefined): Promise<void> {
  const state = alertIssueState(o.decision);
  if (state === 'keep') return;
  const marker = alertMarker(o.model, o.env);
  if (state === 'close') {
    const comment = `Cleared by \`pipepilot monitor\`: ${decisionHeadline(o.decision)}. ${inlineText(o.decision.reasons[0] ?? '', 400)}`;
    const closed = await ctx.github.closeAlertIssue({ marker, label: ALERT_LABEL, comment });
    if (closed) ctx.io.info(`alert issue #${closed.number} closed: the condition cleared`);
    return;
  }
  const body = [
    `**${o.model}** in **${o.env}**: ${o.decision.alerts.length === 1 ? 'an alert holds' : `${o.decision.alerts.length} alerts hold`}.`,
    '',
    ...o.decision.alerts.map((a) => `- ${inlineText(a, 400)}`),
    '',
    ...(pr ? [`The pull request with the decision: ${pr}`, ''] : []),
    '### Evidence',
    '',
    evidence,
    '',
    `_This issue is updated by every \`pipepilot monitor\` pass while the condition lasts and closed when it clears. What to do: docs/monitoring.md, "Runbook"._`,
  ].join('\n');
  const issue = await ctx.github.upsertAlertIssue({ marker, label: ALERT_LABEL, title: `PipePilot alert: ${o.model} in ${o.env}`, body });
  ctx.io.info(`alert issue #${issue.number} ${issue.action}: ${issue.url}`);
}
