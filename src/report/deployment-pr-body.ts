import type { Manifest } from '../registry/manifest.js';
import type { RegistryMetadata } from '../registry/metadata.js';
import { diffVersions } from '../registry/version-diff.js';
import { inlineText } from './markdown-text.js';
import { escapeCell } from './markdown-text.js';
import { num } from './run-report.js';
import { renderVersionDiff } from './version-diff.js';

/** GitHub's limit for a pull request body. */
export const MAX_PR_BODY_CHARS = 65_536;

export interface DeploymentPrBodyInput {
  model: string;
  env: string;
  /** deploy: a promotion (release or dispatch); rollback: a revert of earlier manifest changes. */
  kind: 'deploy' | 'rollback';
  /** The environment's manifest at HEAD; undefined when nothing is deployed there yet. */
  before?: Manifest;
  /** The manifest the pull request's branch holds. */
  after: Manifest;
  /** Metadata of the version the change brings in: the canary's when there is one, else the main version. */
  incoming: RegistryMetadata;
  /** Metadata of the version served now (`before.version`); undefined when nothing is deployed or it cannot be read. */
  current?: RegistryMetadata;
  /** Who or what asked for it, one sentence: "Requested by @octocat with the PipePilot workflow (command: promote)." */
  origin: string;
  /** The commits a rollback reverts. */
  reverted?: string[];
  /** Repository path of the incoming version's card.md, and a link to it when the host is known. */
  card: { path: string; url?: string };
}

/**
 * The deployment pull request's body: the review a merger needs before changing what an
 * environment serves. What it serves now → after the merge, what changed between those versions
 * (or, for a first deployment, the version's headline metrics and gates), how to undo it, and
 * where the full card is. Never over GitHub's limit: the version diff is cut first, so the
 * serving line, the way back and the card link always remain.
 */
export function deploymentPrBody(d: DeploymentPrBodyInput): string {
  const head = [servingLine(d), '', d.origin, ...revertedList(d)].join('\n');
  const tail = [rollbackSection(d), `Full model card: ${cardLink(d)}`].join('\n\n');
  const review = reviewSection(d);
  const body = `${head}\n\n${review}\n\n${tail}\n`;
  if (body.length <= MAX_PR_BODY_CHARS) return body;
  const note = '\n\n_(the comparison was cut to fit GitHub\'s pull request body limit; `pipepilot diff` or the card shows it all)_';
  const room = MAX_PR_BODY_CHARS - head.length - tail.length - note.length - 5;
  const cut = review.slice(0, Math.max(0, room));
  const kept = `${head}\n\n${cut.slice(0, Math.max(0, cut.lastIndexOf('\n')))}${note}\n\n${tail}\n`;
  // Only a pathological head or tail (a huge revert list) can still overflow: then a plain cut.
  return kept.length <= MAX_PR_BODY_CHARS ? kept : kept.slice(0, MAX_PR_BODY_CHARS);
}

/** `v3`, or `v3 with v4 as a canary at 10%`. */
export function servesText(m: Manifest): string {
  return m.canary ? `v${m.version}, with v${m.canary.version} as a canary at ${m.canary.weight}%` : `v${m.version}`;
}

function servingLine(d: DeploymentPrBodyInput): string {
  const now = d.before ? `serves ${d.model} **${servesText(d.before)}** now` : `serves nothing of ${d.model} yet`;
  const lead = `**${d.env}** ${now} → **${servesText(d.after)}** after merge`;
  if (d.kind === 'rollback') return `Rollback: ${lead}. Merging returns ${d.env} to ${d.model} v${d.after.version}.`;
  const canary = d.after.canary
    ? ` The canary v${d.after.canary.version} takes ${d.after.canary.weight}% of requests; v${d.after.version} keeps the other ${100 - d.after.canary.weight}%.`
    : '';
  return `${lead}.${canary}`;
}

function revertedList(d: DeploymentPrBodyInput): string[] {
  if (!d.reverted || d.reverted.length === 0) return [];
  return ['', 'It is a `git revert` of these manifest change(s):', '', ...d.reverted.map((c) => `- ${c}`)];
}

/** The version diff from what is served to what comes in; the incoming version alone when nothing is served. */
function reviewSection(d: DeploymentPrBodyInput): string {
  if (d.current) return renderVersionDiff(diffVersions(d.current, d.incoming, { from: d.env })).trimEnd();
  const why = d.before
    ? `v${d.before.version}, served now, could not be read at HEAD, so there is nothing to compare with.`
    : `Nothing is deployed to ${d.env} yet: this is its first version of ${d.model}.`;
  return [`## ${d.model} v${d.incoming.version}`, '', why, '', headlineMetrics(d.incoming), '', gatesList(d.incoming)].join('\n');
}

function headlineMetrics(m: RegistryMetadata): string {
  const names = Object.keys(m.metrics);
  if (names.length === 0) return '### Metrics\n\nNone recorded.';
  const pct = Math.round(m.confidence * 100);
  const interval = (name: string) => {
    const iv = m.intervals[name];
    return iv && iv.low !== null && iv.high !== null ? `${num(iv.low)} – ${num(iv.high)}` : '—';
  };
  return [
    '### Metrics (held-out test rows)',
    '',
    `| metric | v${m.version} | ${pct}% interval |`,
    '|---|---:|---:|',
    ...names.map((n) => `| ${escapeCell(n)} | ${num(m.metrics[n])} | ${interval(n)} |`),
  ].join('\n');
}

function gatesList(m: RegistryMetadata): string {
  if (m.gates.length === 0) return '### Gates\n\nThe pipeline declares no gates.';
  const failed = m.gates.filter((g) => g.status === 'failed').length;
  const mark = { passed: '✅ passed', failed: '❌ failed', no_baseline: '➖ no baseline', skipped: '⏭ skipped' } as const;
  return [
    `### Gates: ${failed === 0 ? 'all passed' : `${failed} failed`}${m.override ? ` (overridden: ${inlineText(m.override.reason, 200)})` : ''}`,
    '',
    ...m.gates.map((g) => `- ${mark[g.status]}: ${inlineText(g.message, 300)}`),
  ].join('\n');
}

function rollbackSection(d: DeploymentPrBodyInput): string {
  const back = d.before ? `${d.env} serves ${servesText(d.before)} again` : `${d.env} serves nothing of ${d.model} again (the manifest is removed)`;
  const version = d.before ? `, \`version: ${d.before.version}\`` : '';
  return [
    '## How to roll back after merging',
    '',
    `- Revert the merge commit on the default branch: \`git revert -m 1 <merge commit>\`, then push it or open a pull request with it; ${back}.`,
    `- Or run the PipePilot workflow (workflow_dispatch) with \`command: rollback\`, \`model: ${d.model}\`, \`environment: ${d.env}\`${version}: it opens that revert as a pull request.`,
  ].join('\n');
}

function cardLink(d: DeploymentPrBodyInput): string {
  return d.card.url ? `[${d.card.path}](${d.card.url})` : `\`${d.card.path}\``;
}
