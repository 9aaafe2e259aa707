import type { RegistryMetadata } from '../registry/metadata.js';
import { type FeatureDrift, fourSignificant } from './feature-drift.js';
import { details, inlineText } from './markdown-text.js';
import type { MetricsDoc } from '../evaluate/metrics-doc.js';
import { signedNum } from './run-report.js';

/** The drift table shows this many features, highest PSI first; the rest go to a collapsed list. */
export const DRIFT_TABLE_ROWS = 10;

type Kind = 'numeric' | 'categorical';

/**
 * The data against production's version: row counts, fingerprint, schema changes, and the
 * top of the drift table (`withDrift: false` leaves the table out when trimming).
 */
export function dataDiff(doc: MetricsDoc, production: { version: number; metadata: RegistryMetadata } | undefined, drift: { features: FeatureDrift[]; threshold: number; withDrift: boolean }): string {
  const d = doc.data;
  const short = (f: string) => `\`${f.replace(/^sha256:/, '').slice(0, 12)}\``;
  const features = `${d.features.numeric.length} numeric + ${d.features.categorical.length} categorical features`;
  if (!production) {
    return ['### Data', '', `${d.rows.train} train / ${d.rows.test} test rows from ${inlineText(d.source, 80)}, data fingerprint ${short(d.fingerprint)}, ${features}. ` +
      'No production model: nothing to compare the data with.'].join('\n');
  }
  const meta = production.metadata;
  const v = `v${production.version}`;
  const rows = meta.lineage.data.rows;
  const count = (name: 'train' | 'test') => (rows[name] === d.rows[name] ? `${d.rows[name]} ${name}` : `${name} ${rows[name]} → ${d.rows[name]} (${signedNum(d.rows[name] - rows[name])})`);
  const fingerprint = meta.lineage.data.fingerprint === d.fingerprint
    ? `data unchanged (fingerprint ${short(d.fingerprint)})`
    : `**data changed**: fingerprint ${short(meta.lineage.data.fingerprint)} → ${short(d.fingerprint)}`;
  const lines = [`### Data vs ${v}`, '', `- rows: ${count('train')}, ${count('test')}; ${fingerprint}`];
  if (meta.lineage.data.source !== d.source) lines.push(`- source ${inlineText(meta.lineage.data.source, 80)} → ${inlineText(d.source, 80)}`);
  lines.push(...schemaChanges(doc, meta));
  if (drift.withDrift) lines.push('', driftTable(drift.features, drift.threshold, v));
  return lines.join('\n');
}

function schemaChanges(doc: MetricsDoc, meta: RegistryMetadata): string[] {
  const kinds = (f: { numeric: string[]; categorical: string[] }) =>
    new Map<string, Kind>([...f.numeric.map((n): [string, Kind] => [n, 'numeric']), ...f.categorical.map((n): [string, Kind] => [n, 'categorical'])]);
  const before = kinds(meta.features);
  const after = kinds(doc.data.features);
  const added = [...after].filter(([n]) => !before.has(n));
  const removed = [...before].filter(([n]) => !after.has(n));
  const moved = [...after].filter(([n, k]) => before.has(n) && before.get(n) !== k);
  const list = (xs: [string, Kind][]) => xs.map(([n, k]) => `${inlineText(n, 40)} (${k})`).join(', ');
  const lines: string[] = [];
  if (meta.features.target !== doc.data.target) lines.push(`- **target changed**: ${inlineText(meta.features.target)} → ${inlineText(doc.data.target)}`);
  if (JSON.stringify(meta.features.classes) !== JSON.stringify(doc.data.classes)) {
    const show = (cs: string[]) => cs.map((c) => inlineText(c, 30)).join(', ') || 'none';
    lines.push(`- **classes changed**: ${show(meta.features.classes)} → ${show(doc.data.classes)}`);
  }
  if (added.length > 0) lines.push(`- **features added** (${added.length}): ${list(added)}`);
  if (removed.length > 0) lines.push(`- **features removed** (${removed.length}): ${list(removed)}`);
  if (moved.length > 0) lines.push(`- **feature kind changed** (${moved.length}): ${moved.map(([n, k]) => `${inlineText(n, 40)} ${before.get(n)} → ${k}`).join(', ')}`);
  const same = after.size - added.length - moved.length;
  if (lines.length === 0) lines.push(`- features: the same ${after.size} (${doc.data.features.numeric.length} numeric, ${doc.data.features.categorical.length} categorical)`);
  else lines.push(`- ${same} ${same === 1 ? 'feature' : 'features'} unchanged`);
  return lines;
}

function driftTable(features: FeatureDrift[], threshold: number, v: string): string {
  if (features.length === 0) return `No feature is in both this run and ${v} with the same kind: no drift to measure.`;
  const over = features.filter((f) => f.psi !== null && f.psi > threshold);
  const approx = features.some((f) => f.approximate);
  const head = over.length === 0
    ? `**Drift** of the training data vs ${v}: no feature above PSI ${threshold}.`
    : `**Drift** of the training data vs ${v}: ⚠️ **${over.length} of ${features.length} ${features.length === 1 ? 'feature' : 'features'} above PSI ${threshold}**.`;
  const rows = features.slice(0, DRIFT_TABLE_ROWS).map((f) => driftRow(f, threshold));
  return [
    head,
    '',
    '| feature | kind | PSI | biggest move in share of rows |',
    '|---|---|---:|---|',
    ...rows,
    '',
    `<sub>PSI (population stability index) on ${v}'s bins; above ${threshold} is the usual rule of thumb for a significant shift (0.1–0.2 moderate).` +
      `${approx ? ' ≈: estimated from the candidate\'s summary statistics (quantiles and deciles), not its rows.' : ''}` +
      `${features.length > DRIFT_TABLE_ROWS ? ` ${DRIFT_TABLE_ROWS} of ${features.length} features shown.` : ''}</sub>`,
  ].join('\n');
}

function driftRow(f: FeatureDrift, threshold: number): string {
  const flag = f.psi !== null && f.psi > threshold ? '⚠️ ' : '';
  const psi = f.psi === null ? '— (no values)' : `${f.approximate ? '≈' : ''}${psiText(f.psi)}`;
  const pct = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;
  const move = f.biggestMove ? `${inlineText(f.biggestMove.bin, 40)}: ${pct(f.biggestMove.production)} → ${pct(f.biggestMove.candidate)}` : '';
  const median = f.median && f.median.production !== f.median.candidate ? `; median ${sig(f.median.production)} → ${sig(f.median.candidate)}` : '';
  return `| ${flag}${inlineText(f.name, 50)} | ${f.kind} | ${psi} | ${move}${median} |`;
}

/** Every feature past the drift table, collapsed, for the reviewer who wants them all. */
export function driftDetail(features: FeatureDrift[], threshold: number): string {
  if (features.length <= DRIFT_TABLE_ROWS) return '';
  const rest = features.slice(DRIFT_TABLE_ROWS);
  const body = rest.map((f) => `${f.psi !== null && f.psi > threshold ? '⚠️ ' : ''}${inlineText(f.name, 50)} ${f.psi === null ? '—' : `${f.approximate ? '≈' : ''}${psiText(f.psi)}`}`).join(' · ');
  return details(`Drift of the other ${rest.length} features (PSI)`, body);
}

const sig = (v: number | null) => (v === null ? '—' : fourSignificant(v));

function psiText(psi: number): string {
  return psi < 0.001 ? '<0.001' : psi.toFixed(3);
}
