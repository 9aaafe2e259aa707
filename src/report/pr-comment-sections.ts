import type { RegistryMetadata } from '../registry/metadata.js';
import { flatPreprocess } from '../registry/version-diff.js';
import { LOWER_IS_BETTER, type PreprocessSpec } from '../spec/types.js';
import { details, htmlText, inlineText } from './markdown-text.js';
import type { ComparedMetric, MetricsDoc } from '../evaluate/metrics-doc.js';
import { signedDiff } from './pr-comment-verdict.js';
import { num } from './run-report.js';
import { paramsUsedBy } from '../spec/model-params.js';

/**
 * The metric table: against production on the same rows when the run was compared with it,
 * else the candidate's own metrics with intervals. `order` puts the gated metrics first.
 */
export function metricsDiff(doc: MetricsDoc, production: { version: number; metadata: RegistryMetadata } | undefined, order: string[]): string {
  const names = [...new Set([...order, ...Object.keys(doc.metrics)])].filter((n) => n in doc.metrics);
  const arrow = (n: string) => (LOWER_IS_BETTER.has(n) ? '↓' : '↑');
  if (doc.baseline) {
    const { version, comparison: cmp } = doc.baseline;
    const pct = Math.round(cmp.confidence * 100);
    const rows = names.filter((n) => cmp.metrics[n]).map((n) => comparedRow(n, arrow(n), cmp.metrics[n]));
    return [
      `### Metrics vs production v${version}`,
      '',
      `| metric | candidate | production v${version} | change | ${pct}% CI of change | |`,
      '|---|---:|---:|---:|---|---|',
      ...rows,
      '',
      `<sub>Both scored on the same ${cmp.rows} test rows; paired bootstrap, ${cmp.bootstrap_samples} resamples. ` +
        '↑/↓: higher/lower is better. ▲/▼: direction of the change. Significant: the whole interval on one side of 0.</sub>',
    ].join('\n');
  }
  if (production) {
    const theirs = production.metadata.metrics;
    const rows = names.map((n) => {
      const d = doc.metrics[n] !== null && theirs[n] != null ? (doc.metrics[n] as number) - (theirs[n] as number) : null;
      return `| ${n} ${arrow(n)} | ${num(doc.metrics[n])} | ${num(theirs[n] ?? null)} | ${change(d)} |`;
    });
    return [
      `### Metrics vs production v${production.version}`,
      '',
      `| metric | candidate | production v${production.version} | change |`,
      '|---|---:|---:|---:|',
      ...rows,
      '',
      '<sub>Not a paired comparison: each model on its own test rows (this run was not scored against production).</sub>',
    ].join('\n');
  }
  const pct = Math.round(doc.confidence * 100);
  const rows = names.map((n) => {
    const iv = doc.intervals[n];
    return `| ${n} ${arrow(n)} | ${num(doc.metrics[n])} | ${iv && iv.low !== null && iv.high !== null ? `${num(iv.low)} to ${num(iv.high)}` : ''} |`;
  });
  return [
    '### Metrics',
    '',
    '**No production model yet**: the candidate\'s own metrics on its held-out rows.',
    '',
    `| metric | value | ${pct}% CI |`,
    '|---|---:|---|',
    ...rows,
    '',
    `<sub>${doc.data.rows.test} test rows; bootstrap, ${doc.bootstrap_samples} resamples. ↑/↓: higher/lower is better.</sub>`,
  ].join('\n');
}

function comparedRow(name: string, arrow: string, m: ComparedMetric): string {
  const ci = m.low === null || m.high === null ? '' : `${signedDiff(m.low)} to ${signedDiff(m.high)}`;
  const verdict = m.verdict === 'worse' ? '🔴 **significantly worse**'
    : m.verdict === 'better' ? '🟢 **significantly better**'
      : m.verdict === 'unclear' ? 'not significant' : '';
  return `| ${name} ${arrow} | ${num(m.candidate)} | ${num(m.baseline)} | ${change(m.difference)} | ${ci} | ${verdict} |`;
}

function change(d: number | null): string {
  if (d === null) return '—';
  return d > 0 ? `▲ ${signedDiff(d)}` : d < 0 ? `▼ ${signedDiff(d)}` : '= 0';
}

/** Parameters as flat name → shown value: task, type, seed, then each parameter (nested ones dotted, sorted). */
function flatParams(task: string, model: MetricsDoc['model']): Map<string, string> {
  const out = new Map<string, string>([['task', task], ['model type', model.type], ['seed', String(model.seed)]]);
  const walk = (prefix: string, value: unknown) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const k of Object.keys(value).sort()) walk(prefix ? `${prefix}.${k}` : k, (value as Record<string, unknown>)[k]);
    } else out.set(prefix, JSON.stringify(value));
  };
  // Projected on both sides: a production version registered before params were projected carries every default.
  walk('', paramsUsedBy(model.type, model.params));
  return out;
}

/** The preprocess settings as `preprocess.<dotted name>` → shown value; empty when not recorded. */
function flatSettings(preprocess: PreprocessSpec | undefined): Map<string, string> {
  return new Map((preprocess ? flatPreprocess(preprocess) : []).map(([k, v]) => [`preprocess.${k}`, JSON.stringify(v)]));
}

/**
 * What changed in the model's settings against production's version: changed parameters and
 * preprocessing settings in a table, unchanged ones collapsed (`withUnchanged: false` leaves that
 * list out when trimming). A production version registered before its preprocess block was
 * recorded is compared on parameters only, and the section says so.
 */
export function paramsDiff(doc: MetricsDoc, production: { version: number; metadata: RegistryMetadata }, opts: { withUnchanged: boolean }): string {
  const comparable = doc.preprocess !== undefined && production.metadata.preprocess !== undefined;
  const ours = new Map([...flatParams(doc.task, doc.model), ...(comparable ? flatSettings(doc.preprocess) : [])]);
  const theirs = new Map([...flatParams(production.metadata.task, production.metadata.model_spec), ...(comparable ? flatSettings(production.metadata.preprocess) : [])]);
  const names = [...new Set([...theirs.keys(), ...ours.keys()])];
  const changed = names.filter((n) => ours.get(n) !== theirs.get(n));
  const same = names.filter((n) => ours.get(n) === theirs.get(n));
  const v = `v${production.version}`;
  const show = (s: string | undefined) => (s === undefined ? '—' : inlineText(s, 80));
  const lines = [`### Parameters vs ${v}`, ''];
  if (changed.length === 0) {
    const settings = comparable ? ' and preprocessing' : '';
    lines.push(`No change: model type, seed, all ${same.filter((n) => !n.startsWith('preprocess.')).length - 3} parameters${settings} as in ${v}.`);
  } else {
    lines.push(`| parameter | ${v} | candidate |`, '|---|---|---|', ...changed.map((n) => `| ${inlineText(n)} | ${show(theirs.get(n))} | ${show(ours.get(n))} |`));
  }
  if (opts.withUnchanged && changed.length > 0 && same.length > 0) {
    lines.push('', details(`${same.length} unchanged`, same.map((n) => `${inlineText(n)} ${show(ours.get(n))}`).join(' · ')));
  }
  if (!comparable) lines.push('', `<sub>Preprocessing not compared: ${doc.preprocess === undefined ? 'this run' : v} predates its recording.</sub>`);
  return lines.join('\n');
}

/** The confusion matrix (and per-class scores) or the residual summary, collapsed. */
export function errorsDetail(doc: MetricsDoc): string {
  if (doc.confusion) {
    const { labels, matrix } = doc.confusion;
    const head = `| actual ↓ / predicted → | ${labels.map((l) => inlineText(l, 30)).join(' | ')} |`;
    const table = [head, `|---|${labels.map(() => '---:').join('|')}|`, ...matrix.map((r, i) => `| **${inlineText(labels[i], 30)}** | ${r.join(' | ')} |`)];
    const perClass = doc.per_class && doc.per_class.length > 2
      ? ['', '| class | precision | recall | f1 | support |', '|---|---:|---:|---:|---:|',
        ...doc.per_class.map((c) => `| ${inlineText(c.label, 30)} | ${num(c.precision)} | ${num(c.recall)} | ${num(c.f1)} | ${c.support} |`)]
      : [];
    return details(`Confusion matrix (${doc.data.rows.test} test rows)`, [...table, ...perClass].join('\n'));
  }
  if (doc.residuals) {
    const rows = Object.entries(doc.residuals).map(([k, v]) => `| ${inlineText(k)} | ${num(v)} |`);
    return details(`Residuals, actual − predicted (${doc.data.rows.test} test rows)`, ['| statistic | value |', '|---|---:|', ...rows].join('\n'));
  }
  return '';
}

/** More slice values than this show only the worst ones (by the headline metric). */
export const MAX_SLICE_ROWS = 50;

/** Per-slice metrics, one collapsed table per slice column; against production when compared. */
export function slicesDetail(doc: MetricsDoc, headline: string | undefined): string {
  return doc.slices.map((s) => {
    const compared = new Map((doc.baseline?.comparison.slices.find((c) => c.column === s.column)?.rows ?? []).map((r) => [r.value, r.metrics]));
    const names = [...new Set([headline ?? '', ...Object.keys(s.rows[0]?.metrics ?? {})])].filter((n) => n in (s.rows[0]?.metrics ?? {})).slice(0, 3);
    const versus = doc.baseline !== undefined && compared.size > 0 && headline !== undefined;
    const key = names[0];
    const rank = (v: number | null | undefined) => (v === null || v === undefined ? -Infinity : LOWER_IS_BETTER.has(key) ? -v : v);
    const shown = s.rows.length <= MAX_SLICE_ROWS ? s.rows : [...s.rows].sort((a, b) => rank(a.metrics[key]) - rank(b.metrics[key])).slice(0, MAX_SLICE_ROWS);
    const head = `| value | rows | ${names.join(' | ')}${versus ? ` | ${headline} v${doc.baseline?.version} | change |` : ' |'}`;
    const sep = `|---|---:|${names.map(() => '---:').join('|')}${versus ? '|---:|---|' : '|'}`;
    const rows = shown.map((r) => {
      const m = compared.get(r.value)?.[headline ?? ''];
      const tail = versus ? ` | ${num(m?.baseline ?? null)} | ${m ? change(m.difference) : ''}${m?.verdict === 'worse' ? ' 🔴' : m?.verdict === 'better' ? ' 🟢' : ''} |` : ' |';
      return `| ${inlineText(r.value, 40)}${r.gated ? '' : ' (too few rows to gate)'} | ${r.n} | ${names.map((n) => num(r.metrics[n])).join(' | ')}${tail}`;
    });
    const more = shown.length < s.rows.length ? `\n\nThe ${MAX_SLICE_ROWS} worst of ${s.rows.length} values by ${key}; all of them are in report.md in the run bundle.` : '';
    return details(`Slices by ${htmlText(s.column, 40)} (${s.rows.length} ${s.rows.length === 1 ? 'value' : 'values'})`, [head, sep, ...rows].join('\n') + more);
  }).join('\n\n');
}
