import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeStackTrace, runCli } from '../helpers/cli.js';
import { tempProject } from '../helpers/temp-project.js';

const bcData = { copy: 'pipelines/data/breast-cancer.csv' };

/** A small study: 60 rows of breast cancer would do, but the whole file still trains in milliseconds per epoch. */
function pipeline(tune: string, params = '{hidden_units: [4], epochs: 8, batch_size: 64}'): string {
  return [
    'apiVersion: pipepilot/v1',
    'name: bc',
    'data: {source: data/bc.csv, target: diagnosis, positive_class: malignant}',
    'model:',
    '  task: binary_classification',
    '  type: mlp   # tuned by the test',
    `  params: ${params}`,
    '  seed: 3',
    'evaluate: {bootstrap: {samples: 20}}',
    'gates: [{metric: roc_auc, min: 0.5}]',
    `tune: ${tune}`,
    '',
  ].join('\n');
}

const RANDOM = '{metric: roc_auc, sampler: random, pruner: none, trials: 6, parallelism: 3, space: {learning_rate: {loguniform: [0.001, 0.1]}, hidden_units: {choice: [[2], [4]]}}}';
const TPE = '{metric: roc_auc, sampler: tpe, trials: 6, parallelism: 2, cv: 2, space: {learning_rate: {loguniform: [0.001, 0.1]}}}';

function trialsOf(dir: string, out: string) {
  return readFileSync(join(dir, out, 'trials.jsonl'), 'utf8').trim().split('\n')
    .map((l) => JSON.parse(l) as { number: number; duration_ms: number })
    .map(({ duration_ms: _d, ...rest }) => rest)
    .sort((a, b) => a.number - b.number);
}

describe('pipepilot tune', () => {
  it('1 worker and 2 workers run the same trials, pick the same winner and write the same report', async () => {
    const dir = tempProject({ 'p.yaml': pipeline(TPE), 'data/bc.csv': bcData });
    const one = await runCli(['tune', 'p.yaml', '--workers', '1', '--out', 'one', '--quiet'], dir);
    const two = await runCli(['tune', 'p.yaml', '--workers', '2', '--out', 'two', '--quiet'], dir);
    expect([one.code, two.code], one.stderr + two.stderr).toEqual([0, 0]);
    expect(trialsOf(dir, 'two')).toEqual(trialsOf(dir, 'one'));
    expect(trialsOf(dir, 'one')).toHaveLength(6);
    const report = readFileSync(join(dir, 'one', 'report.md'), 'utf8');
    expect(report).toContain('2-fold cv');
    expect(report).toContain('xychart-beta');
    expect(report).toContain('### The winner on the test rows');
    const winner = JSON.parse(readFileSync(join(dir, 'two', 'winner', 'metrics.json'), 'utf8'));
    expect(winner.data.rows.test).toBe(113);
    expect(readFileSync(join(dir, 'one', 'winner', 'model', 'weights.bin')).equals(readFileSync(join(dir, 'two', 'winner', 'model', 'weights.bin')))).toBe(true);
  });

  it('shards 0/2 and 1/2, merged, are the same study as one unsharded run', async () => {
    const dir = tempProject({ 'p.yaml': pipeline(RANDOM), 'data/bc.csv': bcData });
    const whole = await runCli(['tune', 'p.yaml', '--workers', '1', '--out', 'whole', '--json'], dir);
    const s0 = await runCli(['tune', 'p.yaml', '--workers', '1', '--shard', '0/2', '--out', 's0', '--quiet'], dir);
    const s1 = await runCli(['tune', 'p.yaml', '--workers', '1', '--shard', '1/2', '--out', 's1', '--quiet'], dir);
    expect([whole.code, s0.code, s1.code]).toEqual([0, 0, 0]);
    expect(trialsOf(dir, 's0').map((t) => t.number)).toEqual([0, 2, 4]);
    const merged = await runCli(['tune', 'merge', 's0', 's1', '--out', 'merged', '--json'], dir);
    expect(merged.code, merged.stderr).toBe(0);
    expect(trialsOf(dir, 'merged')).toEqual(trialsOf(dir, 'whole'));
    expect(JSON.parse(merged.stdout).best).toEqual(JSON.parse(whole.stdout).best);
  });

  it('pruning stops trials early on a space with an obviously bad region', async () => {
    const tune = '{metric: roc_auc, sampler: random, pruner: median, trials: 14, parallelism: 1, space: {learning_rate: {choice: [0.000001, 0.05]}}}';
    const dir = tempProject({ 'p.yaml': pipeline(tune, '{hidden_units: [4], epochs: 12, batch_size: 64}'), 'data/bc.csv': bcData });
    const res = await runCli(['tune', 'p.yaml', '--workers', '1', '--out', 'o', '--quiet'], dir);
    expect(res.code, res.stderr).toBe(0);
    const trials = trialsOf(dir, 'o') as unknown as { state: string; pruned_at?: number; params: { learning_rate: number } }[];
    const pruned = trials.filter((t) => t.state === 'pruned');
    expect(pruned.length).toBeGreaterThan(0);
    for (const t of pruned) {
      expect(t.pruned_at).toBeLessThan(12);
      expect(t.params.learning_rate).toBe(0.000001);
    }
  });

  it('--resume after a cut-short trials.jsonl finishes the same study; without --resume the directory is refused', async () => {
    const dir = tempProject({ 'p.yaml': pipeline(RANDOM), 'data/bc.csv': bcData });
    expect((await runCli(['tune', 'p.yaml', '--workers', '1', '--out', 'full', '--quiet'], dir)).code).toBe(0);
    const before = trialsOf(dir, 'full').slice(0, 2);
    const lines = readFileSync(join(dir, 'full', 'trials.jsonl'), 'utf8').split('\n');
    // Two trials on disk and a third cut off mid-line, as a kill during a write leaves it.
    writeFileSync(join(dir, 'full', 'trials.jsonl'), lines.slice(0, 2).join('\n') + '\n' + lines[2].slice(0, 20));
    const refused = await runCli(['tune', 'p.yaml', '--out', 'full', '--quiet'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--resume');
    const resumed = await runCli(['tune', 'p.yaml', '--workers', '1', '--out', 'full', '--resume', '--quiet'], dir);
    expect(resumed.code, resumed.stderr).toBe(0);
    const after = trialsOf(dir, 'full');
    expect(after).toHaveLength(6);
    expect(after.slice(0, 2)).toEqual(before);
  });

  it('--propose rewrites only model.params, keeping the comment', async () => {
    const dir = tempProject({ 'p.yaml': pipeline(RANDOM), 'data/bc.csv': bcData });
    const before = readFileSync(join(dir, 'p.yaml'), 'utf8');
    const res = await runCli(['tune', 'p.yaml', '--workers', '1', '--propose', '--json'], dir);
    expect(res.code, res.stderr).toBe(0);
    const best = JSON.parse(res.stdout).best.params as { learning_rate: number; hidden_units: number[] };
    const after = readFileSync(join(dir, 'p.yaml'), 'utf8');
    const changed = after.split('\n').filter((l, i) => l !== before.split('\n')[i]);
    expect(changed).toEqual([`  params: {hidden_units: [${best.hidden_units.join(', ')}], epochs: 8, batch_size: 64, learning_rate: ${best.learning_rate}}`]);
    expect(after).toContain('# tuned by the test');
  });
});

describe('pipepilot tune: bad input exits 2 with a located message, never a stack trace', () => {
  const cases: [string, string, string[], RegExp][] = [
    ['a space over a param linear ignores', pipeline('{metric: roc_auc, space: {learning_rate: {loguniform: [0.001, 0.1]}}}').replace('type: mlp', 'type: linear').replace('hidden_units: [4], epochs: 8, batch_size: 64', 'max_iter: 50'), [], /p\.yaml:11:\d+: tune\.space\.learning_rate: model type linear does not use learning_rate/],
    ['a metric the task does not report', pipeline('{metric: rmse, space: {l2: {loguniform: [0.001, 0.1]}}}'), [], /p\.yaml:11:\d+: tune\.metric 'rmse' is not reported for binary_classification/],
    ['a log range with a zero bound', pipeline('{metric: roc_auc, space: {l2: {uniform: [0, 0.1], log: true}}}'), [], /p\.yaml:11:\d+: .*both bounds must be > 0/],
    ['no tune section', pipeline('{metric: roc_auc, space: {l2: {uniform: [0, 1]}}}').replace(/^tune:.*$/m, ''), [], /has no tune section/],
    ['a shard out of range', pipeline(RANDOM), ['--shard', '2/2'], /--shard 2\/2: expected I\/N/],
    ['a zero trial count', pipeline(RANDOM), ['--trials', '0'], /--trials 0: expected a positive integer/],
  ];
  it.each(cases)('%s', async (_name, text, extra, message) => {
    const dir = tempProject({ 'p.yaml': text, 'data/bc.csv': bcData });
    const res = await runCli(['tune', 'p.yaml', ...extra], dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(message);
    expect(looksLikeStackTrace(res.stderr)).toBe(false);
  });

  it('merge refuses shards of different studies', async () => {
    const dir = tempProject({ 'p.yaml': pipeline(RANDOM), 'data/bc.csv': bcData });
    expect((await runCli(['tune', 'p.yaml', '--workers', '1', '--shard', '0/2', '--trials', '2', '--out', 's0', '--quiet'], dir)).code).toBe(0);
    writeFileSync(join(dir, 'p.yaml'), pipeline(RANDOM.replace('trials: 6', 'trials: 7')));
    const res = await runCli(['tune', 'merge', 's0', '--out', 'm'], dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/not the study p\.yaml describes now \(pipeline_sha256/);
  });
});
