import type { MetricChange, ValueChange, VersionDiff } from '../registry/version-diff.js';
import { escapeCell } from './markdown-text.js';
import { num, signedNum } from './run-report.js';

/**
 * What changed between two versions, in GitHub-flavoured markdown: metrics first (with each
 * version's interval and whether the change is better or worse), then parameters, preprocessing, data, features
 * and lineage. `pipepilot diff` prints it; the PR comment reuses it.
 */
export function renderVersionDiff(d: VersionDiff): string {
  return [header(d), metricsTable(d), paramsSection(d), preprocessSection(d), dataSection(d), featuresSection(d), lineageSection(d)]
    .filter((s) => s !== '')
    .join('\n\n')
    .concat('\n');
}

const sideName = (s: VersionDiff['from']) => `v${s.version}${s.label ? ` (${s.label})` : ''}`;

function header(d: VersionDiff): string {
  const worse = d.metrics.filter((m) => m.verdict === 'worse').map((m) => m.name);
  const better = d.metrics.filter((m) => m.verdict === 'better').map((m) => m.name);
  const summary = [better.length ? `better on ${better.join(', ')}` : '', worse.length ? `worse on ${worse.join(', ')}` : '']
    .filter(Boolean)
    .join('; ') || 'the same on every metric';
  const gates = (g: VersionDiff['gates']['from']) => (g.total === 0 ? 'no gates' : `gates ${g.passed ? 'passed' : 'failed'} (${g.total - g.failed}/${g.total})`);
  if (d.from.version === d.to.version) return `## ${d.model}: ${sideName(d.from)} → ${sideName(d.to)}\n\nBoth name the same version: nothing changed.`;
  return [
    `## ${d.model}: ${sideName(d.from)} → ${sideName(d.to)}`,
    '',
    `Against v${d.from.version}, v${d.to.version} is ${summary}. ` +
      `v${d.from.version}: ${gates(d.gates.from)}, registered ${d.from.created_at}; v${d.to.version}: ${gates(d.gates.to)}, registered ${d.to.created_at}.`,
  ].join('\n');
}

function metricsTable(d: VersionDiff): string {
  if (d.metrics.length === 0) return '';
  const cell = (v: number | null, iv: MetricChange['from_interval']) =>
    `${num(v)}${iv && iv.low !== null && iv.high !== null ? ` (${num(iv.low)} – ${num(iv.high)})` : ''}`;
  const rows = d.metrics.map((m) =>
    `| ${escapeCell(m.name)}${m.lower_is_better ? ' (lower is better)' : ''} | ${cell(m.from, m.from_interval)} | ${cell(m.to, m.to_interval)} | ${change(m)} |`);
  return [
    '### Metrics (each on its own held-out test rows)',
    '',
    `| metric | v${d.from.version} | v${d.to.version} | change |`,
    '|---|---:|---:|---|',
    ...rows,
    '',
    'Intervals are each version\'s bootstrap intervals; where they overlap (≈) the change may be noise. ' +
      'The two versions were not scored on the same rows: for a paired test, run the pipeline with a `vs: production` gate.',
  ].join('\n');
}

function change(m: MetricChange): string {
  if (m.difference === null) return '—';
  if (m.verdict === 'same') return '0 (same)';
  const arrow = m.difference > 0 ? '↑' : '↓';
  const noise = m.intervals_overlap ? ' ≈' : '';
  return `${signedNum(m.difference)} ${arrow} ${m.verdict}${noise}`;
}

function paramsSection(d: VersionDiff): string {
  if (d.params.length === 0) return '### Parameters\n\nNo change (model type, seed and every parameter the same).';
  return ['### Parameters', '', `| parameter | v${d.from.version} | v${d.to.version} |`, '|---|---|---|', ...d.params.map((p) => valueRow(p))].join('\n');
}

function preprocessSection(d: VersionDiff): string {
  if (d.preprocess === null) return '### Preprocessing\n\nNot compared: one of the versions was registered before PipePilot recorded its preprocess block.';
  if (d.preprocess.length === 0) return '### Preprocessing\n\nNo change (imputation, scaling and encoding the same).';
  return ['### Preprocessing', '', `| setting | v${d.from.version} | v${d.to.version} |`, '|---|---|---|', ...d.preprocess.map((p) => valueRow(p))].join('\n');
}

function dataSection(d: VersionDiff): string {
  const { source, fingerprint, rows } = d.data;
  const short = (f: string) => `\`${f.slice(0, 19)}…\``;
  const lines = [
    '### Data',
    '',
    source.from === source.to ? `- source \`${source.from}\`` : `- source \`${source.from}\` → \`${source.to}\``,
    fingerprint.from === fingerprint.to
      ? `- fingerprint unchanged (${short(fingerprint.to)}): the same data`
      : `- fingerprint changed: ${short(fingerprint.from)} → ${short(fingerprint.to)}`,
    '',
    `| rows | v${d.from.version} | v${d.to.version} | change |`,
    '|---|---:|---:|---:|',
    ...rows.map((r) => `| ${r.name} | ${r.from} | ${r.to} | ${r.to === r.from ? '' : signedNum(r.to - r.from)} |`),
  ];
  return lines.join('\n');
}

function featuresSection(d: VersionDiff): string {
  const f = d.features;
  const list = (xs: { name: string; kind: string }[]) => xs.map((x) => `\`${x.name}\` (${x.kind})`).join(', ');
  const lines = ['### Features', ''];
  if (f.target.from !== f.target.to) lines.push(`- target \`${f.target.from}\` → \`${f.target.to}\``);
  if (JSON.stringify(f.classes.from) !== JSON.stringify(f.classes.to)) {
    lines.push(`- classes ${f.classes.from.map((c) => `\`${c}\``).join(', ') || 'none'} → ${f.classes.to.map((c) => `\`${c}\``).join(', ') || 'none'}`);
  }
  if (f.added.length > 0) lines.push(`- added (${f.added.length}): ${list(f.added)}`);
  if (f.removed.length > 0) lines.push(`- removed (${f.removed.length}): ${list(f.removed)}`);
  for (const k of f.kind_changed) lines.push(`- \`${k.name}\`: ${k.from} → ${k.to}`);
  lines.push(`- ${f.unchanged} feature${f.unchanged === 1 ? '' : 's'} unchanged; model inputs ${f.input_columns.from === f.input_columns.to ? f.input_columns.to : `${f.input_columns.from} → ${f.input_columns.to}`}`);
  return lines.join('\n');
}

function lineageSection(d: VersionDiff): string {
  if (d.lineage.length === 0) return '';
  return ['### Lineage', '', `| | v${d.from.version} | v${d.to.version} |`, '|---|---|---|', ...d.lineage.map((c) => valueRow(c))].join('\n');
}

function valueRow(c: ValueChange): string {
  const show = (v: unknown) => (v === null || v === undefined ? '—' : `\`${escapeCell(typeof v === 'string' ? v : JSON.stringify(v))}\``);
  return `| ${escapeCell(c.name)} | ${show(c.from)} | ${show(c.to)} |`;
}
