import { parquetWriteBuffer, type ColumnSource } from 'hyparquet-writer';
import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeFiles } from '../../src/cli/node-files.js';
import type { TableEngine } from '../../src/data/table-engine.js';
import { duckDbTableEngine } from '../../src/engine/duckdb-engine.js';
import { DataError } from '../../src/errors.js';
import { nodeDataSource } from '../../src/fetch/data-source.js';
import { selectBackend } from '../../src/model/backend.js';
import type { ProgressSink } from '../../src/ports.js';
import { runPipeline, type RunResult } from '../../src/use-cases/run-pipeline.js';
import { tempProject } from '../helpers/temp-project.js';

const ROWS = 5000;

/**
 * Seeded rows of every kind the readers type: doubles with nulls, INT32 and INT64 numbers, text
 * with nulls, missing markers and edge whitespace, a BOOLEAN (read by hyparquet in both engines),
 * a regression target, a binary and a three-class label. Row groups of 700 rows, the last one
 * short: DuckDB's chunks of 2,048 rows straddle them.
 */
function dataset(extra: ColumnSource[] = []): Uint8Array {
  let s = 17;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const x1: number[] = [], x2: (number | null)[] = [], k: number[] = [], big: bigint[] = [], colour: (string | null)[] = [];
  const flag: boolean[] = [], y: number[] = [], label: string[] = [], band: string[] = [], region: string[] = [];
  for (let i = 0; i < ROWS; i++) {
    const a = rnd() * 10;
    const b = rnd() < 0.1 ? null : rnd() * 5 - 2;
    const c = rnd();
    const col = c < 0.05 ? null : c < 0.1 ? 'NA' : c < 0.13 ? ' NA ' : c < 0.4 ? 'red' : c < 0.7 ? ' green' : 'blue';
    const f = rnd() < 0.5;
    const v = 3 * a - 2 * (b ?? 0.5) + (col === 'red' ? 4 : 0) + (f ? 1 : 0) + (i % 7) * 0.1 + rnd();
    x1.push(a); x2.push(b); k.push(i % 7); big.push(BigInt(i * 1000003) * 1000003n); colour.push(col); flag.push(f); y.push(v);
    label.push(v + rnd() * 8 > 20 ? 'yes' : 'no');
    const noisy = v + rnd() * 6;
    band.push(noisy < 15 ? 'low' : noisy < 25 ? 'mid' : 'high');
    // Texts that differ only in their 5th or 6th byte or their length: short texts are decoded once per level by their bytes.
    region.push(['north', 'nortx', 'north1', 'north2', 'nort', 'no'][i % 6]);
  }
  const columns: ColumnSource[] = [
    { name: 'x1', data: x1, type: 'DOUBLE' }, { name: 'x2', data: x2, type: 'DOUBLE' }, { name: 'k', data: k, type: 'INT32' },
    { name: 'big', data: big, type: 'INT64' }, { name: 'colour', data: colour, type: 'STRING' }, { name: 'flag', data: flag, type: 'BOOLEAN' },
    { name: 'y', data: y, type: 'DOUBLE' }, { name: 'label', data: label, type: 'STRING' }, { name: 'band', data: band, type: 'STRING' },
    { name: 'region', data: region, type: 'STRING' }, ...extra,
  ];
  return new Uint8Array(parquetWriteBuffer({ columnData: columns, rowGroupSize: 700 }));
}

const pipeline = (data: string, model: string, extra: string[] = []) =>
  ['apiVersion: pipepilot/v1', 'name: s', `data: {source: data/d.parquet, stream: true, missing_values: ['NA'], ${data}}`, `model: ${model}`, ...extra].join('\n') + '\n';
const REGRESSION = pipeline('target: y, features: {numeric: [x1, x2, k, big], categorical: [colour]}', '{task: regression, type: linear, seed: 1}');
const BINARY = pipeline(
  'target: label, positive_class: yes, features: {numeric: [x1, x2, k], categorical: [colour, flag]}',
  '{task: binary_classification, type: linear, seed: 1}',
  ['evaluate: {slices: [region]}'],
);
const MULTICLASS = pipeline('target: band, features: {numeric: [x1, x2], categorical: [colour]}', '{task: multiclass_classification, type: linear, seed: 1}');

interface Ran {
  result: RunResult;
  log: string[];
  fallbacks: string[];
}

async function run(dir: string, engine: 'duckdb' | 'js' | TableEngine, progress?: ProgressSink): Promise<Ran> {
  const files = nodeFiles(dir);
  const log: string[] = [];
  const fallbacks: string[] = [];
  const chosen = engine === 'js' ? undefined : engine === 'duckdb' ? duckDbTableEngine({ minBytes: 0, onFallback: (r) => fallbacks.push(r) }) : engine;
  const result = await runPipeline(
    {
      files, data: nodeDataSource({ files, env: {} }), ...(chosen ? { engine: chosen } : {}), log: { info: (m) => log.push(m), warn: (m) => log.push(m) },
      clock: { now: () => 0 }, ...(progress ? { progress } : {}),
    },
    { pipelinePath: 's.yaml', backend: { name: 'wasm', reason: 'test' }, codeVersion: '0.0.0-test' },
  );
  return { result, log, fallbacks };
}

/** Every output a run writes, as bytes or JSON: what must not depend on who decoded the row groups. */
function outputs(r: RunResult) {
  return {
    metrics: JSON.stringify(r.metrics),
    report: r.report,
    modelJson: JSON.stringify(r.artifacts.modelJson),
    weights: Buffer.from(r.artifacts.weightsBin).toString('hex'),
    preprocessor: JSON.stringify(r.artifacts.preprocessor),
    referenceStats: JSON.stringify(r.artifacts.referenceStats),
  };
}

const decodedBy = (log: string[]) => /decoded by (\w+)/.exec(log.find((m) => m.startsWith('stream: ')) ?? '')?.[1];

describe('data.stream with DuckDB decoding the row groups (issue 10)', () => {
  beforeAll(async () => {
    await selectBackend('wasm');
  });

  it.each([['regression', REGRESSION], ['binary logistic regression, with a BOOLEAN feature and a slice', BINARY], ['multinomial logistic regression', MULTICLASS]])(
    '%s: every output is byte for byte the one hyparquet gives',
    async (_, yaml) => {
      const dir = tempProject({ 's.yaml': yaml, 'data/d.parquet': dataset() });
      const duck = await run(dir, 'duckdb');
      const js = await run(dir, 'js');
      expect(duck.fallbacks).toEqual([]);
      expect(decodedBy(duck.log)).toBe('duckdb');
      expect(decodedBy(js.log)).toBe('hyparquet');
      expect(outputs(duck.result)).toEqual(outputs(js.result));
      expect(duck.result.metrics.data.rows.train + duck.result.metrics.data.rows.test).toBe(ROWS);
    },
  );

  it('without the DuckDB binding, hyparquet decodes them and the log says why', async () => {
    const dir = tempProject({ 's.yaml': REGRESSION, 'data/d.parquet': dataset() });
    const reasons: string[] = [];
    const absent = duckDbTableEngine({ minBytes: 0, load: () => Promise.reject(new Error("Cannot find module '@duckdb/node-bindings'")), onFallback: (r) => reasons.push(r) });
    const without = await run(dir, absent);
    expect(decodedBy(without.log)).toBe('hyparquet');
    expect(reasons).toEqual(["DuckDB (@duckdb/node-bindings) is not available (Cannot find module '@duckdb/node-bindings'): reading with the JS readers"]);
    expect(outputs(without.result)).toEqual(outputs((await run(dir, 'duckdb')).result));
  });

  it('a DuckDB that cannot start leaves the row groups to hyparquet, said once, with the same outputs', async () => {
    const dir = tempProject({ 's.yaml': REGRESSION, 'data/d.parquet': dataset() });
    const real = await import('@duckdb/node-bindings');
    const bindings = (real as unknown as { default?: typeof real }).default ?? real;
    const reasons: string[] = [];
    // The real binding, whose database cannot be opened (as on a read-only or full temp dir).
    const broken = duckDbTableEngine({
      minBytes: 0, onFallback: (r) => reasons.push(r),
      load: () => Promise.resolve(Object.create(bindings, { open: { value: () => Promise.reject(new Error('IO Error: Could not set lock on file')) } }) as typeof bindings),
    });
    const ran = await run(dir, broken);
    expect(decodedBy(ran.log)).toBe('hyparquet');
    expect(reasons).toEqual(['DuckDB could not start (IO Error: Could not set lock on file): hyparquet decodes the row groups of data/d.parquet']);
    expect(outputs(ran.result)).toEqual(outputs((await run(dir, 'js')).result));
  });

  it('a file DuckDB refuses to stream is read by hyparquet from where DuckDB stopped, with the same outputs', async () => {
    // DuckDB cannot add its row numbers to a file that has a column of that name.
    const rowNumbers: ColumnSource = { name: 'file_row_number', data: Array.from({ length: ROWS }, (_, i) => i), type: 'INT32' };
    const dir = tempProject({ 's.yaml': REGRESSION, 'data/d.parquet': dataset([rowNumbers]) });
    const duck = await run(dir, 'duckdb');
    expect(duck.fallbacks).toHaveLength(1);
    expect(duck.fallbacks[0]).toMatch(/^DuckDB could not stream data\/d\.parquet \(.*file_row_number.*\): hyparquet reads its row groups from row group 1 on$/);
    expect(outputs(duck.result)).toEqual(outputs((await run(dir, 'js')).result));
  });

  it('a file changed between passes is a DataError naming it, not a model of two files', async () => {
    const dir = tempProject({ 's.yaml': REGRESSION, 'data/d.parquet': dataset() });
    const touch: ProgressSink = (p) => {
      if (p.stage === 'fit pass 1' && p.done === 0) utimesSync(join(dir, 'data/d.parquet'), new Date(), new Date(Date.now() + 60_000));
    };
    const err = await run(dir, 'duckdb', touch).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).message).toBe('data/d.parquet: the file changed while the run was reading it');
  });
});
