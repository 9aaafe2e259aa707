import type { TrialRecord } from '../tune/trial.js';
import { bestTrial, better, type Direction } from '../tune/trial.js';
import { inlineText } from './markdown-text.js';

export interface TuneReportInput {
  pipeline: { name: string; file: string };
  metric: string;
  direction: Direction;
  sampler: string;
  pruner: string;
  /** "validation split 0.2" or "5-fold cv", of the training rows. */
  objective: string;
  trials: readonly TrialRecord[];
  importance: readonly { name: string; importance: number }[];
  /** What shards conditioned on, for a merged study (said in the report, not hidden). */
  note?: string;
  /** The winner's run report (trained on all training rows, evaluated on the test rows). */
  winnerReport?: string;
  /** List only this many trials, the best first (a pull request body); default: every trial, by number. */
  topTrials?: number;
}

/** Trials shown in the history chart: beyond this, axis labels overlap. */
const MAX_CHART_TRIALS = 60;

/** `report.md` of a study: best trial, importance, optimisation history, every trial, then the winner's run report. */
export function buildTuneReport(r: TuneReportInput): string {
  const best = bestTrial(r.trials, r.direction);
  const count = (s: string) => r.trials.filter((t) => t.state === s).length;
  const sections = [
    `## Tuning ${inlineText(r.pipeline.name)}: ${best ? `best ${r.metric} ${fmt(best.value!)} (trial ${best.number})` : 'no trial completed'}`,
    `\`${inlineText(r.pipeline.file)}\` · ${r.sampler} sampler · ${r.pruner} pruner · ${r.metric} (${r.direction}) on a ${r.objective} of the training rows · ` +
      `${r.trials.length} trials: ${count('complete')} complete, ${count('pruned')} pruned, ${count('failed')} failed`,
    r.note ? `> ${r.note}` : '',
    best ? `### Best trial\n\n| param | value |\n|---|---|\n${Object.entries(best.params).map(([k, v]) => `| ${inlineText(k)} | \`${JSON.stringify(v)}\` |`).join('\n')}` : '',
    r.importance.length > 0
      ? `### Parameter importance\n\nShare of the objective's variance explained by each param's main effect (binned fANOVA estimate over the complete trials).\n\n| param | importance |\n|---|---|\n${r.importance.map((i) => `| ${inlineText(i.name)} | ${i.importance.toFixed(3)} |`).join('\n')}`
      : '',
    historyChart(r),
    r.topTrials !== undefined && r.trials.length > r.topTrials ? topTrialsTable(r.trials, r.topTrials, r.direction) : trialsTable([...r.trials].sort((a, b) => a.number - b.number)),
    r.winnerReport ? `### The winner on the test rows\n\n${r.winnerReport.trim()}` : '',
  ];
  return sections.filter((s) => s !== '').join('\n\n') + '\n';
}

/** Complete trials' values (bars) and the best so far (line), as a mermaid xychart like the PR comment's trend. */
export function historyChart(r: Pick<TuneReportInput, 'trials' | 'metric' | 'direction'>): string {
  const complete = r.trials.filter((t) => t.state === 'complete' && t.value !== null).sort((a, b) => a.number - b.number);
  if (complete.length < 2) return '';
  const bestSoFar: number[] = [];
  for (const t of complete) {
    const prev = bestSoFar[bestSoFar.length - 1];
    bestSoFar.push(prev === undefined || better(t.value!, prev, r.direction) ? t.value! : prev);
  }
  const shown = complete.slice(-MAX_CHART_TRIALS);
  const line = bestSoFar.slice(-MAX_CHART_TRIALS);
  const values = shown.map((t) => t.value!);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = high > low ? (high - low) / 10 : Math.max(Math.abs(high) / 100, 0.01);
  const label = (s: string) => `"${s.replace(/["\\\n\r]/g, '')}"`;
  return [
    '### Optimisation history',
    '',
    '```mermaid',
    'xychart-beta',
    `  title ${label(`${r.metric} by trial (bars) and best so far (line)`)}`,
    `  x-axis [${shown.map((t) => label(`#${t.number}`)).join(', ')}]`,
    `  y-axis ${label(r.metric)} ${plain(low - pad)} --> ${plain(high + pad)}`,
    `  bar [${values.map(plain).join(', ')}]`,
    `  line [${line.map(plain).join(', ')}]`,
    '```',
  ].join('\n');
}

function trialsTable(trials: readonly TrialRecord[], title = 'Trials'): string {
  const rows = trials.map((t) =>
    `| ${t.number} | ${t.state} | ${t.value === null ? '—' : fmt(t.value)} | ${t.pruned_at ?? ''} | ${(t.duration_ms / 1000).toFixed(1)} | ${inlineText(JSON.stringify(t.params), 200)} |`);
  return `### ${title}\n\n| # | state | value | pruned at | seconds | params |\n|---|---|---|---|---|---|\n${rows.join('\n')}`;
}

/** The `n` best complete trials, best first (ties: the lower number), and how many more there were. */
function topTrialsTable(trials: readonly TrialRecord[], n: number, direction: Direction): string {
  const complete = trials.filter((t) => t.state === 'complete' && t.value !== null);
  const ranked = [...complete].sort((a, b) => (a.value === b.value ? a.number - b.number : better(a.value!, b.value!, direction) ? -1 : 1));
  const shown = ranked.slice(0, n);
  return `${trialsTable(shown, `Top ${shown.length} of ${trials.length} trials`)}\n\n_${trials.length - shown.length} more (${trials.length - complete.length} pruned or failed) are in the study's trials.jsonl._`;
}

function fmt(v: number): string {
  return Math.abs(v) >= 1000 || v === 0 ? String(Number(v.toPrecision(6))) : v.toPrecision(4);
}

/** Plain decimals for mermaid (no exponent notation). */
function plain(v: number): string {
  const s = String(Number(v.toPrecision(6)));
  return s.includes('e') ? v.toFixed(12) : s;
}
