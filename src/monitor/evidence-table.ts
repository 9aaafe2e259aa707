import type { Decision } from './decide.js';
import { inlineText } from '../report/markdown-text.js';

/** What a decision means, in one line: `advance canary v2 to 50%`. */
export function decisionHeadline(d: Decision): string {
  switch (d.action) {
    case 'advance': return `advance canary v${d.version} to ${d.weight}%`;
    case 'complete': return `complete the rollout: v${d.version} takes all traffic`;
    case 'rollback': return `roll back ${d.role} v${d.version}`;
    case 'alert': return 'alert';
    default: return 'hold';
  }
}

/**
 * The evidence behind a decision as a markdown table (signal, stable, canary, limit, verdict)
 * and the reasons, for the pull request body and the command's output.
 */
export function evidenceMarkdown(d: Decision, env: string): string {
  const rows = d.checks.map((c) => `| ${inlineText(c.signal, 80)} | ${inlineText(c.stable, 80)} | ${inlineText(c.canary, 80)} | ${inlineText(c.threshold, 120)} | ${c.verdict} |`);
  return [
    `**${d.model}** in **${env}**: ${decisionHeadline(d)}`,
    '',
    ...d.reasons.map((r) => `- ${inlineText(r, 400)}`),
    ...(rows.length ? ['', '| signal | stable | canary | limit | verdict |', '|---|---|---|---|---|', ...rows] : []),
    ...(d.alerts.length ? ['', ...d.alerts.map((a) => `> alert: ${inlineText(a, 400)}`)] : []),
  ].join('\n');
}
