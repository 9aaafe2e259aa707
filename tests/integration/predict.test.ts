import { readFileSync, writeFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { looksLikeStackTrace, runCli } from '../helpers/cli.js';
import { tempProject } from '../helpers/temp-project.js';

const penguinsPipeline = [
  'apiVersion: pipepilot/v1',
  'name: pg',
  'data: {source: data/penguins.json, target: Species}',
  'model: {task: multiclass_classification, type: linear, seed: 1}',
  'evaluate: {bootstrap: {samples: 0}}',
].join('\n');

async function trainedProject(): Promise<string> {
  const dir = tempProject({ 'p.yaml': penguinsPipeline, 'data/penguins.json': { copy: 'pipelines/data/penguins.json' } });
  const res = await runCli(['run', 'p.yaml', '--out', 'run', '--quiet'], dir);
  expect(res.code).toBe(0);
  return dir;
}

describe('pipepilot predict: a model folder that does not exist', () => {
  it('says the directory does not exist (exit 2), not that it is an unknown model name', async () => {
    const dir = tempProject({ 'data/penguins.json': { copy: 'pipelines/data/penguins.json' } });
    const res = await runCli(['predict', '--model', '.pipepilot/runs/nope', '--input', 'data/penguins.json'], dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/--model \.pipepilot\/runs\/nope: no such directory/);
    expect(res.stderr).not.toMatch(/not a model name|unknown model|no model named/i);
    expect(looksLikeStackTrace(res.stderr)).toBe(false);
  });
});

describe('pipepilot predict', () => {
  it('scores a file through the saved preprocessor: one row out per row in, labels and probabilities', async () => {
    const dir = await trainedProject();
    const res = await runCli(['predict', '--model', 'run', '--input', 'data/penguins.json', '--output', 'pred.csv'], dir);
    expect(res.code).toBe(0);
    const rows = parse(readFileSync(join(dir, 'pred.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const truth = JSON.parse(readFileSync(join(dir, 'data/penguins.json'), 'utf8')) as { Species: string }[];
    expect(rows).toHaveLength(truth.length);
    expect(Object.keys(rows[0])).toEqual(['prediction', 'probability_Adelie', 'probability_Chinstrap', 'probability_Gentoo']);
    const correct = rows.filter((r, i) => r.prediction === truth[i].Species).length;
    expect(correct / rows.length).toBeGreaterThan(0.95);
    for (const r of rows.slice(0, 20)) {
      const sum = Number(r.probability_Adelie) + Number(r.probability_Chinstrap) + Number(r.probability_Gentoo);
      expect(sum).toBeCloseTo(1, 4);
    }
  });

  it('missing values are imputed and unseen categories go to the unknown bucket, as in training', async () => {
    const dir = await trainedProject();
    const records = [
      { Island: 'Atlantis', 'Beak Length (mm)': 39, 'Beak Depth (mm)': 18.7, 'Flipper Length (mm)': 181, 'Body Mass (g)': 3750, Sex: null },
      { Island: 'Biscoe', 'Beak Length (mm)': null, 'Beak Depth (mm)': 15, 'Flipper Length (mm)': 217, 'Body Mass (g)': 5000, Sex: 'MALE' },
    ];
    writeFileSync(join(dir, 'new.jsonl'), records.map((r) => JSON.stringify(r)).join('\n'));
    const res = await runCli(['predict', '--model', 'run/model', '--input', 'new.jsonl'], dir);
    expect(res.code).toBe(0);
    const out = res.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out.map((o) => o.prediction)).toEqual(['Adelie', 'Gentoo']);
  });

  it('an input without a feature column exits 2 naming the column', async () => {
    const dir = await trainedProject();
    writeFileSync(join(dir, 'new.csv'), 'Island,Sex\nBiscoe,MALE\n');
    const res = await runCli(['predict', '--model', 'run', '--input', 'new.csv'], dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/Beak Length \(mm\)/);
    expect(looksLikeStackTrace(res.stderr)).toBe(false);
  });

  it('a damaged model directory exits 2 naming the file', async () => {
    const dir = await trainedProject();
    truncateSync(join(dir, 'run/model/weights.bin'), 10);
    const res = await runCli(['predict', '--model', 'run', '--input', 'data/penguins.json'], dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/weights|model\.json/);
    writeFileSync(join(dir, 'run/model/preprocessor.json'), '{"format": "something else"}');
    const res2 = await runCli(['predict', '--model', 'run', '--input', 'data/penguins.json'], dir);
    expect(res2.code).toBe(2);
    expect(looksLikeStackTrace(res.stderr + res2.stderr)).toBe(false);
  });
});
