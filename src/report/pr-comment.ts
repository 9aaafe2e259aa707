import type { FeatureStats } from '../data/reference-stats.js';
import { headlineMetricNames } from '../registry/headline-metrics.js';
import type { RegistryMetadata } from '../registry/metadata.js';
import { PSI_SIGNIFICANT, featureDrift } from './feature-drift.js';
import { inlineText } from './markdown-text.js';
import { mermaidTrend } from './mermaid-trend.js';
import type { MetricsDoc } from '../evaluate/metrics-doc.js';
import { importanceDiff } from './importance.js';
import { dataDiff, driftDetail } from './pr-comment-data.js';
import { errorsDetail, metricsDiff, paramsDiff, slicesDetail } from './pr-comment-sections.js';
import { changeSentence, gatesTable, verdictTitle } from './pr-comment-verdict.js';

/** GitHub rejects an issue comment body longer than this many characters. */
export const GITHUB_COMMENT_MAX_CHARS = 65_536;
/** A job summary may be 1 MiB; a UTF-16 unit is at most 3 UTF-8 bytes, so this many always fit. */
export const JOB_SUMMARY_MAX_CHARS = Math.floor((1024 * 1024) / 3);

export interface PrCommentInput {
  /** Finds the sticky comment again: written as `<!-- pipepilot:<marker> -->` on the first line. */
  marker: string;
  /** metrics.json of the run (with `baseline` when it was scored against production). */
  candidate: MetricsDoc;
  /** Reference statistics of the candidate's training data (model/reference-stats.json). */
  candidateStats: FeatureStats;
  /**
   * The candidate's numeric training columns, when the caller still has them: PSI is then exact.
   * Without them (rendering from a run bundle) it is estimated from `candidateStats`.
   */
  candidateValues?: ReadonlyMap<string, ArrayLike<number>>;
  /** The version production runs, its metadata.json and reference statistics. Absent: no production model yet. */
  production?: { version: number; metadata: RegistryMetadata; stats: FeatureStats };
  /** The headline metric of recent registered versions, oldest first; the candidate is added as `PR`. */
  trend: { version: number; value: number | null; createdAt?: string }[];
  /** The metric of `trend` and of the summary sentence; default: headlineMetricNames' first, as `history` shows. */
  headlineMetric?: string;
  /** Drift flag bound; default PSI_SIGNIFICANT (0.2), or the pipeline's deploy.drift.psi_max. */
  psiThreshold?: number;
  runUrl?: string;
  /** Name of the uploaded run bundle artifact (its content key). */
  artifactName?: string;
  /** Shown as "updated by PipePilot at …"; supplied by the caller, so the output is a pure function of the input. */
  updatedAt?: string;
  /** Default GITHUB_COMMENT_MAX_CHARS. */
  maxChars?: number;
  /**
   * Leave the marker line out, for a poster that writes it itself (upsertStickyComment writes
   * `<!-- pipepilot:<marker> -->` and a newline before the body): the text is the comment without
   * its first line, and that line still counts against `maxChars`, so marker + text fit.
   */
  omitMarkerLine?: boolean;
}

interface Section {
  name: string;
  /** Renderings from full to least; the last may be '' (left out). */
  levels: string[];
  level: number;
}

/**
 * The sticky pull-request comment: verdict and gates first, then the metric diff against
 * production, the trend, parameter and data diffs (with drift), and collapsed details. Pure and
 * deterministic: the same input gives the same text. At most `maxChars` characters: over it,
 * the least important sections are cut down or left out first (slices, confusion matrix,
 * trend, drift details, parameter details…), and the marker, verdict and gates always stay.
 */
export function renderPrComment(input: PrCommentInput): string {
  const markerLine = `<!-- pipepilot:${markerId(input.marker)} -->`;
  const maxChars = input.maxChars ?? GITHUB_COMMENT_MAX_CHARS;
  return render(input, {
    marker: input.omitMarkerLine === true ? '' : markerLine,
    maxChars: input.omitMarkerLine === true ? maxChars - markerLine.length - 1 : maxChars,
    trimNote: (n) => `_(trimmed: ${n} ${n === 1 ? 'section' : 'sections'} left out to fit GitHub's comment limit; see the job summary / artifact)_`,
  });
}

/**
 * The job summary: the comment's content without the marker (nothing needs to find it again),
 * under the job summary's 1 MiB limit instead of a comment's 65,536 characters, so in practice
 * nothing is trimmed and the comment's "see the job summary" holds.
 */
export function renderJobSummary(input: Omit<PrCommentInput, 'marker'>): string {
  return render(input, {
    marker: '',
    maxChars: input.maxChars ?? JOB_SUMMARY_MAX_CHARS,
    trimNote: (n) => `_(trimmed: ${n} ${n === 1 ? 'section' : 'sections'} left out to fit the job summary limit; see the run bundle artifact)_`,
  });
}

/** The marker as an id: word characters, `.`, `:`, `/` and single dashes, so it cannot end the HTML comment early. */
function markerId(marker: string): string {
  return marker.replace(/[^\w.:/-]+/g, '-').replace(/-{2,}/g, '-');
}

function render(input: Omit<PrCommentInput, 'marker'>, opts: { marker: string; maxChars: number; trimNote: (n: number) => string }): string {
  const sections = buildSections(input);
  const head = [opts.marker, ...['title', 'summary'].map((n) => text(sections, n))].filter(Boolean).join('\n');
  const footer = footerLine(input);
  const assemble = (note: string) =>
    [head, ...sections.filter((s) => s.name !== 'title' && s.name !== 'summary').map((s) => s.levels[s.level]), note, footer].filter(Boolean).join('\n\n') + '\n';
  const trimmed = () => sections.filter((s) => s.levels[s.level] !== s.levels[0]).length;
  const full = assemble('');
  if (full.length <= opts.maxChars) return full;
  for (const [name, level] of TRIM_STEPS) {
    const s = sections.find((x) => x.name === name);
    if (s === undefined || s.levels.length <= level) continue;
    s.level = level;
    const out = assemble(opts.trimNote(trimmed()));
    if (out.length <= opts.maxChars) return out;
  }
  return hardCut(assemble(opts.trimNote(trimmed())), opts.maxChars, `…\n\n${opts.trimNote(trimmed())}\n\n${footer}\n`);
}

/** Least important first: each step cuts one section down a level until the text fits. */
const TRIM_STEPS: [string, number][] = [
  ['slices', 1], ['errors', 1], ['trend', 1], ['driftDetail', 1], ['importance', 1], ['params', 1],
  ['gates', 1], ['params', 2], ['data', 1], ['metrics', 1], ['gates', 2],
];

/** Last resort (thousands of failing slice gates): cut at a line end, keeping the head, note and footer. */
function hardCut(text: string, maxChars: number, tail: string): string {
  const kept = text.slice(0, Math.max(0, maxChars - tail.length));
  const end = kept.lastIndexOf('\n');
  return `${end > 0 ? kept.slice(0, end + 1) : kept}${tail}`.slice(0, maxChars);
}

function text(sections: Section[], name: string): string {
  const s = sections.find((x) => x.name === name);
  return s ? s.levels[s.level] : '';
}

function buildSections(input: Omit<PrCommentInput, 'marker'>): Section[] {
  const doc = input.candidate;
  const order = headlineMetricNames(doc, Number.MAX_SAFE_INTEGER);
  const headline = input.headlineMetric ?? order[0];
  const production = input.production;
  const threshold = input.psiThreshold ?? PSI_SIGNIFICANT;
  const drift = production ? featureDrift(production.stats, input.candidateStats, input.candidateValues) : [];
  const section = (name: string, ...levels: string[]): Section => ({ name, levels, level: 0 });
  return [
    section('title', verdictTitle(doc)),
    section('summary', `${context(doc)}\n\n${changeSentence(doc, production, headline)}`),
    section('gates', gatesTable(doc, { failedPerGate: 50 }), gatesTable(doc, { failedPerGate: 10 }), gatesTable(doc, { failedPerGate: 3 })),
    section('metrics', metricsDiff(doc, production, order), ''),
    section('importance', importanceDiff(doc.importance, production && { version: production.version, importance: production.metadata.importance }), ''),
    section('trend', trendSection(input, headline), ''),
    production
      ? section('params', paramsDiff(doc, production, { withUnchanged: true }), paramsDiff(doc, production, { withUnchanged: false }), '')
      : section('params', ''),
    section('data', dataDiff(doc, production, { features: drift, threshold, withDrift: true }), dataDiff(doc, production, { features: drift, threshold, withDrift: false })),
    section('driftDetail', driftDetail(drift, threshold), ''),
    section('errors', errorsDetail(doc), ''),
    section('slices', slicesDetail(doc, headline), ''),
  ];
}

function context(doc: MetricsDoc): string {
  return `${inlineText(doc.pipeline.file, 80)} · ${doc.task.replace(/_/g, ' ')} · ${doc.model.type} model`;
}

function trendSection(input: Omit<PrCommentInput, 'marker'>, metric: string | undefined): string {
  if (metric === undefined) return '';
  const past = input.trend.filter((t) => t.value !== null && Number.isFinite(t.value));
  const current = input.candidate.metrics[metric] ?? null;
  const points = [...past.map((t) => ({ label: `v${t.version}`, value: t.value as number })), ...(current === null ? [] : [{ label: 'PR', value: current }])];
  const chart = mermaidTrend(metric, points);
  if (chart === '') return '';
  const gaps = input.trend.filter((t) => !past.includes(t)).map((t) => `v${t.version}`);
  const production = input.production ? `; production runs v${input.production.version}` : '';
  const note = `<sub>${metric} of recent versions, oldest first, and this PR${production}.${gaps.length > 0 ? ` No value for ${gaps.join(', ')}.` : ''}</sub>`;
  return [`### ${metric} over versions`, '', chart, '', note].join('\n');
}

function footerLine(input: Omit<PrCommentInput, 'marker'>): string {
  const parts = [
    input.runUrl === undefined ? '' : /^https?:\/\/[^\s<>()[\]]+$/.test(input.runUrl) ? `[workflow run](${input.runUrl})` : `workflow run ${inlineText(input.runUrl, 200)}`,
    input.artifactName === undefined ? '' : `run bundle artifact ${inlineText(input.artifactName, 120)}`,
    `updated by PipePilot${input.updatedAt === undefined ? '' : ` at ${inlineText(input.updatedAt, 40)}`}`,
  ].filter(Boolean);
  return `---\n<sub>${parts.join(' · ')}</sub>`;
}
