import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeStackTrace, runCli } from '../helpers/cli.js';
import { tempProject } from '../helpers/temp-project.js';

/**
 * Tuning `model.type: gbdt` (issue 11 with issue 13): the space over the trees' params, trained
 * through gbdt's public entry point with each fold's column kinds (penguins has two categorical
 * columns and missing values, which the trees take as they are), pruned on the per-iteration
 * validation loss, the same study whatever the worker count.
 */
const penguins = { copy: 'pipelines/data/penguins.json' };

function pipeline(tune: string, params = '{max_iter: 20, early_stopping: {validation_fraction: 0.2, patience: 5}}'): string {
  return [
    'apiVersion: pipepilot/v1',
    'name: pg',
    'data:',
    '  source: data/penguins.json',
    '  target: Species',
    '  features: {numeric: ["Beak Length (mm)", "Beak Depth (mm)", "Flipper Length (mm)", "Body Mass (g)"], categorical: [Island, Sex]}',
    'model:',
    '  task: multiclass_classification',
    '  type: gbdt   # trees, tuned by the test',
    `  params: ${params}`,
    '  seed: 5',
    'evaluate: {bootstrap: {samples: 20}}',
    'gates: [{metric: accuracy, min: 0.8}]',
    `tune: ${tune}`,
    '',
  ].join('\n');
}

/** Every gbdt param the space can search, with the kinds of range each takes. */
const ALL_PARAMS = [
  'learning_rate: {loguniform: [0.03, 0.5]}',
  'max_leaf_nodes: {int: [4, 31], log: true}',
  'max_depth: {int: [2, 6]}',
  'min_samples_leaf: {int: [2, 30]}',
  'min_hessian: {loguniform: [0.0001, 0.1]}',
  'l2: {uniform: [0, 2]}',
  'max_bins: {int: [16, 255]}',
  'max_iter: {int: [5, 25]}',
  'subsample: {uniform: [0.5, 1]}',
  'colsample: {choice: [0.5, 1]}',
].join(', ');
const TPE = `{metric: log_loss, sampler: tpe, pruner: none, trials: 6, parallelism: 2, cv: 2, space: {${ALL_PARAMS}}}`;

function trialsOf(dir: string, out: string) {
  return readFileSync(join(dir, out, 'trials.jsonl'), 'utf8').trim().split('\n')
    .map((l) => JSON.parse(l) as { number: number; duration_ms: number; state: string; value: number | null; params: Record<string, number>; pruned_at?: number })
    .map(({ duration_ms: _d, ...rest }) => rest)
    .sort((a, b) => a.number - b.number);
}

describe('pipepilot tune on gbdt', () => {
  it('searches every gbdt param; 1 and 2 workers give the same trials and the same winning trees', async () => {
    const dir = tempProject({ 'p.yaml': pipeline(TPE), 'data/penguins.json': penguins });
    const one = await runCli(['tune', 'p.yaml', '--workers', '1', '--out', 'one', '--json'], dir);
    const two = await runCli(['tune', 'p.yaml', '--workers', '2', '--out', 'two', '--quiet'], dir);
    expect([one.code, two.code], one.stderr + two.stderr).toEqual([0, 0]);
    const trials = trialsOf(dir, 'one');
    expect(trialsOf(dir, 'two')).toEqual(trials);
    expect(trials).toHaveLength(6);
    expect(trials.every((t) => t.state === 'complete')).toBe(true);
    // The params reach the trees: different settings give different validation losses.
    expect(new Set(trials.map((t) => t.value)).size).toBe(6);
    for (const t of trials) {
      expect(Object.keys(t.params).sort()).toEqual(['colsample', 'l2', 'learning_rate', 'max_bins', 'max_depth', 'max_iter', 'max_leaf_nodes', 'min_hessian', 'min_samples_leaf', 'subsample']);
      expect(Number.isInteger(t.params.max_depth) && t.params.max_depth >= 2 && t.params.max_depth <= 6).toBe(true);
    }
    const winner = (out: string) => readFileSync(join(dir, out, 'winner', 'model', 'model.json'), 'utf8');
    expect(JSON.parse(winner('one')).format).toBe('pipepilot-gbdt/v1');
    expect(winner('two')).toBe(winner('one'));
    const best = JSON.parse(one.stdout) as { best: { params: Record<string, number> }; gates_passed: boolean };
    expect(best.gates_passed).toBe(true);
    // The winner was trained with the best trial's params: its recorded params say so.
    const metrics = JSON.parse(readFileSync(join(dir, 'one', 'winner', 'metrics.json'), 'utf8')) as { model: { params: Record<string, unknown> } };
    expect(metrics.model.params).toMatchObject(best.best.params);
  });

  it('prunes trials on the per-iteration validation loss of a space with an obviously bad region', async () => {
    const tune = '{metric: log_loss, sampler: random, pruner: median, trials: 10, parallelism: 1, space: {learning_rate: {choice: [0.000001, 0.3]}}}';
    const dir = tempProject({ 'p.yaml': pipeline(tune, '{max_iter: 15, early_stopping: {validation_fraction: 0.2, patience: 20}}'), 'data/penguins.json': penguins });
    const res = await runCli(['tune', 'p.yaml', '--workers', '1', '--out', 'o', '--quiet'], dir);
    expect(res.code, res.stderr).toBe(0);
    const trials = trialsOf(dir, 'o');
    const pruned = trials.filter((t) => t.state === 'pruned');
    expect(pruned.length).toBeGreaterThan(0);
    for (const t of pruned) {
      expect(t.pruned_at).toBeLessThan(15);
      expect(t.params.learning_rate).toBe(0.000001);
    }
    expect(trials.some((t) => t.state === 'complete' && t.params.learning_rate === 0.3)).toBe(true);
  });

  it('--propose writes the best gbdt params into model.params, keeping the comment', async () => {
    const tune = '{metric: log_loss, sampler: random, pruner: none, trials: 3, space: {max_leaf_nodes: {int: [4, 16]}, learning_rate: {choice: [0.1, 0.2]}}}';
    const dir = tempProject({ 'p.yaml': pipeline(tune, '{max_iter: 10}'), 'data/penguins.json': penguins });
    const before = readFileSync(join(dir, 'p.yaml'), 'utf8');
    const res = await runCli(['tune', 'p.yaml', '--workers', '1', '--propose', '--json'], dir);
    expect(res.code, res.stderr).toBe(0);
    const best = (JSON.parse(res.stdout) as { best: { params: { max_leaf_nodes: number; learning_rate: number } } }).best.params;
    const after = readFileSync(join(dir, 'p.yaml'), 'utf8');
    const changed = after.split('\n').filter((l, i) => l !== before.split('\n')[i]);
    expect(changed).toEqual([`  params: {max_iter: 10, max_leaf_nodes: ${best.max_leaf_nodes}, learning_rate: ${best.learning_rate}}`]);
    expect(after).toContain('# trees, tuned by the test');
  });
});

describe('pipepilot tune on gbdt: bad spaces exit 2 at file:line:col', () => {
  const cases: [string, string, RegExp][] = [
    ['an MLP param gbdt ignores', '{metric: log_loss, space: {hidden_units: {choice: [[4], [8]]}}}', /p\.yaml:14:\d+: tune\.space\.hidden_units: model type gbdt does not use hidden_units/],
    ['max_bins beyond what gbdt takes', '{metric: log_loss, space: {max_bins: {int: [16, 1024]}}}', /p\.yaml:14:\d+: tune\.space\.max_bins: 1024 is not a valid model\.params\.max_bins/],
    ['a subsample range reaching 0', '{metric: log_loss, space: {subsample: {uniform: [0, 1]}}}', /p\.yaml:14:\d+: tune\.space\.subsample: 0 is not a valid model\.params\.subsample/],
    ['an empty max_depth range', '{metric: log_loss, space: {max_depth: {int: [4, 4]}}}', /p\.yaml:14:\d+: tune\.space\.max_depth\.int must be \[low, high\] with low < high/],
  ];
  it.each(cases)('%s', async (_name, tune, message) => {
    const dir = tempProject({ 'p.yaml': pipeline(tune), 'data/penguins.json': penguins });
    const res = await runCli(['tune', 'p.yaml'], dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(message);
    expect(looksLikeStackTrace(res.stderr)).toBe(false);
  });
});
