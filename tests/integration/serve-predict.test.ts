import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { manifestYaml } from '../helpers/registry-fixtures.js';
import { bcRecords, commitAndPush, deployedRepo, startServer } from '../helpers/serve-fixtures.js';
import { tempRepo } from '../helpers/temp-repo.js';

describe('serve: predictions over loopback', () => {
  it('answers /models/bc/predict with the same predictions as `pipepilot predict` on the same rows', async () => {
    const repo = await deployedRepo();
    const server = await startServer(repo);
    const records = bcRecords(readFileSync(join(repo.dir, 'data/bc.csv'), 'utf8'), 20);
    const res = await server.post('/models/bc/predict', { records });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json.model).toBe('bc');
    expect(res.json.version).toBe(1);
    writeFileSync(join(repo.dir, 'rows.json'), JSON.stringify(records));
    const cli = await runCli(['predict', '--model', 'bc', '--version', '1', '--input', 'rows.json'], repo.dir);
    expect(cli.code, cli.stderr).toBe(0);
    const expected = cli.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(res.json.predictions).toEqual(expected);
  });
});

describe('serve: routes and formats', () => {
  it('takes one record or {records}, batches, and /predict when one model is deployed', async () => {
    const repo = await deployedRepo();
    const server = await startServer(repo);
    const records = bcRecords(readFileSync(join(repo.dir, 'data/bc.csv'), 'utf8'), 300);
    const many = await server.post('/models/bc/predict/batch', { records });
    expect(many.status).toBe(200);
    const predictions = many.json.predictions as { prediction: string; probabilities: Record<string, number> }[];
    expect(predictions).toHaveLength(300);
    expect(Object.keys(predictions[0].probabilities).sort()).toEqual(['benign', 'malignant']);
    const one = await server.post('/models/bc/predict', records[5]);
    expect(one.json.predictions).toEqual([predictions[5]]);
    expect((await server.post('/predict', { records: records.slice(0, 3) })).json.predictions).toEqual(predictions.slice(0, 3));
    expect((await server.post('/predict/batch', records.slice(0, 4))).json.predictions).toEqual(predictions.slice(0, 4));
  });

  it('speaks MLflow\'s scoring format on /invocations: dataframe_split, dataframe_records, instances, inputs', async () => {
    const repo = await deployedRepo();
    const server = await startServer(repo);
    const records = bcRecords(readFileSync(join(repo.dir, 'data/bc.csv'), 'utf8'), 5);
    const labels = ((await server.post('/predict', { records })).json.predictions as { prediction: string }[]).map((p) => p.prediction);
    const columns = Object.keys(records[0]);
    const bodies = [
      { dataframe_split: { columns, data: records.map((r) => columns.map((c) => r[c])) } },
      { dataframe_records: records },
      { instances: records },
      { inputs: records },
      { inputs: Object.fromEntries(columns.map((c) => [c, records.map((r) => r[c])])) },
    ];
    for (const body of bodies) {
      const res = await server.post('/invocations', body);
      expect(res.status, JSON.stringify(res.json)).toBe(200);
      expect(res.json.predictions).toEqual(labels);
      expect(res.json.version).toBe(1);
    }
  });

  it('reports /healthz, /readyz (503 before the first load, 200 after), /models and Prometheus /metrics', async () => {
    const repo = await deployedRepo();
    const server = await startServer(repo, { refresh: false });
    expect((await server.get('/healthz')).status).toBe(200);
    const before = await server.get('/readyz');
    expect(before.status).toBe(503);
    expect(JSON.parse(before.text).why.join(' ')).toMatch(/not been read/);
    await server.app.refresh();
    const after = await server.get('/readyz');
    expect(after.status, after.text).toBe(200);
    const models = JSON.parse((await server.get('/models')).text).models;
    expect(models).toEqual([{ name: 'bc', version: 1, canary: null, loaded_at: '2026-01-01T00:00:00.000Z', digests_verified: true, revision: expect.stringMatching(/^[0-9a-f]{40}$/) }]);
    const records = bcRecords(readFileSync(join(repo.dir, 'data/bc.csv'), 'utf8'), 10);
    await server.post('/models/bc/predict', { records });
    await server.post('/models/bc/predict', { records: [] });
    const metrics = (await server.get('/metrics')).text;
    expect(metrics).toMatch(/pipepilot_requests_total\{model="bc",version="1",route="\/models\/:name\/predict",status="200"\} 1/);
    expect(metrics).toMatch(/pipepilot_requests_total\{model="bc",version="",route="\/models\/:name\/predict",status="400"\} 1/);
    expect(metrics).toMatch(/pipepilot_request_duration_seconds_bucket\{[^}]*model="bc"/);
    expect(metrics).toMatch(/pipepilot_predictions_total\{model="bc",version="1",class="(benign|malignant)"\}/);
    expect(metrics).toMatch(/pipepilot_model_version\{model="bc",role="main"\} 1/);
  });

  it('imputes missing values and sends unseen categories to the unknown bucket, as in training (multiclass)', async () => {
    const pipeline = ['apiVersion: pipepilot/v1', 'name: pg', 'data: {source: data/penguins.json, target: Species}', 'model: {task: multiclass_classification, type: linear, seed: 1}', 'evaluate: {bootstrap: {samples: 0}}'].join('\n') + '\n';
    const repo = tempRepo({ 'p.yaml': pipeline, 'data/penguins.json': { copy: 'pipelines/data/penguins.json' } });
    const reg = await runCli(['register', 'p.yaml', '-q'], repo.dir);
    expect(reg.code, reg.stderr).toBe(0);
    commitAndPush(repo, 'models/pg/deployments/production.yaml', manifestYaml('pg', 1));
    const server = await startServer(repo);
    const res = await server.post('/models/pg/predict', { records: [
      { Island: 'Atlantis', 'Beak Length (mm)': 39, 'Beak Depth (mm)': 18.7, 'Flipper Length (mm)': 181, 'Body Mass (g)': 3750, Sex: null },
      { Island: 'Biscoe', 'Beak Length (mm)': null, 'Beak Depth (mm)': 15, 'Flipper Length (mm)': 217, 'Body Mass (g)': 5000, Sex: 'MALE' },
    ] });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const predictions = res.json.predictions as { prediction: string; probabilities: Record<string, number> }[];
    expect(predictions.map((p) => p.prediction)).toEqual(['Adelie', 'Gentoo']);
    expect(Object.values(predictions[0].probabilities).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });
});
