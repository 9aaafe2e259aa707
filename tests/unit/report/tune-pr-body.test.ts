import { describe, expect, it } from 'vitest';
import { PR_TOP_TRIALS, tunePrBody } from '../../../src/report/tune-pr-body.js';
import { buildTuneReport, type TuneReportInput } from '../../../src/report/tune-report.js';
import type { TrialRecord } from '../../../src/tune/trial.js';

const trial = (number: number, value: number | null, state: TrialRecord['state'] = 'complete'): TrialRecord =>
  ({ number, params: { l2: number / 100 }, value, state, duration_ms: 1000, intermediate: [] });

function study(trials: TrialRecord[], direction: TuneReportInput['direction']): TuneReportInput {
  return { pipeline: { name: 'bc', file: 'pipelines/bc.yaml' }, metric: 'm', direction, sampler: 'random', pruner: 'none', objective: 'validation split 0.2', trials, importance: [] };
}

/** The trial numbers of the trials table, in the order listed. */
function listed(body: string): number[] {
  const table = body.slice(body.indexOf('| # | state |'));
  return [...table.matchAll(/^\| (\d+) \| (?:complete|pruned|failed) \|/gm)].map((m) => Number(m[1]));
}

describe('the tuning pull request body', () => {
  // 14 trials: values 0.50 + n/100, a tie (trials 3 and 12 both 0.53), one pruned and one failed.
  const trials = Array.from({ length: 14 }, (_, n) => trial(n, n === 12 ? 0.53 : 0.5 + n / 100));
  trials[5] = trial(5, null, 'pruned');
  trials[6] = trial(6, null, 'failed');

  it('lists the top trials only, best first, ties by the lower number, and says how many more there are', () => {
    const maximize = tunePrBody({ study: study(trials, 'maximize'), file: 'pipelines/bc.yaml', changes: [], origin: '', gatesPassed: true });
    expect(listed(maximize)).toEqual([13, 11, 10, 9, 8, 7, 4, 3, 12, 2]);
    expect(maximize).toContain(`### Top ${PR_TOP_TRIALS} of 14 trials`);
    expect(maximize).toContain('_4 more (2 pruned or failed) are in the study\'s trials.jsonl._');
    const minimize = tunePrBody({ study: study(trials, 'minimize'), file: 'pipelines/bc.yaml', changes: [], origin: '', gatesPassed: true });
    expect(listed(minimize)).toEqual([0, 1, 2, 3, 12, 4, 7, 8, 9, 10]);
  });

  it('with at most the top count, every trial by number, as report.md lists them', () => {
    const ten = trials.slice(0, PR_TOP_TRIALS);
    const body = tunePrBody({ study: study(ten, 'maximize'), file: 'pipelines/bc.yaml', changes: [], origin: '', gatesPassed: true });
    expect(listed(body)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(body).toContain('### Trials');
    expect(listed(buildTuneReport(study(trials, 'maximize')))).toEqual(trials.map((t) => t.number));
  });

  it('shows each proposed param with its value now (or the default) and the proposal, then the gates verdict', () => {
    const body = tunePrBody({
      study: study(trials.slice(0, 3), 'maximize'),
      file: 'pipelines/bc.yaml',
      changes: [{ param: 'l2', before: 0.5, after: 0.02 }, { param: 'max_depth', before: undefined, after: 4 }, { param: 'hidden_units', before: [8], after: [16, 8] }],
      origin: 'Requested by @octocat.',
      gatesPassed: true,
    });
    expect(body.split('\n')[0]).toBe('This pull request sets `model.params` of `pipelines/bc.yaml` to the best trial of a `pipepilot tune` study (3 trials, scored on the training rows only). Requested by @octocat.');
    expect(body).toContain('| l2 | `0.5` | `0.02` |\n| max\\_depth | _default_ | `4` |\n| hidden\\_units | `[8]` | `[16,8]` |');
    expect(body).toContain('passed its gates on the test rows');
    expect(tunePrBody({ study: study(trials.slice(0, 3), 'maximize'), file: 'p.yaml', changes: [], origin: '', gatesPassed: false })).toContain('failed its gates');
  });
});
