import { LOWER_IS_BETTER } from '../spec/types.js';
import { countGates } from '../evaluate/gate-result.js';
import type { ComparedMetric, MetricsDoc } from '../evaluate/metrics-doc.js';
import { importanceSection } from './importance.js';
import { escapeCell } from './markdown-text.js';

/**
 * `report.md`: the human report of a run, in GitHub-flavoured markdown. The PR comment builds
 * on it, so the most important thing (did the gates pass, and why) comes first.
 */
export function buildReport(doc: MetricsDoc): string {
  return [
    header(doc),
    gatesSection(doc),
    baselineSection(doc),
    metricsSection(doc),
    importanceSection(doc.importance),
    confusionSection(doc),
    perClassSection(doc),
    residualSection(doc),
    slicesSection(doc),
    dataSection(doc),
    modelSection(doc),
  ]
    .filter((s) => s !== '')
    .join('\n\n')
    .concat('\n');
}

function header(doc: MetricsDoc): string {
  const { failed, skipped } = countGates(doc.gates);
  const checked = doc.gates.length - skipped;
  const verdict =
    doc.gates.length === 0
      ? 'no gates configured'
      : (failed === 0 ? `all ${checked} gate results passed` : `${failed} of ${checked} gate results failed`) + (skipped ? `, ${skipped} skipped` : '');
  const icon = failed === 0 ? '✅' : '❌';
  const lines = [`## ${icon} ${doc.pipeline.name}: ${verdict}`, ''];
  if (doc.pipeline.description) lines.push(doc.pipeline.description.trim(), '');
  lines.push(
    `\`${doc.pipeline.file}\` · ${doc.task.replace(/_/g, ' ')} · ${doc.model.type} · ` +
      `${doc.data.rows.train} train / ${doc.data.rows.test} test rows · backend \`${doc.backend.name}\``,
  );
  return lines.join('\n');
}

export function gatesSection(doc: MetricsDoc): string {
  if (doc.gates.length === 0) return '';
  const rows = doc.gates.map((g) => {
    const status = { passed: '✅ pass', failed: '❌ fail', no_baseline: '➖ no baseline', skipped: '⏭ skipped' }[g.status];
    const where = g.slice ? `${g.slice.column}=${g.slice.value}` : 'all rows';
    return `| ${status} | ${g.metric} | ${where} | ${num(g.observed)} | ${g.kind} ${num(g.threshold)} | ${escapeCell(g.message)} |`;
  });
  return ['### Gates', '', '| result | metric | rows | observed | rule | why |', '|---|---|---|---:|---|---|', ...rows].join('\n');
}

/** The candidate against the production model on the same test rows, led by a one-line verdict. */
export function baselineSection(doc: MetricsDoc): string {
  if (!doc.baseline) return '';
  const { version, comparison } = doc.baseline;
  const pct = Math.round(comparison.confidence * 100);
  const rows = Object.entries(comparison.metrics).map(([name, m]) => {
    const interval = m.low === null || m.high === null ? '' : `${signedNum(m.low)} – ${signedNum(m.high)}`;
    return `| ${name} ${m.lower_is_better ? '↓' : '↑'} | ${num(m.candidate)} | ${num(m.baseline)} | ${signedNum(m.difference)}${changeMark(m)} | ${interval} |`;
  });
  return [
    `### Compared with production v${version}`,
    '',
    baselineVerdict(doc, doc.baseline),
    '',
    `| metric | candidate | baseline | difference | ${pct}% interval of difference |`,
    '|---|---:|---:|---:|---|',
    ...rows,
    '',
    `Both models scored on the same ${comparison.rows} test rows, each through its own saved preprocessor; ` +
      `intervals from a paired bootstrap (${comparison.bootstrap_samples} resamples). ↑ higher is better, ↓ lower is better.`,
  ].join('\n');
}

function baselineVerdict(doc: MetricsDoc, { version, comparison }: NonNullable<MetricsDoc['baseline']>): string {
  const failed = doc.gates.filter((g) => g.status === 'failed' && (g.kind === 'max_drop' || g.kind === 'max_drop_rel'));
  const checked = doc.gates.filter((g) => g.kind === 'max_drop' || g.kind === 'max_drop_rel');
  const named = (verdict: ComparedMetric['verdict']) =>
    Object.entries(comparison.metrics).filter(([, m]) => m.verdict === verdict).map(([name]) => name);
  const worse = named('worse');
  const better = named('better');
  const gateLine = checked.length === 0
    ? ''
    : failed.length > 0
      ? ` ❌ ${failed.length} of ${checked.length} gate results against production failed.`
      : ` ✅ all ${checked.length} gate results against production passed.`;
  if (comparison.bootstrap_samples === 0) {
    return `**Verdict:** differences from production v${version} shown without intervals (evaluate.bootstrap.samples is 0).${gateLine}`;
  }
  const pct = `${Math.round(comparison.confidence * 100)}%`;
  const parts = [
    worse.length > 0 ? `significantly worse than production v${version} on ${worse.join(', ')}` : '',
    better.length > 0 ? `significantly better on ${better.join(', ')}` : '',
  ].filter(Boolean);
  const summary = parts.length === 0
    ? `no significant difference from production v${version} on any metric`
    : parts.join('; ');
  return `**Verdict:** ${summary} (${pct} paired bootstrap).${gateLine}`;
}

function changeMark(m: ComparedMetric): string {
  if (m.verdict === 'worse') return ' 🔻 worse';
  if (m.verdict === 'better') return ' 🔺 better';
  return '';
}

export function signedNum(v: number | null): string {
  if (v === null || !Number.isFinite(v) || v === 0) return num(v);
  return v > 0 ? `+${num(v)}` : num(v);
}

export function metricsSection(doc: MetricsDoc): string {
  const pct = Math.round(doc.confidence * 100);
  const rows = Object.entries(doc.metrics).map(([name, value]) => {
    const iv = doc.intervals[name];
    const interval = iv ? `${num(iv.low)} – ${num(iv.high)}` : '';
    const better = LOWER_IS_BETTER.has(name) ? '↓' : '↑';
    return `| ${name} ${better} | ${num(value)} | ${interval} |`;
  });
  return [
    '### Metrics (held-out test rows)',
    '',
    `| metric | value | ${pct}% interval (bootstrap, ${doc.bootstrap_samples} resamples) |`,
    '|---|---:|---|',
    ...rows,
  ].join('\n');
}

function confusionSection(doc: MetricsDoc): string {
  if (!doc.confusion) return '';
  const { labels, matrix } = doc.confusion;
  const head = `| actual ↓ / predicted → | ${labels.map(escapeCell).join(' | ')} |`;
  const sep = `|---|${labels.map(() => '---:').join('|')}|`;
  const rows = matrix.map((r, i) => `| **${escapeCell(labels[i])}** | ${r.join(' | ')} |`);
  return ['<details><summary>Confusion matrix</summary>', '', head, sep, ...rows, '', '</details>'].join('\n');
}

function perClassSection(doc: MetricsDoc): string {
  if (!doc.per_class) return '';
  const rows = doc.per_class.map(
    (c) => `| ${escapeCell(c.label)} | ${num(c.precision)} | ${num(c.recall)} | ${num(c.f1)} | ${c.support} |`,
  );
  return ['### Per class', '', '| class | precision | recall | f1 | support |', '|---|---:|---:|---:|---:|', ...rows].join('\n');
}

function residualSection(doc: MetricsDoc): string {
  if (!doc.residuals) return '';
  const rows = Object.entries(doc.residuals).map(([k, v]) => `| ${k} | ${num(v)} |`);
  return ['<details><summary>Residuals (actual − predicted)</summary>', '', '| statistic | value |', '|---|---:|', ...rows, '', '</details>'].join('\n');
}

export function slicesSection(doc: MetricsDoc): string {
  if (doc.slices.length === 0) return '';
  const out: string[] = ['### Slices'];
  for (const s of doc.slices) {
    const names = Object.keys(s.rows[0]?.metrics ?? {}).slice(0, 5);
    out.push('', `**${escapeCell(s.column)}**`, '', `| value | rows | ${names.join(' | ')} |`, `|---|---:|${names.map(() => '---:').join('|')}|`);
    for (const r of s.rows) {
      const note = r.gated ? '' : ' (too few rows to gate)';
      out.push(`| ${escapeCell(r.value)}${note} | ${r.n} | ${names.map((n) => num(r.metrics[n])).join(' | ')} |`);
    }
  }
  return out.join('\n');
}

export function dataSection(doc: MetricsDoc): string {
  const d = doc.data;
  const lines = [
    '### Data',
    '',
    `- source \`${d.source}\` (${d.format}), fingerprint \`${d.fingerprint.slice(0, 19)}…\``,
    `- rows: ${d.rows.read} read, ${d.rows.dropped_missing_target} dropped (missing target), ${d.rows.train} train, ${d.rows.test} test`,
    ...(d.streamed ? ['- streamed by Parquet row group (`data.stream`): test rows chosen by a seeded hash of the row number (not stratified); reference statistics from a seeded sample of training rows'] : []),
    `- target \`${d.target}\`${d.classes.length > 0 ? ` with classes ${d.classes.map((c) => `\`${c}\``).join(', ')}` : ''}`,
    `- features: ${d.features.numeric.length} numeric, ${d.features.categorical.length} categorical → ${d.input_columns} model inputs`,
  ];
  if (d.features.inferred !== undefined) {
    const added = d.features.inferred.map((c) => `\`${c}\``).join(', ') || 'none';
    lines.push(`- features.infer is on: features added by inference: ${added} (list the features and set \`infer: false\` to choose them)`);
  }
  for (const c of d.features.missing_indicators ?? []) lines.push(`- \`${c}\` imputed with a missing-indicator input \`${c}=(missing)\``);
  for (const e of d.features.excluded) lines.push(`- left out \`${e.column}\`: ${e.reason}`);
  for (const w of d.warnings) lines.push(`- ⚠️ ${w}`);
  return lines.join('\n');
}

function modelSection(doc: MetricsDoc): string {
  const p = doc.model.params;
  const arch = doc.model.type === 'mlp'
    ? `hidden ${JSON.stringify(p.hidden_units)}, ${p.activation}, dropout ${p.dropout}, `
    : doc.model.type === 'gbdt' ? `${p.max_iter} iterations of ≤ ${p.max_leaf_nodes} leaves, learning rate ${p.learning_rate}, ` : '';
  const t = doc.training;
  const fit = [
    t.epochs_run !== undefined ? `${t.epochs_run} epochs` : '',
    t.best_epoch !== undefined ? `best epoch ${t.best_epoch}` : '',
    t.iterations !== undefined ? `${t.iterations} solver iterations` : '',
  ].filter(Boolean).join(', ');
  const durations = Object.entries(doc.durations_ms).map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`).join(', ');
  return [
    '<details><summary>Model and run</summary>',
    '',
    `- ${doc.model.type}: ${arch}seed ${doc.model.seed}${fit ? `; ${fit}` : ''}`,
    `- backend \`${doc.backend.name}\` (${doc.backend.reason}); PipePilot ${doc.versions.pipepilot}`,
    `- content key \`${doc.content_key}\``,
    `- durations: ${durations}`,
    '',
    '</details>',
  ].join('\n');
}

/** Four significant decimals is what a reviewer compares; null is an undefined metric. */
export function num(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  if (Number.isInteger(v) && Math.abs(v) < 1e6) return String(v);
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-3 || a >= 1e6) ? v.toExponential(3) : v.toFixed(4);
}
