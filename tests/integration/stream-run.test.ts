import Ajv2020 from 'ajv/dist/2020.js';
import { parquetWriteBuffer, type ColumnSource } from 'hyparquet-writer';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeFiles } from '../../src/cli/node-files.js';
import { openParquetStream, readRowGroup } from '../../src/data/parquet-stream.js';
import { readTable } from '../../src/data/read-table.js';
import { isTestRow } from '../../src/data/row-split.js';
import { takeRows, type Table } from '../../src/data/table.js';
import { DataError, SpecError } from '../../src/errors.js';
import { fitPreprocessor, transformTable } from '../../src/features/preprocessor.js';
import { PreprocessorSums } from '../../src/features/streamed-preprocessor.js';
import { nodeDataSource } from '../../src/fetch/data-source.js';
import { selectBackend } from '../../src/model/backend.js';
import { fitLogistic } from '../../src/model/logistic.js';
import { fitSoftmaxRegression } from '../../src/model/softmax-regression.js';
import { NormalEquations, fitRidge } from '../../src/model/ridge.js';
import { loadScoringModel } from '../../src/use-cases/predict.js';
import { runPipeline, type RunResult } from '../../src/use-cases/run-pipeline.js';
import type { BaselineSource } from '../../src/use-cases/score-baseline.js';
import { runCli } from '../helpers/cli.js';
import { projectRoot, tempProject } from '../helpers/temp-project.js';

const validateMetrics = new Ajv2020.default({ strict: true, allErrors: true })
  .compile(JSON.parse(readFileSync(join(projectRoot, 'schemas/metrics.schema.json'), 'utf8')));

/** A seeded table: x1, x2 (10% missing), colour (3 levels), y = linear + noise, label = y thresholded with noise. */
function dataset(n: number, seed = 7): { columns: ColumnSource[] } {
  let s = seed;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const x1: number[] = [], x2: (number | null)[] = [], colour: string[] = [], y: number[] = [], label: string[] = [], band: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = 100 + rnd() * 10;
    const b = rnd() < 0.1 ? null : rnd() * 5 - 2;
    const c = ['red', 'green', 'blue'][Math.floor(rnd() * 3)];
    const v = 3 * a - 2 * (b ?? 0.5) + (c === 'red' ? 4 : 0) + rnd();
    x1.push(a); x2.push(b); colour.push(c); y.push(v); label.push(v + rnd() * 8 > 304 ? 'yes' : 'no');
    const noisy = v + rnd() * 6;
    band.push(noisy < 313 ? 'low' : noisy < 325 ? 'mid' : 'high');
  }
  return {
    columns: [
      { name: 'x1', data: x1, type: 'DOUBLE' }, { name: 'x2', data: x2, type: 'DOUBLE' }, { name: 'colour', data: colour, type: 'STRING' },
      { name: 'y', data: y, type: 'DOUBLE' }, { name: 'label', data: label, type: 'STRING' }, { name: 'band', data: band, type: 'STRING' },
    ],
  };
}

function parquet(columns: ColumnSource[], rowGroupSize: number): Uint8Array {
  return new Uint8Array(parquetWriteBuffer({ columnData: columns, rowGroupSize }));
}

function pipeline(lines: string[]): string {
  return ['apiVersion: pipepilot/v1', 'name: s', ...lines, 'deploy: {environments: [staging, production]}'].join('\n') + '\n';
}

const regression = (extra = '') => pipeline([
  `data: {source: data/d.parquet, target: y, stream: true, features: {numeric: [x1, x2], categorical: [colour]}${extra}}`,
  'model: {task: regression, type: linear, seed: 1, params: {l2: 0.001}}',
]);
const binary = pipeline([
  'data: {source: data/d.parquet, target: label, positive_class: yes, stream: true, features: {numeric: [x1, x2], categorical: [colour]}}',
  'model: {task: binary_classification, type: linear, seed: 1}',
]);

function run(dir: string, pipelinePath = 's.yaml', baseline?: BaselineSource): Promise<RunResult> {
  const files = nodeFiles(dir);
  return runPipeline(
    { files, data: nodeDataSource({ files, env: {} }), log: { info: () => {}, warn: () => {} }, clock: { now: () => 0 } },
    { pipelinePath, backend: { name: 'wasm', reason: 'test' }, codeVersion: '0.0.0-test', baseline },
  );
}

/** The training rows of the streamed split, read in memory: what an in-memory fit on the same rows sees. */
async function inMemoryTrainRows(bytes: Uint8Array, target: string, seed: number, test: number): Promise<{ table: Table; y: Float64Array }> {
  const table = await readTable(bytes, { file: 'd.parquet', format: 'parquet', missingValues: [] });
  const train: number[] = [];
  for (let r = 0; r < table.rowCount; r++) if (!isTestRow(r, seed, test)) train.push(r);
  const rows = takeRows(table, train);
  const col = rows.columns.get(target)!;
  const classes = ['high', 'low', 'mid'];
  const y = col.kind === 'numeric' ? Float64Array.from(col.values)
    : Float64Array.from(col.values, (v) => (target === 'band' ? classes.indexOf(v as string) : v === 'yes' ? 1 : 0));
  return { table: rows, y };
}

const preprocessSpec = {
  impute: { numeric: 'mean' as const, categorical: 'most_frequent' as const, fill_numeric: 0, fill_categorical: 'missing' },
  scale: 'standard' as const, encode: 'onehot' as const, max_categories: 50,
};

describe('data.stream: training from Parquet row groups', () => {
  beforeAll(async () => {
    await selectBackend('wasm');
  });

  it('row-group sums give the in-memory preprocessor and the in-memory normal-equation solution to 1e-9', async () => {
    const bytes = parquet(dataset(3000).columns, 333); // 10 row groups, the last one short
    const { table, y } = await inMemoryTrainRows(bytes, 'y', 5, 0.25);
    const features = { numeric: ['x1', 'x2'], categorical: ['colour'] };
    const target = { name: 'y', task: 'regression' as const, classes: [], threshold: 0.5 };
    const memoryPre = fitPreprocessor({ table, features, spec: preprocessSpec, target });
    const memory = transformTable(memoryPre, table);
    const expected = fitRidge(memory.x, memory.rows, memory.cols, y, 0.001);

    const stream = await openParquetStream({ byteLength: bytes.byteLength, slice: (a, b) => Promise.resolve(bytes.slice(a, b).buffer) }, { file: 'd.parquet', missing: new Set() });
    expect(stream.groups).toHaveLength(10);
    const sums = new PreprocessorSums(features, preprocessSpec, 'd.parquet');
    const groups: { table: Table; y: Float64Array }[] = [];
    for (const group of stream.groups) {
      const raw = await readRowGroup(stream, group, stream.layout.columns);
      const train = [...Array(raw.rowCount).keys()].filter((r) => !isTestRow(group.rowStart + r, 5, 0.25));
      const rows = takeRows(raw, train);
      sums.add(rows);
      groups.push({ table: rows, y: Float64Array.from((rows.columns.get('y')!.values as Float64Array)) });
    }
    const pre = sums.preprocessor(target);
    expect(pre.outputNames).toEqual(memoryPre.outputNames);
    expect(pre.categorical).toEqual(memoryPre.categorical);
    pre.numeric.forEach((f, i) => {
      const m = memoryPre.numeric[i];
      expect(Math.abs(f.fill - m.fill)).toBeLessThan(1e-12 * Math.abs(m.fill));
      expect(Math.abs(f.center - m.center)).toBeLessThan(1e-12 * Math.abs(m.center));
      expect(Math.abs(f.scale - m.scale)).toBeLessThan(1e-12 * m.scale);
    });
    // Same preprocessor, rows fed a row group at a time: the same sums, bit for bit.
    const sumsByGroup = new NormalEquations(memory.cols);
    for (const g of groups) {
      const t = transformTable(memoryPre, g.table);
      sumsByGroup.add(t.x, t.rows, g.y);
    }
    const streamed = sumsByGroup.solve(0.001);
    expect(sumsByGroup.rows).toBe(memory.rows);
    expect(Array.from(streamed.weights)).toEqual(Array.from(expected.weights));
    expect(streamed.bias[0]).toBe(expected.bias[0]);
    // The streamed preprocessor (moments merged per group): the solution to 1e-9.
    const own = new NormalEquations(memory.cols);
    for (const g of groups) {
      const t = transformTable(pre, g.table);
      own.add(t.x, t.rows, g.y);
    }
    const ownFit = own.solve(0.001);
    const ownInMemory = fitRidge(transformTable(pre, table).x, memory.rows, memory.cols, y, 0.001);
    ownFit.weights.forEach((w, i) => expect(Math.abs(w - ownInMemory.weights[i])).toBeLessThan(1e-9));
    expect(Math.abs(ownFit.bias[0] - ownInMemory.bias[0])).toBeLessThan(1e-9);
  });

  it('pipepilot run with data.stream: regression saves the in-memory solution on the streamed train rows, and a valid metrics.json', async () => {
    const bytes = parquet(dataset(4000).columns, 500);
    const dir = tempProject({ 's.yaml': regression(', split: {seed: 9, test: 0.2}'), 'data/d.parquet': bytes });
    const result = await run(dir);
    expect(validateMetrics(result.metrics), JSON.stringify(validateMetrics.errors)).toBe(true);
    const d = result.metrics.data;
    expect(d.streamed).toBe(true);
    expect(d.rows.train + d.rows.test).toBe(4000);
    let tests = 0;
    for (let r = 0; r < 4000; r++) if (isTestRow(r, 9, 0.2)) tests++;
    expect(d.rows.test).toBe(tests);
    expect(result.report).toContain('streamed by Parquet row group');
    expect(result.metrics.metrics.r2).toBeGreaterThan(0.99);
    // The saved kernel is the float64 in-memory solution (same preprocessor, same train rows), rounded to float32.
    const { table, y } = await inMemoryTrainRows(bytes, 'y', 9, 0.2);
    const pre = result.artifacts.preprocessor;
    const t = transformTable(pre, table);
    const expected = fitRidge(t.x, t.rows, t.cols, y, 0.001);
    const kernel = new Float32Array(result.artifacts.weightsBin.buffer.slice(result.artifacts.weightsBin.byteOffset), 0, t.cols);
    expect(Array.from(kernel)).toEqual(Array.from(Float32Array.from(expected.weights)));
    expect((result.artifacts.referenceStats as { rows: number }).rows).toBe(d.rows.train);
  });

  it('binary logistic regression by Newton passes lands on the in-memory optimum of the same rows', async () => {
    const bytes = parquet(dataset(4000, 11).columns, 600);
    const dir = tempProject({ 's.yaml': binary, 'data/d.parquet': bytes });
    const result = await run(dir);
    expect(result.metrics.data.classes).toEqual(['no', 'yes']);
    const { table, y } = await inMemoryTrainRows(bytes, 'label', 1, 0.2);
    const t = transformTable(result.artifacts.preprocessor, table);
    const expected = fitLogistic(t.x, t.rows, t.cols, y, { l2: 1 / t.rows, maxIter: 100, tol: 1e-4 });
    const kernel = new Float32Array(result.artifacts.weightsBin.buffer.slice(result.artifacts.weightsBin.byteOffset), 0, t.cols);
    kernel.forEach((w, i) => expect(Math.abs(w - expected.weights[i])).toBeLessThan(1e-3)); // both stop at a gradient of tol 1e-4: ~3e-4 apart here
    expect(result.metrics.metrics.roc_auc).toBeGreaterThan(0.9);
  });

  it('multinomial logistic regression by preconditioned L-BFGS passes lands on the in-memory optimum of the same rows', async () => {
    const bytes = parquet(dataset(3000, 13).columns, 400);
    const yaml = pipeline([
      'data: {source: data/d.parquet, target: band, stream: true, features: {numeric: [x1, x2], categorical: [colour]}}',
      'model: {task: multiclass_classification, type: linear, seed: 1}',
    ]);
    const result = await run(tempProject({ 's.yaml': yaml, 'data/d.parquet': bytes }));
    expect(result.metrics.data.classes).toEqual(['high', 'low', 'mid']);
    const { table, y } = await inMemoryTrainRows(bytes, 'band', 1, 0.2);
    const t = transformTable(result.artifacts.preprocessor, table);
    const expected = fitSoftmaxRegression(t.x, t.rows, t.cols, y, 3, { l2: 1 / t.rows, maxIter: 100, tol: 1e-4 });
    const kernel = new Float32Array(result.artifacts.weightsBin.buffer.slice(result.artifacts.weightsBin.byteOffset), 0, t.cols * 3);
    kernel.forEach((w, i) => expect(Math.abs(w - expected.weights[i])).toBeLessThan(5e-4));
    expect(result.metrics.metrics.accuracy).toBeGreaterThan(0.6);
  });

  it('a gate against production scores the production model on the streamed test rows', async () => {
    const bytes = parquet(dataset(2000).columns, 300);
    const yaml = regression() + 'gates: [{metric: r2, max_drop: 0.01, vs: production}]\n';
    const dir = tempProject({ 's.yaml': yaml, 'data/d.parquet': bytes });
    const prod = await runCli(['run', 's.yaml', '--out', 'prod', '--quiet'], dir);
    expect(prod.code).toBe(0);
    const baseline = { version: 4, load: () => loadScoringModel((name) => readFile(join(dir, 'prod/model', name)), 'prod/model') };
    const result = await run(dir, 's.yaml', baseline);
    expect(result.metrics.baseline?.version).toBe(4);
    // The same pipeline and data: production is this very model, so the difference is 0 and the gate passes.
    const [gate] = result.metrics.gates;
    expect(gate).toMatchObject({ kind: 'max_drop', status: 'passed' });
    expect(gate.baseline).toBe(gate.observed);
  });

  it('the split is deterministic, seeded, and takes the asked fraction', () => {
    const n = 200_000;
    const count = (seed: number, f: number) => { let k = 0; for (let r = 0; r < n; r++) if (isTestRow(r, seed, f)) k++; return k; };
    for (const f of [0.1, 0.2, 0.5]) {
      const k = count(3, f);
      expect(Math.abs(k - n * f)).toBeLessThan(4 * Math.sqrt(n * f * (1 - f)));
    }
    expect(count(3, 0.2)).toBe(count(3, 0.2));
    let differ = 0;
    for (let r = 0; r < 1000; r++) if (isTestRow(r, 3, 0.5) !== isTestRow(r, 4, 0.5)) differ++;
    expect(differ).toBeGreaterThan(400);
    // Nested fractions: a test row at 0.1 is a test row at 0.2 (the hash is compared with the fraction).
    for (let r = 0; r < 1000; r++) if (isTestRow(r, 3, 0.1)) expect(isTestRow(r, 3, 0.2)).toBe(true);
  });

  it('bad input gets the usual clear errors', async () => {
    const { columns } = dataset(400);
    // A listed feature the file lacks.
    const noX2 = tempProject({ 's.yaml': regression(), 'data/d.parquet': parquet(columns.filter((c) => c.name !== 'x2'), 100) });
    await expect(run(noX2)).rejects.toMatchObject({ constructor: DataError, column: 'x2' });
    // ±Infinity in a feature: a data check naming the file row.
    const inf = columns.map((c) => (c.name === 'x1' ? { ...c, data: (c.data as number[]).map((v, i) => (i === 250 ? Infinity : v)) } : c));
    const infDir = tempProject({ 's.yaml': regression(), 'data/d.parquet': parquet(inf, 100) });
    await expect(run(infDir)).rejects.toMatchObject({ constructor: DataError, rule: 'finite', column: 'x1', row: 251 });
    // A missing target (null): the row is dropped and counted, as in memory.
    const nullY = columns.map((c) => (c.name === 'y' ? { ...c, data: (c.data as number[]).map((v, i) => (i % 50 === 0 ? null : v)) } : c));
    const nullDir = tempProject({ 's.yaml': regression(), 'data/d.parquet': parquet(nullY, 100) });
    expect((await run(nullDir)).metrics.data.rows.dropped_missing_target).toBe(8);
    // An empty file and a truncated one.
    const empty = tempProject({ 's.yaml': regression(), 'data/d.parquet': new Uint8Array(0) });
    await expect(run(empty)).rejects.toMatchObject({ constructor: DataError, rule: 'parquet', message: expect.stringContaining('empty') });
    const whole = parquet(columns, 100);
    const cut = tempProject({ 's.yaml': regression(), 'data/d.parquet': whole.slice(0, whole.length - 100) });
    await expect(run(cut)).rejects.toMatchObject({ constructor: DataError, rule: 'parquet' });
    // Too few rows for min_rows.
    const few = tempProject({ 's.yaml': regression(', checks: {min_rows: 1000}'), 'data/d.parquet': whole });
    await expect(run(few)).rejects.toMatchObject({ constructor: DataError, rule: 'min_rows' });
  });

  it('classes are counted over every row group, not the first ones that type the columns', async () => {
    // Sorted by label: the first 100,000 rows (what types the columns) hold one class only.
    const n = 110_000;
    const x1 = Array.from({ length: n }, (_, i) => (i * 7919) % 1000 / 100);
    const label = x1.map((v, i) => (i < 100_000 ? 'no' : v > 5 ? 'yes' : 'no'));
    const columns: ColumnSource[] = [{ name: 'x1', data: x1, type: 'DOUBLE' }, { name: 'label', data: label, type: 'STRING' }];
    const dir = tempProject({
      's.yaml': pipeline(['data: {source: data/d.parquet, target: label, stream: true, features: {numeric: [x1]}}', 'model: {task: binary_classification, type: linear, seed: 1}']),
      'data/d.parquet': parquet(columns, 50_000),
    });
    const result = await run(dir);
    expect(result.metrics.data.classes).toEqual(['no', 'yes']);
    expect(result.metrics.data.rows.train + result.metrics.data.rows.test).toBe(n);
    // A regression target of text: the in-memory error.
    const text = tempProject({
      's.yaml': pipeline(['data: {source: data/d.parquet, target: label, stream: true, features: {numeric: [x1]}}', 'model: {task: regression, type: linear, seed: 1}']),
      'data/d.parquet': parquet(columns, 50_000),
    });
    await expect(run(text)).rejects.toThrow(/regression target 'label' holds text/);
  });

  it('pipepilot tune on a data.stream pipeline says that it reads the table into memory, and tunes', async () => {
    const dir = tempProject({
      's.yaml': regression() + 'tune: {metric: rmse, sampler: random, pruner: none, trials: 2, space: {l2: {loguniform: [0.001, 1]}}}\n',
      'data/d.parquet': parquet(dataset(400).columns, 100),
    });
    const res = await runCli(['tune', 's.yaml', '--workers', '1', '--out', 'study', '--quiet'], dir);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toMatch(/s\.yaml: data\.stream applies to pipepilot run only: tune reads the table into memory/);
    const plain = tempProject({
      's.yaml': regression().replace(', stream: true', '') + 'tune: {metric: rmse, sampler: random, pruner: none, trials: 2, space: {l2: {loguniform: [0.001, 1]}}}\n',
      'data/d.parquet': parquet(dataset(400).columns, 100),
    });
    const without = await runCli(['tune', 's.yaml', '--workers', '1', '--out', 'study', '--quiet'], plain);
    expect(without.code, without.stderr).toBe(0);
    expect(without.stderr).not.toMatch(/data\.stream/);
  });

  it('a model or file data.stream cannot train is a SpecError naming the field', async () => {
    const bytes = parquet(dataset(100).columns, 50);
    for (const [model, what] of [['type: mlp', /data\.stream works with model\.type linear only \(type is mlp\)/], ['type: gbdt', /type is gbdt/]] as const) {
      const dir = tempProject({ 's.yaml': regression().replace('type: linear', model), 'data/d.parquet': bytes });
      const err = await run(dir).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SpecError);
      expect(String((err as Error).message)).toMatch(what);
      expect(String((err as Error).message)).toMatch(/s\.yaml:\d+:\d+/);
    }
    const csv = tempProject({ 's.yaml': regression().replace('d.parquet', 'd.csv'), 'data/d.csv': 'x1,x2,colour,y\n' });
    await expect(run(csv)).rejects.toThrow(/data\.stream reads Parquet row groups; data\.source is csv/);
    const median = tempProject({ 's.yaml': regression() + 'preprocess: {impute: {numeric: median}}\n', 'data/d.parquet': bytes });
    await expect(run(median)).rejects.toThrow(/preprocess\.impute\.numeric median/);
  });
});
