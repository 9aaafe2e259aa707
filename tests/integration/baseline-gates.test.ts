import Ajv2020 from 'ajv/dist/2020.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeFiles } from '../../src/cli/node-files.js';
import { readTable } from '../../src/data/read-table.js';
import { BaselineError } from '../../src/errors.js';
import { selectBackend } from '../../src/model/backend.js';
import { loadScoringModel } from '../../src/use-cases/predict.js';
import { type RunResult, runPipeline } from '../../src/use-cases/run-pipeline.js';
import { scoreBaseline } from '../../src/use-cases/score-baseline.js';
import { looksLikeStackTrace, runCli } from '../helpers/cli.js';
import { projectRoot, tempProject } from '../helpers/temp-project.js';

const validateMetrics = new Ajv2020.default({ strict: true, allErrors: true })
  .compile(JSON.parse(readFileSync(join(projectRoot, 'schemas/metrics.schema.json'), 'utf8')));

const bcCsv = readFileSync(join(projectRoot, 'pipelines/data/breast-cancer.csv'), 'utf8');

function pipeline(name: string, lines: string[]): string {
  return ['apiVersion: pipepilot/v1', `name: ${name}`, ...lines, 'deploy: {environments: [staging, production]}'].join('\n') + '\n';
}

/** The production pipeline: logistic regression on all 30 features. */
const production = (source = 'data/bc.csv', positive = 'malignant') => pipeline('bc', [
  `data: {source: ${source}, target: diagnosis, positive_class: ${positive}}`,
  'model: {task: binary_classification, type: linear, seed: 3}',
  'evaluate: {bootstrap: {samples: 300}}',
  'gates: [{metric: roc_auc, max_drop: 0.01, vs: production}, {metric: log_loss, max_drop_rel: 0.5, vs: production, significant: true}]',
]);

/** A clearly worse candidate: one weak feature instead of thirty. */
const oneFeature = pipeline('bc', [
  'data: {source: data/bc.csv, target: diagnosis, positive_class: malignant, features: {numeric: [se_texture], infer: false}}',
  'model: {task: binary_classification, type: linear, seed: 3}',
  'evaluate: {bootstrap: {samples: 300}}',
  'gates: [{metric: roc_auc, max_drop: 0.01, vs: production}]',
]);

/** Trains `pipelineFile` with the CLI into `prod/` and returns a loader of that saved model, as the registry will. */
async function trainProduction(dir: string, pipelineFile: string) {
  const res = await runCli(['run', pipelineFile, '--out', 'prod', '--quiet'], dir);
  expect(res.stderr).toBe('');
  expect(res.code).toBe(0);
  return { version: 4, load: () => loadScoringModel((name) => readFile(join(dir, 'prod/model', name)), 'prod/model') };
}

function runCandidate(dir: string, pipelinePath: string, baseline?: Awaited<ReturnType<typeof trainProduction>>): Promise<RunResult> {
  const logs: string[] = [];
  return runPipeline(
    { files: nodeFiles(dir), log: { info: (s) => logs.push(s), warn: (s) => logs.push(s) }, clock: { now: () => 0 } },
    { pipelinePath, backend: { name: 'wasm', reason: 'test' }, codeVersion: '0.0.0-test', baseline },
  );
}

describe('gates against a real production model', () => {
  beforeAll(async () => {
    await selectBackend('wasm');
  });

  it('a clearly worse candidate fails max_drop, with candidate, baseline and difference in the message and the report', async () => {
    const dir = tempProject({ 'prod.yaml': production(), 'worse.yaml': oneFeature, 'data/bc.csv': bcCsv });
    const baseline = await trainProduction(dir, 'prod.yaml');
    const result = await runCandidate(dir, 'worse.yaml', baseline);
    expect(result.gatesPassed).toBe(false);
    const [gate] = result.metrics.gates;
    expect(gate).toMatchObject({ kind: 'max_drop', status: 'failed' });
    expect(gate.baseline).toBeGreaterThan(0.98);
    expect(gate.observed).toBeLessThan(0.9);
    expect(gate.difference!.value).toBeCloseTo(gate.observed! - gate.baseline!, 12);
    expect(gate.difference!.high).toBeLessThan(0);
    expect(gate.message).toMatch(
      /^roc_auc 0\.\d{3} vs production v4 0\.9\d\d: difference -0\.\d{3} \(95% interval -0\.\d{3} to -0\.\d{3}\); drop 0\.\d{3} > max_drop 0\.01$/,
    );

    // The baseline's metrics are those of the saved production run on the same test rows (same data, same split).
    const prodMetrics = JSON.parse(readFileSync(join(dir, 'prod/metrics.json'), 'utf8'));
    const doc = result.metrics;
    expect(doc.baseline!.version).toBe(4);
    expect(doc.baseline!.metrics.roc_auc).toBe(prodMetrics.metrics.roc_auc);
    expect(doc.baseline!.comparison.metrics.roc_auc).toMatchObject({ verdict: 'worse', lower_is_better: false });
    expect(doc.baseline!.comparison.metrics.log_loss).toMatchObject({ verdict: 'worse', lower_is_better: true });
    const json = JSON.parse(JSON.stringify(doc));
    expect(validateMetrics(json), JSON.stringify(validateMetrics.errors)).toBe(true);

    expect(result.report).toContain('### Compared with production v4');
    expect(result.report).toContain('| metric | candidate | baseline | difference | 95% interval of difference |');
    expect(result.report).toMatch(/\*\*Verdict:\*\* significantly worse than production v4 on [a-z0-9_, ]*roc_auc[a-z0-9_, ]*.*❌ 1 of 1 gate results against production failed\./);
    expect(result.report).toMatch(/\| roc_auc ↑ \| 0\.\d{4} \| 0\.9\d{3} \| -0\.\d{4} 🔻 worse \| -0\.\d{4} – -0\.\d{4} \|/);
    expect(result.report).toMatch(/\| log_loss ↓ \| /);
  });

  it('the production model itself as the candidate passes: every difference is exactly 0', async () => {
    const dir = tempProject({ 'prod.yaml': production(), 'data/bc.csv': bcCsv });
    const baseline = await trainProduction(dir, 'prod.yaml');
    const result = await runCandidate(dir, 'prod.yaml', baseline);
    expect(result.gatesPassed).toBe(true);
    expect(result.metrics.gates.map((g) => [g.kind, g.status])).toEqual([['max_drop', 'passed'], ['max_drop_rel', 'passed']]);
    for (const m of Object.values(result.metrics.baseline!.comparison.metrics)) {
      expect([m.difference, m.low, m.high]).toEqual([0, 0, 0]);
    }
    expect(result.metrics.gates[0].message).toMatch(/: difference 0\.000 \(95% interval 0\.000 to 0\.000\); no drop, within max_drop 0\.01$/);
    expect(result.report).toContain('**Verdict:** no significant difference from production v4 on any metric (95% paired bootstrap). ✅ all 2 gate results against production passed.');
  });

  it('without a baseline the run is what it always was: "no baseline", no baseline section', async () => {
    const dir = tempProject({ 'prod.yaml': production(), 'data/bc.csv': bcCsv });
    const result = await runCandidate(dir, 'prod.yaml');
    expect(result.gatesPassed).toBe(true);
    expect(result.metrics.gates.map((g) => g.status)).toEqual(['no_baseline', 'no_baseline']);
    expect(result.metrics.baseline).toBeUndefined();
    expect(result.report).not.toContain('Compared with production');
  });

  it('a baseline with the other positive class is scored on the candidate\'s class order', async () => {
    const dir = tempProject({ 'prod.yaml': production('data/bc.csv', 'benign'), 'cand.yaml': production(), 'data/bc.csv': bcCsv });
    const baseline = await trainProduction(dir, 'prod.yaml');
    const result = await runCandidate(dir, 'cand.yaml', baseline);
    // The same features and model with the labels swapped (and so a slightly different stratified
    // split): nearly the same ranking. Read in the baseline's own class order it would be ~1 − auc.
    const auc = result.metrics.baseline!.comparison.metrics.roc_auc;
    expect(auc.baseline).toBeGreaterThan(0.95);
    expect(Math.abs(auc.difference!)).toBeLessThan(0.03);
    expect(result.gatesPassed).toBe(true);
  });

  it('a baseline trained on a column the new data lacks is a BaselineError naming the version and the column', async () => {
    const lines = bcCsv.trimEnd().split(/\r?\n/);
    const withBatch = lines.map((l, i) => `${i === 0 ? 'lab_batch' : String(i % 7)},${l}`).join('\n');
    const dir = tempProject({
      'prod.yaml': production('data/bc-batch.csv'), 'cand.yaml': production(), 'data/bc.csv': bcCsv, 'data/bc-batch.csv': withBatch,
    });
    const baseline = await trainProduction(dir, 'prod.yaml');
    const error = await runCandidate(dir, 'cand.yaml', baseline).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BaselineError);
    const err = error as BaselineError;
    expect(err.version).toBe(4);
    expect(err.message).toBe("cannot compare with production v4: its preprocessor needs column 'lab_batch', which the test rows of data/bc.csv do not have");
    expect(err.hint).toMatch(/own saved preprocessor/);
    expect(looksLikeStackTrace(err.message)).toBe(false);
  });

  it('a baseline of another task, or with other classes, is a BaselineError saying which', async () => {
    const relabelled = bcCsv.replace(/,malignant(\r?)$/gm, ',M$1').replace(/,benign(\r?)$/gm, ',B$1');
    const dir = tempProject({
      'prod.yaml': production('data/bc-mb.csv', 'M'),
      'cand.yaml': production(),
      'pg.yaml': pipeline('pg', [
        'data: {source: data/penguins.json, target: Species}',
        'model: {task: multiclass_classification, type: linear, seed: 1}',
        'evaluate: {bootstrap: {samples: 0}}',
      ]),
      'data/bc.csv': bcCsv,
      'data/bc-mb.csv': relabelled,
      'data/penguins.json': { copy: 'pipelines/data/penguins.json' },
    });
    const otherClasses = await trainProduction(dir, 'prod.yaml');
    await expect(runCandidate(dir, 'cand.yaml', otherClasses)).rejects.toThrow(
      "cannot compare with production v4: its classes ('B', 'M') are not the candidate's ('benign', 'malignant')",
    );
    const otherTask = await trainProduction(dir, 'pg.yaml');
    await expect(runCandidate(dir, 'cand.yaml', otherTask)).rejects.toThrow(
      'cannot compare with production v4: it is a multiclass_classification model and the candidate is binary_classification',
    );
  });

  it('a multiclass baseline whose classes come in another order has its probability columns reordered', async () => {
    const dir = tempProject({
      'pg.yaml': pipeline('pg', [
        'data: {source: data/penguins.json, target: Species}',
        'model: {task: multiclass_classification, type: linear, seed: 1}',
        'evaluate: {bootstrap: {samples: 0}}',
      ]),
      'data/penguins.json': { copy: 'pipelines/data/penguins.json' },
    });
    const { load } = await trainProduction(dir, 'pg.yaml');
    const table = await readTable(readFileSync(join(dir, 'data/penguins.json')), { file: 'data/penguins.json', format: 'json', missingValues: [''] });
    const request = { version: 2, table, task: 'multiclass_classification' as const, target: 'Species', classes: ['Adelie', 'Chinstrap', 'Gentoo'], file: 'data/penguins.json' };
    const original = await load();
    const asTrained = scoreBaseline(original, request).output;
    original.model.dispose();
    // The same weights, saved with output columns labelled Gentoo, Adelie, Chinstrap.
    const preprocessorPath = join(dir, 'prod/model/preprocessor.json');
    const pre = JSON.parse(readFileSync(preprocessorPath, 'utf8'));
    expect(pre.target.classes).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    writeFileSync(preprocessorPath, JSON.stringify({ ...pre, target: { ...pre.target, classes: ['Gentoo', 'Adelie', 'Chinstrap'] } }));
    const relabelled = await load();
    const reordered = scoreBaseline(relabelled, request).output;
    relabelled.model.dispose();
    // Candidate column Adelie is the relabelled model's column 1 (the trained Chinstrap), and so on.
    for (let r = 0; r < table.rowCount; r++) {
      expect([reordered[3 * r], reordered[3 * r + 1], reordered[3 * r + 2]])
        .toEqual([asTrained[3 * r + 1], asTrained[3 * r + 2], asTrained[3 * r]]);
    }
  });
});
