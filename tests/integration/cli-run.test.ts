import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeStackTrace, runCli } from '../helpers/cli.js';
import { tempProject } from '../helpers/temp-project.js';

const bcData = { copy: 'pipelines/data/breast-cancer.csv' };
const penguinsData = { copy: 'pipelines/data/penguins.json' };

function pipeline(lines: string[]): string {
  return ['apiVersion: pipepilot/v1', ...lines].join('\n') + '\n';
}

const binaryLinear = (gates = '[{metric: accuracy, min: 0.9}]') =>
  pipeline([
    'name: bc',
    'data: {source: data/bc.csv, target: diagnosis, positive_class: malignant}',
    'model: {task: binary_classification, type: linear, seed: 3}',
    'evaluate: {bootstrap: {samples: 100}}',
    `gates: ${gates}`,
  ]);

describe('pipepilot run', () => {
  it('same pipeline, data and seed: bitwise-identical weights and identical metrics on two runs', async () => {
    const dir = tempProject({
      'p.yaml': pipeline([
        'name: pg',
        'data: {source: data/penguins.json, target: Species}',
        'model: {task: multiclass_classification, type: mlp, seed: 5, params: {hidden_units: [8], epochs: 15, batch_size: 16}}',
        'evaluate: {bootstrap: {samples: 50}}',
      ]),
      'data/penguins.json': penguinsData,
    });
    const a = await runCli(['run', 'p.yaml', '--out', 'a', '--quiet'], dir);
    const b = await runCli(['run', 'p.yaml', '--out', 'b', '--quiet'], dir);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(readFileSync(join(dir, 'a/model/weights.bin')).equals(readFileSync(join(dir, 'b/model/weights.bin')))).toBe(true);
    const ma = JSON.parse(readFileSync(join(dir, 'a/metrics.json'), 'utf8'));
    const mb = JSON.parse(readFileSync(join(dir, 'b/metrics.json'), 'utf8'));
    expect(mb.metrics).toEqual(ma.metrics);
    expect(mb.intervals).toEqual(ma.intervals);
    expect(mb.content_key).toBe(ma.content_key);
  });

  it('a failing gate exits 1 and says which gate and why, one line each', async () => {
    const dir = tempProject({
      'p.yaml': binaryLinear('[{metric: accuracy, min: 0.999}, {metric: roc_auc, min: 0.5}, {metric: log_loss, max: 0.0001}]'),
      'data/bc.csv': bcData,
    });
    const res = await runCli(['run', 'p.yaml', '--out', 'out', '--quiet'], dir);
    expect(res.code).toBe(1);
    const failed = res.stderr.split('\n').filter((l) => l.startsWith('gate failed:'));
    expect(failed).toHaveLength(2);
    expect(failed[0]).toMatch(/accuracy .* 0\.999/);
    expect(failed[1]).toMatch(/log_loss/);
    const metrics = JSON.parse(readFileSync(join(dir, 'out/metrics.json'), 'utf8'));
    expect(metrics.gates_passed).toBe(false);
  });

  it('--json prints the metrics document on stdout', async () => {
    const dir = tempProject({ 'p.yaml': binaryLinear(), 'data/bc.csv': bcData });
    const res = await runCli(['run', 'p.yaml', '--json'], dir);
    expect(res.code).toBe(0);
    const doc = JSON.parse(res.stdout);
    expect(doc.metrics.accuracy).toBeGreaterThan(0.9);
    expect(doc.data.rows.read).toBe(569);
  });

  it('a gate against production reports "no baseline" and passes', async () => {
    const dir = tempProject({
      'p.yaml': binaryLinear('[{metric: roc_auc, max_drop: 0.01, vs: production}]'),
      'data/bc.csv': bcData,
    });
    const res = await runCli(['run', 'p.yaml', '--out', 'out', '--quiet'], dir);
    expect(res.code).toBe(0);
    const metrics = JSON.parse(readFileSync(join(dir, 'out/metrics.json'), 'utf8'));
    expect(metrics.gates[0].status).toBe('no_baseline');
    expect(readFileSync(join(dir, 'out/report.md'), 'utf8')).toMatch(/no baseline/);
  });

  it('rows with a missing target are dropped and counted', async () => {
    const csv = readFileSync(join(process.cwd(), 'pipelines/data/breast-cancer.csv'), 'utf8').split('\n');
    // Blank the diagnosis of three rows.
    for (const i of [5, 50, 500]) csv[i] = csv[i].replace(/,(malignant|benign)(\r?)$/, ',$2');
    const dir = tempProject({ 'p.yaml': binaryLinear(), 'data/bc.csv': csv.join('\n') });
    const res = await runCli(['run', 'p.yaml', '--json'], dir);
    expect(res.code).toBe(0);
    const doc = JSON.parse(res.stdout);
    expect(doc.data.rows.dropped_missing_target).toBe(3);
    expect(doc.data.rows.used).toBe(566);
  });
});

describe('pipepilot run: bad input exits 2 with the place named, never a stack trace', () => {
  const cases: { name: string; tree: Record<string, string | { copy: string }>; expect: RegExp }[] = [
    {
      name: 'misspelt key',
      tree: { 'p.yaml': binaryLinear().replace('target:', 'trget:'), 'data/bc.csv': bcData },
      expect: /p\.yaml:\d+:\d+: .*trget/,
    },
    {
      name: 'data path escaping the repository',
      tree: { 'p.yaml': binaryLinear().replace('data/bc.csv', '../../etc/passwd') },
      expect: /p\.yaml:\d+:\d+: .*data\.source/,
    },
    {
      name: 'missing data file',
      tree: { 'p.yaml': binaryLinear() },
      expect: /data\/bc\.csv: no such file/,
    },
    {
      name: 'target column missing from the data',
      tree: { 'p.yaml': binaryLinear().replace('target: diagnosis', 'target: outcome'), 'data/bc.csv': bcData },
      expect: /outcome/,
    },
    {
      name: 'empty data file',
      tree: { 'p.yaml': binaryLinear(), 'data/bc.csv': '' },
      expect: /data\/bc\.csv/,
    },
    {
      name: 'binary garbage as data',
      tree: { 'p.yaml': binaryLinear(), 'data/bc.csv': '\u0000\u0001\u00ff\u00fe garbage \u0000' },
      expect: /data\/bc\.csv/,
    },
    {
      name: 'Infinity in a numeric feature',
      tree: {
        'p.yaml': binaryLinear(),
        'data/bc.csv': 'a,b,diagnosis\n' + Array.from({ length: 60 }, (_, i) => `${i === 7 ? 'Infinity' : i},${i % 3},${i % 2 ? 'malignant' : 'benign'}`).join('\n'),
      },
      expect: /'?a'?.*(finite|Infinity)|(finite|Infinity).*'?a'?/,
    },
    {
      name: 'empty pipeline file',
      tree: { 'p.yaml': '' },
      expect: /p\.yaml/,
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const dir = tempProject(c.tree);
      const res = await runCli(['run', 'p.yaml', '--out', 'out', '--quiet'], dir);
      expect(res.stderr).toMatch(c.expect);
      expect(res.code).toBe(2);
      expect(looksLikeStackTrace(res.stderr)).toBe(false);
      expect(res.stderr).not.toMatch(/internal error/);
    });
  }
});
