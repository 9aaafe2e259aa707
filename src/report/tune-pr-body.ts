import { buildTuneReport, type TuneReportInput } from './tune-report.js';
import { inlineText } from './markdown-text.js';

/** Trials listed in the pull request body; every trial is in the job summary's report. */
export const PR_TOP_TRIALS = 10;

export interface TunePrBodyInput {
  study: TuneReportInput;
  /** The pipeline file the pull request changes (repository path). */
  file: string;
  /** Each proposed param with the value model.params has now (undefined: not written, the type's default applies). */
  changes: { param: string; before: unknown; after: unknown }[];
  /** Who asked, and how. */
  origin: string;
  /** Whether the winner passed its gates on the test rows. */
  gatesPassed: boolean;
}

/**
 * The body of the tuning proposal pull request: what changes in the pipeline file, then the
 * study as report.md shows it (best trial, importance, history, the winner's test metrics and
 * gates) with only its top trials listed.
 */
export function tunePrBody(r: TunePrBodyInput): string {
  // Values are the space's numbers and choices; a code span shows them as written (no escapes inside it).
  const shown = (v: unknown) => (v === undefined ? '_default_' : `\`${JSON.stringify(v).replace(/[`|\n]/g, ' ')}\``);
  const rows = r.changes.map((c) => `| ${inlineText(c.param)} | ${shown(c.before)} | ${shown(c.after)} |`);
  return [
    `This pull request sets \`model.params\` of \`${inlineText(r.file)}\` to the best trial of a \`pipepilot tune\` study ` +
      `(${r.study.trials.length} trials, scored on the training rows only). ${r.origin}`,
    `| param | now | proposed |\n|---|---|---|\n${rows.join('\n')}`,
    `The winner, trained on all the training rows, ${r.gatesPassed ? 'passed' : 'failed'} its gates on the test rows (below). ` +
      'Like any change to a pipeline, this pull request is checked by the PR gates against production before it can be merged; ' +
      'merging it changes the pipeline, and the release after the merge registers the model it trains.',
    buildTuneReport({ ...r.study, topTrials: PR_TOP_TRIALS }).trim(),
  ].join('\n\n') + '\n';
}
