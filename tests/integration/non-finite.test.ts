import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeStackTrace, runCli } from '../helpers/cli.js';
import { bcRecords, deployedRepo, startServer } from '../helpers/serve-fixtures.js';
import { tempProject } from '../helpers/temp-project.js';

// The case: one extreme but valid value (1e308) in an otherwise good row.
const bcPipeline = (source: string) => [
  'apiVersion: pipepilot/v1',
  'name: bc',
  `data: {source: ${source}, target: diagnosis, positive_class: malignant}`,
  'model: {task: binary_classification, type: linear, seed: 1}',
  'evaluate: {bootstrap: {samples: 0}}',
].join('\n');

const penguinsPipeline = [
  'apiVersion: pipepilot/v1',
  'name: pg',
  'data: {source: data/penguins.json, target: Species}',
  'model: {task: multiclass_classification, type: linear, seed: 1}',
  'evaluate: {bootstrap: {samples: 0}}',
].join('\n');

/** The CSV with data row `row` (1-based, the header not counted) starting with `value` in its first column. */
function withValue(csv: string, row: number, value: string): string {
  const lines = csv.split('\n');
  lines[row] = lines[row].replace(/^[^,]*/, value);
  return lines.join('\n');
}

describe('nothing non-finite reaches an answer', () => {
  it('run: a 1e308 in a feature exits 2 naming the data file, the data row and the column (not the matrix cell)', async () => {
    const csv = readFileSync('pipelines/data/breast-cancer.csv', 'utf8');
    // Data rows 5 (likely train) and 40 (wherever the split puts it): each is named as in the file.
    for (const row of [5, 40]) {
      const dir = tempProject({ 'p.yaml': bcPipeline('data/bad.csv'), 'data/bad.csv': withValue(csv, row, '1e308') });
      const res = await runCli(['run', 'p.yaml', '--out', 'run', '--quiet'], dir);
      expect(res.code, res.stderr).toBe(2);
      expect(res.stderr).toMatch(new RegExp(`data/bad\\.csv: data row ${row}, column 'mean_radius': 1e\\+308`));
      expect(res.stderr).not.toMatch(/training matrix/);
      expect(looksLikeStackTrace(res.stderr)).toBe(false);
    }
  });

  it('predict: a 1e308 row exits 2 naming the input file, its data row and column; the good rows alone score', async () => {
    const csv = readFileSync('pipelines/data/breast-cancer.csv', 'utf8');
    const dir = tempProject({ 'p.yaml': bcPipeline('data/bc.csv'), 'data/bc.csv': csv });
    expect((await runCli(['run', 'p.yaml', '--out', 'run', '--quiet'], dir)).code).toBe(0);
    const head = csv.split('\n').slice(0, 4).join('\n') + '\n';
    writeFileSync(join(dir, 'rows.csv'), withValue(head, 2, '1e308'));
    const bad = await runCli(['predict', '--model', 'run', '--input', 'rows.csv'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^error: rows\.csv: data row 2, column 'mean_radius': 1e\+308 is too far from the training data/);
    writeFileSync(join(dir, 'rows.csv'), head);
    const good = await runCli(['predict', '--model', 'run', '--input', 'rows.csv'], dir);
    expect(good.code).toBe(0);
    expect(good.stdout.trim().split('\n')).toHaveLength(3);
  });

  it('predict: a softmax whose logits overflow (NaN probabilities) exits 2 instead of answering a label picked from NaNs', async () => {
    const dir = tempProject({ 'p.yaml': penguinsPipeline, 'data/penguins.json': { copy: 'pipelines/data/penguins.json' } });
    expect((await runCli(['run', 'p.yaml', '--out', 'run', '--quiet'], dir)).code).toBe(0);
    const header = 'Island,Beak Length (mm),Beak Depth (mm),Flipper Length (mm),Body Mass (g),Sex\n';
    // Both inputs stay within float32 after scaling (~1e38), but their logits do not.
    writeFileSync(join(dir, 'rows.csv'), header + 'Biscoe,39,18,181,3750,MALE\nBiscoe,39,18,2e39,2e41,MALE\n');
    const res = await runCli(['predict', '--model', 'run', '--input', 'rows.csv'], dir);
    expect(res.code, res.stdout).toBe(2);
    expect(res.stderr).toMatch(/rows\.csv: data row 2, column '(Body Mass \(g\)|Flipper Length \(mm\))': the model's output for this row is NaN/);
    // Far out but finite answers are answers: a saturated probability of exactly 1 is kept.
    writeFileSync(join(dir, 'rows.csv'), header + 'Biscoe,39,18,181,1e30,MALE\n');
    const far = await runCli(['predict', '--model', 'run', '--input', 'rows.csv'], dir);
    expect(far.code).toBe(0);
    expect(Object.values(JSON.parse(far.stdout).probabilities as Record<string, number>).sort()).toEqual([0, 0, 1]);
  });

  it('serve: the same record is a 400 naming the record and the field; the other routes and /healthz still answer', async () => {
    const repo = await deployedRepo();
    const server = await startServer(repo);
    const [good, second] = bcRecords(readFileSync(join(repo.dir, 'data/bc.csv'), 'utf8'), 2);
    const extreme = { ...second, mean_radius: 1e308 };
    for (const [path, body] of [
      ['/models/bc/predict', { records: [good, extreme] }],
      ['/models/bc/predict/batch', [good, extreme]],
      ['/invocations', { dataframe_records: [good, extreme] }],
    ] as const) {
      const res = await server.post(path, body);
      expect(res.status, `${path}: ${JSON.stringify(res.json)}`).toBe(400);
      expect(res.json).toMatchObject({ field: 'mean_radius', record: 2 });
      expect(res.json.error).toMatch(/^record 2, column 'mean_radius': 1e\+308 is too far from the training data/);
    }
    expect((await server.post('/models/bc/predict', good)).status).toBe(200);
    expect((await server.get('/healthz')).status).toBe(200);
  });
});
