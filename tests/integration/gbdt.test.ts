import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeStackTrace, runCli } from '../helpers/cli.js';
import { bcData, manifestYaml, smallPipeline } from '../helpers/registry-fixtures.js';
import { bcRecords, commitAndPush, startServer } from '../helpers/serve-fixtures.js';
import { tempRepo, type TempRepo } from '../helpers/temp-repo.js';

/** A small gbdt on the breast-cancer data: 20 trees of 8 leaves train in well under a second. */
const gbdtParams = '{max_iter: 20, max_leaf_nodes: 8, min_samples_leaf: 10}';
const gbdtPipeline = (opts: { seed?: number; gates?: string } = {}) =>
  smallPipeline({ ...opts, params: gbdtParams }).replace('type: linear', 'type: gbdt');

async function registeredGbdt(): Promise<TempRepo> {
  const repo = tempRepo({ 'p.yaml': gbdtPipeline(), 'data/bc.csv': bcData });
  const res = await runCli(['register', 'p.yaml', '-q'], repo.dir);
  expect(res.code, res.stderr).toBe(0);
  return repo;
}

describe('a gbdt model through the registry, predict, the server and the baseline comparison', () => {
  it('registers, verifies, predicts, serves the same probabilities, routes missing values, and is the baseline of the next run', async () => {
    const repo = await registeredGbdt();
    const model = JSON.parse(readFileSync(join(repo.dir, 'models/bc/v1/model.json'), 'utf8'));
    expect(model.format).toBe('pipepilot-gbdt/v1');
    expect(model.trees).toHaveLength(20);
    expect(readFileSync(join(repo.dir, 'models/bc/v1/weights.bin')).byteLength).toBe(0);
    const meta = JSON.parse(readFileSync(join(repo.dir, 'models/bc/v1/metadata.json'), 'utf8'));
    expect(meta.files['model.json']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect((await runCli(['verify'], repo.dir)).code).toBe(0);
    expect(meta.importance[0].share).toBeGreaterThan(0);
    expect(readFileSync(join(repo.dir, 'models/bc/v1/card.md'), 'utf8')).toContain('### What the model relies on');
    commitAndPush(repo, 'models/bc/deployments/production.yaml', manifestYaml('bc', 1), 'deploy bc v1');

    // predict and the server: one scoring path, the same numbers.
    const predict = await runCli(['predict', '--model', 'bc', '--input', 'data/bc.csv'], repo.dir);
    expect(predict.code, predict.stderr).toBe(0);
    const cli = predict.stdout.trim().split('\n').map((l) => JSON.parse(l) as { prediction: string; probabilities: Record<string, number> });
    expect(cli).toHaveLength(569);
    const server = await startServer(repo);
    const records = bcRecords(readFileSync(join(repo.dir, 'data/bc.csv'), 'utf8'), 5);
    const batch = await server.post('/models/bc/predict/batch', records);
    expect(batch.status).toBe(200);
    const served = batch.json.predictions as { probabilities: Record<string, number> }[];
    expect(served.map((p) => p.probabilities.malignant)).toEqual(cli.slice(0, 5).map((p) => p.probabilities.malignant));

    // Missing values are the trees' to route: the record scores instead of being refused.
    const gappy = await server.post('/models/bc/predict', { ...records[0], mean_radius: null, worst_area: null });
    expect(gappy.status, JSON.stringify(gappy.json)).toBe(200);
    expect(['benign', 'malignant']).toContain((gappy.json.predictions as { prediction: string }[])[0].prediction);

    // Explanations: contributions + expected value = the margin, on the CLI and the server alike.
    const explained = await runCli(['predict', '--model', 'bc', '--input', 'data/bc.csv', '--explain'], repo.dir);
    expect(explained.code, explained.stderr).toBe(0);
    const rows = explained.stdout.trim().split('\n').map((l) => JSON.parse(l) as { probabilities: Record<string, number>; explanation: { expected_value: number; contributions: Record<string, number> } });
    for (const row of rows.slice(0, 50)) {
      const margin = row.explanation.expected_value + Object.values(row.explanation.contributions).reduce((a, b) => a + b, 0);
      expect(Math.abs(1 / (1 + Math.exp(-margin)) - row.probabilities.malignant)).toBeLessThan(1e-6);
      expect(Object.keys(row.explanation.contributions)).toHaveLength(30);
    }
    const servedExplained = await server.post('/models/bc/predict/batch?explain=true', records.slice(0, 2));
    expect(servedExplained.status).toBe(200);
    expect((servedExplained.json.predictions as { explanation: unknown }[]).map((p) => p.explanation)).toEqual(rows.slice(0, 2).map((r) => r.explanation));
    expect((await server.post('/models/bc/predict?explain=maybe', records[0])).status).toBe(400);
    // SageMaker's /invocations: ?explain=true, or CustomAttributes (its only way to say it), give the same explanations.
    const want = rows.slice(0, 2).map((r) => r.explanation);
    const invoked = await server.post('/invocations?explain=true', { dataframe_records: records.slice(0, 2) });
    expect(invoked.status, JSON.stringify(invoked.json)).toBe(200);
    expect(invoked.json.explanations).toEqual(want);
    const sageMaker = { 'x-amzn-sagemaker-custom-attributes': 'trace=abc; explain=true' };
    expect((await server.post('/invocations', { dataframe_records: records.slice(0, 2) }, sageMaker)).json.explanations).toEqual(want);
    expect((await server.post('/invocations', { dataframe_records: records.slice(0, 2) })).json).not.toHaveProperty('explanations');
    const off = await server.post('/invocations', { dataframe_records: records.slice(0, 1) }, { 'x-amzn-sagemaker-custom-attributes': 'explain=false' });
    expect(off.json).not.toHaveProperty('explanations');
    const bad = await server.post('/invocations', { dataframe_records: records.slice(0, 1) }, { 'x-amzn-sagemaker-custom-attributes': 'explain=perhaps' });
    expect(bad.status).toBe(400);
    expect(bad.json.field).toBe('explain');

    // The next candidate is compared with production v1 on the same test rows.
    writeFileSync(join(repo.dir, 'cand.yaml'), gbdtPipeline({ seed: 2, gates: '[{metric: roc_auc, max_drop: 0.05, vs: production}]' }));
    const run = await runCli(['run', 'cand.yaml', '--out', 'cand-run', '--quiet'], repo.dir);
    expect(run.code, run.stderr).toBe(0);
    const metrics = JSON.parse(readFileSync(join(repo.dir, 'cand-run/metrics.json'), 'utf8'));
    expect(metrics.baseline.version).toBe(1);
    // Only the params trees read are reported, with their defaults; none of the MLP's.
    expect(Object.keys(metrics.model.params).sort()).toEqual(['colsample', 'l2', 'learning_rate', 'max_bins', 'max_iter', 'max_leaf_nodes', 'min_hessian', 'min_samples_leaf', 'subsample']);
    expect(meta.model_spec.params).not.toHaveProperty('hidden_units');
    expect(metrics.baseline.metrics.roc_auc).toBeGreaterThan(0.95);
    expect(metrics.gates[0].status).toBe('passed');
    const shares = (metrics.importance as { share: number }[]).map((f) => f.share);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(readFileSync(join(repo.dir, 'cand-run/report.md'), 'utf8')).toMatch(/### What the model relies on[\s\S]*\| 1 \| \w+ \| \d+\.\d% \|/);
  });
});

describe('a tampered tree file', () => {
  it('fails verify and is refused by predict, naming the file', async () => {
    const own = await registeredGbdt();
    const path = join(own.dir, 'models/bc/v1/model.json');
    const model = JSON.parse(readFileSync(path, 'utf8'));
    model.trees[0].value[1] += 10; // still a valid tree file: only the digest can tell
    writeFileSync(path, JSON.stringify(model, null, 2) + '\n');
    const verify = await runCli(['verify'], own.dir);
    expect(verify.code).toBe(1);
    expect(verify.stderr).toMatch(/^models\/bc\/v1\/model\.json: digest sha256:[0-9a-f]{64} does not match metadata\.json/m);
    const predict = await runCli(['predict', '--model', 'bc', '--version', '1', '--input', 'data/bc.csv'], own.dir);
    expect(predict.code).toBe(2);
    expect(predict.stderr).toMatch(/models\/bc\/v1\/model\.json: digest .* refusing to load bc v1/);
    expect(predict.stdout).toBe('');
    expect(looksLikeStackTrace(predict.stderr)).toBe(false);
  });
});

describe('explanations of a model that is not gbdt', () => {
  it('predict --explain on a linear model is bad input (exit 2) saying why', async () => {
    const repo = tempRepo({ 'p.yaml': smallPipeline(), 'data/bc.csv': bcData });
    expect((await runCli(['run', 'p.yaml', '--out', 'run', '--quiet'], repo.dir)).code).toBe(0);
    const res = await runCli(['predict', '--model', 'run', '--input', 'data/bc.csv', '--explain'], repo.dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/explanations are computed for gbdt models only; this model is tfjs/);
    expect(res.stdout).toBe('');
  });
});
