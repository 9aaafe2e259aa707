import type { FeatureImportance } from '../evaluate/metrics-doc.js';
import { escapeCell } from './markdown-text.js';

/** Rows shown: a reviewer reads the top of the list; the rest is in metrics.json. */
const TOP = 10;

function pct(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** report.md and the model card: the features the trees split on most, by share of total gain. */
export function importanceSection(importance: FeatureImportance[] | undefined): string {
  if (!importance || importance.length === 0) return '';
  const rows = importance.slice(0, TOP).map((f, i) => `| ${i + 1} | ${escapeCell(f.feature)} | ${pct(f.share)} |`);
  const rest = importance.length > TOP ? ['', `<sub>${importance.length - TOP} more features in metrics.json.</sub>`] : [];
  return ['### What the model relies on', '', '<sub>Share of the total split gain over all trees (gain importance).</sub>', '', '| rank | feature | share of gain |', '|---:|---|---:|', ...rows, ...rest].join('\n');
}

/**
 * The PR comment's table: the candidate's top features against production's importances, with
 * the change in share and rank. A feature that jumps into the top after a data change is what a
 * reviewer must see, so newcomers to the top 3 are flagged.
 */
export function importanceDiff(candidate: FeatureImportance[] | undefined, production: { version: number; importance?: FeatureImportance[] } | undefined): string {
  if (!candidate || candidate.length === 0) return '';
  if (!production?.importance?.length) return importanceSection(candidate);
  const before = new Map(production.importance.map((f, i) => [f.feature, { share: f.share, rank: i + 1 }]));
  const rows = candidate.slice(0, TOP).map((f, i) => {
    const old = before.get(f.feature);
    const change = old ? signedPct(f.share - old.share) : 'new';
    const rank = old ? (old.rank === i + 1 ? '=' : old.rank > i + 1 ? `↑ from ${old.rank}` : `↓ from ${old.rank}`) : 'new';
    const flag = i < 3 && (!old || old.rank > 3) ? ' ⚠️' : '';
    return `| ${i + 1}${flag} | ${escapeCell(f.feature)} | ${pct(f.share)} | ${old ? pct(old.share) : '—'} | ${change} | ${rank} |`;
  });
  const newcomers = candidate.slice(0, 3).filter((f) => (before.get(f.feature)?.rank ?? Infinity) > 3).map((f) => `\`${f.feature}\``);
  const note = newcomers.length > 0 ? `⚠️ New in the top 3 since production v${production.version}: ${newcomers.join(', ')}. Check that the data change explains it.` : `<sub>The top 3 features are those of production v${production.version}.</sub>`;
  return [
    '### What the model relies on',
    '',
    note,
    '',
    `| rank | feature | share of gain | production v${production.version} | change | rank change |`,
    '|---:|---|---:|---:|---:|---|',
    ...rows,
  ].join('\n');
}

function signedPct(d: number): string {
  const v = (d * 100).toFixed(1);
  return d > 0 ? `+${v} pp` : `${v === '-0.0' ? '0.0' : v} pp`;
}
