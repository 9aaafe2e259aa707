import { countGates, formatObserved } from '../evaluate/gate-result.js';
import type { GateResult } from '../evaluate/gates.js';
import type { RegistryMetadata } from '../registry/metadata.js';
import { LOWER_IS_BETTER } from '../spec/types.js';
import { inlineText } from './markdown-text.js';
import type { ComparedMetric, MetricsDoc } from '../evaluate/metrics-doc.js';
import { num, signedNum } from './run-report.js';

/**
 * A signed difference: num()'s four decimals, but a small nonzero one as two significant digits
 * in plain notation (-0.00098, not -9.796e-4), since an interval bound near 0 is what is read.
 */
export function signedDiff(v: number | null): string {
  if (v === null || !Number.isFinite(v) || v === 0 || Math.abs(v) >= 1e-3) return signedNum(v);
  const text = String(Number(v.toPrecision(2)));
  return v > 0 ? `+${text}` : text;
}

/** `## ✅ churn: all 4 gates pass` — what a reviewer reads first. Gates with slices count once per slice. */
export function verdictTitle(doc: MetricsDoc): string {
  const { failed, skipped } = countGates(doc.gates);
  const checked = doc.gates.length - skipped;
  const name = inlineText(doc.pipeline.name);
  if (doc.gates.length === 0) return `## ⚪ ${name}: no gates configured`;
  const tail = skipped ? `, ${skipped} skipped` : '';
  const all = checked === 1 ? 'the gate passes' : checked === 2 ? 'both gates pass' : `all ${checked} gates pass`;
  if (failed === 0) return `## ✅ ${name}: ${all}${tail}`;
  return `## ❌ ${name}: ${failed} of ${checked} ${plural(checked, 'gate')} failed${tail}`;
}

/**
 * One sentence on what changed versus production for the headline metric, e.g. "roc_auc 0.9910
 * vs 0.9840 in production v3 (+0.0070, 95% CI -0.0020 to +0.0150, not significant)", then the
 * other metrics that changed significantly.
 */
export function changeSentence(doc: MetricsDoc, production: { version: number; metadata: RegistryMetadata } | undefined, metric: string | undefined): string {
  if (metric === undefined) return 'The run reported no metrics.';
  const value = doc.metrics[metric] ?? null;
  const pct = `${Math.round(doc.confidence * 100)}%`;
  const compared = doc.baseline?.comparison.metrics[metric];
  if (doc.baseline && compared) {
    const { version, comparison } = doc.baseline;
    const interval = compared.low === null || compared.high === null
      ? comparison.bootstrap_samples === 0 ? 'no interval: evaluate.bootstrap.samples is 0' : 'no interval'
      : `${Math.round(comparison.confidence * 100)}% CI ${signedDiff(compared.low)} to ${signedDiff(compared.high)}, ${SIGNIFICANCE[compared.verdict]}`;
    const head = `**${metric} ${num(value)}** vs ${num(compared.baseline)} in production v${version} (${signedDiff(compared.difference)}, ${interval})`;
    return `${head}${otherSignificant(doc.baseline.comparison.metrics, metric)}.`;
  }
  const iv = doc.intervals[metric];
  const own = iv && iv.low !== null && iv.high !== null ? ` (${pct} CI ${num(iv.low)} to ${num(iv.high)})` : '';
  if (production) {
    const theirs = production.metadata.metrics[metric] ?? null;
    return `**${metric} ${num(value)}**${own}; production v${production.version} had ${num(theirs)} on its own test rows ` +
      '(not scored on the same rows, so not a paired comparison).';
  }
  return `**${metric} ${num(value)}**${own} on ${doc.data.rows.test} held-out rows; no production model yet, so nothing to compare with.`;
}

const SIGNIFICANCE: Record<ComparedMetric['verdict'], string> = {
  worse: 'significantly worse',
  better: 'significantly better',
  unclear: 'not significant',
  unknown: 'no interval',
};

function otherSignificant(metrics: Record<string, ComparedMetric>, headline: string): string {
  const named = (verdict: ComparedMetric['verdict']) => Object.entries(metrics).filter(([n, m]) => n !== headline && m.verdict === verdict).map(([n]) => n);
  const parts = [
    named('worse').length > 0 ? `significantly worse on ${named('worse').join(', ')}` : '',
    named('better').length > 0 ? `significantly better on ${named('better').join(', ')}` : '',
  ].filter(Boolean);
  return parts.length === 0 ? '' : `; ${parts.join('; ')}`;
}

/**
 * The gates table, failures first. A slice gate's passing results collapse into one row (the
 * worst slice shown), its failures are listed up to `failedPerGate`; informational results
 * (slices too small to check) become notes under the table.
 */
export function gatesTable(doc: MetricsDoc, opts: { failedPerGate: number }): string {
  if (doc.gates.length === 0) return '### Gates\n\nNo gates configured: add `gates:` to the pipeline so a change cannot pass unchecked.';
  const notes = doc.gates.filter((g) => g.observed === null && g.threshold === null);
  const checked = doc.gates.filter((g) => !notes.includes(g));
  const versus = doc.baseline !== undefined || checked.some((g) => g.baseline !== undefined);
  const rows: string[] = [];
  const row = (g: GateResult) => resultRow(g, versus ? productionSide(doc, g) : undefined);
  for (const group of groupByGate(checked)) rows.push(...groupRows(group, versus, row, opts.failedPerGate));
  const rank = (r: string) => (r.startsWith('| ❌') ? 0 : r.startsWith('| ➖') ? 1 : 2);
  const sorted = rows.map((r, i) => [r, i] as const).sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1]).map(([r]) => r);
  const head = versus ? '| | gate | rows | candidate | production | difference (CI) |\n|---|---|---|---:|---:|---|' : '| | gate | rows | candidate |\n|---|---|---|---:|';
  const lines = ['### Gates', '', head, ...sorted];
  if (notes.length > 0) lines.push('', ...notes.map((g) => `- ℹ️ ${inlineText(g.message, 300)}`));
  return lines.join('\n');
}

function groupByGate(results: GateResult[]): GateResult[][] {
  const groups = new Map<string, GateResult[]>();
  for (const g of results) {
    const key = g.slice ? JSON.stringify([g.gate, g.kind]) : `#${groups.size}`;
    groups.set(key, [...(groups.get(key) ?? []), g]);
  }
  return [...groups.values()];
}

/**
 * Production's value and the difference for a gate's rows: the gate's own (vs production gates),
 * else the run's comparison with production on the same rows, so every gate shows both sides.
 */
function productionSide(doc: MetricsDoc, g: GateResult): { baseline: number | null; difference: NonNullable<GateResult['difference']> } | null {
  if (g.baseline !== undefined && g.difference) return { baseline: g.baseline, difference: g.difference };
  const cmp = doc.baseline?.comparison;
  const m = g.slice
    ? cmp?.slices.find((s) => s.column === g.slice?.column)?.rows.find((r) => r.value === g.slice?.value)?.metrics[g.metric]
    : cmp?.metrics[g.metric];
  return m ? { baseline: m.baseline, difference: { value: m.difference, low: m.low, high: m.high } } : null;
}

function groupRows(group: GateResult[], versus: boolean, resultRow: (g: GateResult) => string, failedPerGate: number): string[] {
  const failed = group.filter((g) => g.status === 'failed' || g.status === 'no_baseline');
  const passed = group.filter((g) => g.status === 'passed');
  const skipped = group.filter((g) => g.status === 'skipped');
  const rows = failed.slice(0, failedPerGate).map(resultRow);
  if (failed.length > failedPerGate) {
    const more = failed.length - failedPerGate;
    rows.push(tableRow(['❌ **fail**', rule(failed[0]), `${more} more ${inlineText(failed[0].slice?.column ?? '', 30)} ${plural(more, 'slice')}`, '', ...(versus ? ['', ''] : [])]));
  }
  if (group[0].slice === undefined || passed.length <= 3) return [...rows, ...passed.map(resultRow), ...skipped.map(resultRow)];
  const worst = passed.reduce((w, g) => (isWorse(g, w) ? g : w));
  const where = `all ${passed.length} other ${inlineText(worst.slice?.column ?? '', 30)} slices`;
  const lowest = `${LOWER_IS_BETTER.has(worst.metric) ? 'highest' : 'lowest'} ${observedText(worst)} (${inlineText(worst.slice?.value ?? '', 30)})`;
  return [...rows, tableRow(['✅ pass', rule(worst), failed.length === 0 ? where.replace(' other', '') : where, lowest, ...(versus ? ['', ''] : [])]), ...skipped.map(resultRow)];
}

function isWorse(a: GateResult, b: GateResult): boolean {
  if (a.observed === null || b.observed === null) return false;
  return LOWER_IS_BETTER.has(a.metric) ? a.observed > b.observed : a.observed < b.observed;
}

/** `side` undefined: no production columns; null: columns, but nothing known for this gate. */
function resultRow(g: GateResult, side: ReturnType<typeof productionSide> | undefined): string {
  const status = { passed: '✅ pass', failed: '❌ **fail**', no_baseline: '➖ no production model', skipped: '⏭ skipped' }[g.status];
  const where = g.slice ? `${inlineText(g.slice.column, 30)} = ${inlineText(g.slice.value, 30)}` : 'all rows';
  const cells = [status, rule(g), where, observedText(g)];
  if (side !== undefined) {
    const d = side?.difference;
    const ci = d && d.low !== null && d.high !== null ? ` (${signedDiff(d.low)} to ${signedDiff(d.high)})` : '';
    cells.push(side ? num(side.baseline) : '', d ? `${signedDiff(d.value)}${ci}` : '');
  }
  return tableRow(cells);
}

function tableRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** The rule in words: `accuracy ≥ 0.95`, `roc_auc drop ≤ 0.01 vs production`. */
function rule(g: GateResult): string {
  const t = g.threshold ?? g.gate[g.kind] ?? null;
  const bound = t === null ? '?' : String(Number(t.toPrecision(4)));
  const change = LOWER_IS_BETTER.has(g.metric) ? 'rise' : 'drop';
  const text = g.kind === 'min' ? `${g.metric} ≥ ${bound}`
    : g.kind === 'max' ? `${g.metric} ≤ ${bound}`
      : g.kind === 'max_drop' ? `${g.metric} ${change} ≤ ${bound} vs production`
        : `${g.metric} ${change} ≤ ${t === null ? '?' : `${Number((t * 100).toPrecision(4))}%`} vs production`;
  return g.gate.significant ? `${text} (significant only)` : text;
}

/** num(), with more digits when rounding would make the value look equal to its bound (0.94996 vs min 0.95). */
function observedText(g: GateResult): string {
  const text = num(g.observed);
  const bound = g.kind === 'min' || g.kind === 'max' ? g.threshold : null;
  if (g.observed === null || bound === null || g.observed === bound || Number(text) !== bound) return text;
  return formatObserved(g.observed, bound);
}

export function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
