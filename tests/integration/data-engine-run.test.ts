import { beforeAll, describe, expect, it } from 'vitest';
import { nodeFiles } from '../../src/cli/node-files.js';
import { duckDbTableEngine } from '../../src/engine/duckdb-engine.js';
import { nodeDataSource } from '../../src/fetch/data-source.js';
import { selectBackend } from '../../src/model/backend.js';
import type { TableEngine } from '../../src/data/table-engine.js';
import { runPipeline } from '../../src/use-cases/run-pipeline.js';
import { looksLikeStackTrace, runCli } from '../helpers/cli.js';
import { projectRoot, tempProject } from '../helpers/temp-project.js';

async function run(engine: TableEngine | undefined) {
  const files = nodeFiles(projectRoot);
  return runPipeline(
    { files, data: nodeDataSource({ files, env: {} }), ...(engine ? { engine } : {}), log: { info: () => {}, warn: () => {} }, clock: { now: () => 0 } },
    { pipelinePath: 'pipelines/breast-cancer.yaml', backend: { name: 'wasm', reason: 'test' }, codeVersion: '0.0.0-test' },
  );
}

describe('a run whose data DuckDB reads', () => {
  beforeAll(async () => {
    await selectBackend('wasm');
  });

  it('is the run the JS readers give: same fingerprint, content key, metrics and model bytes', async () => {
    const fallbacks: string[] = [];
    const withDuckDb = await run(duckDbTableEngine({ minBytes: 0, onFallback: (r) => fallbacks.push(r) }));
    const withJs = await run(undefined);
    expect(fallbacks).toEqual([]);
    expect(withDuckDb.metrics.data.fingerprint).toBe(withJs.metrics.data.fingerprint);
    expect(withDuckDb.metrics.content_key).toBe(withJs.metrics.content_key);
    expect(withDuckDb.metrics.metrics).toEqual(withJs.metrics.metrics);
    expect(withDuckDb.metrics.data).toEqual(withJs.metrics.data);
    expect(Buffer.from(withDuckDb.artifacts.weightsBin).equals(Buffer.from(withJs.artifacts.weightsBin))).toBe(true);
  });

  it('PIPEPILOT_DATA_ENGINE other than duckdb or js is exit 2 naming the variable', async () => {
    const dir = tempProject({ 'p.yaml': { copy: 'pipelines/breast-cancer.yaml' }, 'pipelines/data/breast-cancer.csv': { copy: 'pipelines/data/breast-cancer.csv' } });
    const res = await runCli(['run', 'p.yaml', '--out', 'out', '--quiet'], dir, { PIPEPILOT_DATA_ENGINE: 'polars' });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("PIPEPILOT_DATA_ENGINE must be 'duckdb' or 'js', got 'polars'");
    expect(looksLikeStackTrace(res.stderr)).toBe(false);
  });
});
