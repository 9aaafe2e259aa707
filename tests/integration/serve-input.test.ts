import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeStackTrace } from '../helpers/cli.js';
import { bcRecords, deployedRepo, startServer } from '../helpers/serve-fixtures.js';

describe('serve: bad input is a 4xx naming the field, and the server stays up', () => {
  it('refuses every malformed request with a JSON message, then still answers a good one', async () => {
    const repo = await deployedRepo();
    const server = await startServer(repo);
    const [good] = bcRecords(readFileSync(join(repo.dir, 'data/bc.csv'), 'utf8'), 1);
    const { mean_radius: _dropped, ...withoutRadius } = good;
    void _dropped;
    const cases: { name: string; path?: string; body: unknown; headers?: Record<string, string>; status: number; field?: string; message: RegExp }[] = [
      { name: 'bad JSON', body: '{"records": [', status: 400, field: 'body', message: /not valid JSON/ },
      { name: 'NaN is not JSON', body: `{"mean_radius": NaN}`, status: 400, field: 'body', message: /not valid JSON/ },
      { name: 'empty body', body: '', status: 400, field: 'body', message: /empty/ },
      { name: 'wrong content type', body: 'mean_radius=1', headers: { 'content-type': 'text/plain' }, status: 415, field: 'content-type', message: /application\/json/ },
      { name: 'form content type', body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' }, status: 415, field: 'content-type', message: /content type/ },
      { name: '__proto__ key', body: `{"records": [{"__proto__": {"polluted": 1}, "mean_radius": 1}]}`, status: 400, field: '__proto__', message: /__proto__/ },
      { name: 'escaped __proto__ key', body: `{"\\u005f_proto__": {"x": 1}}`, status: 400, field: '__proto__', message: /__proto__/ },
      { name: 'empty records', body: { records: [] }, status: 400, field: 'records', message: /empty/ },
      { name: 'records not an array', body: { records: { a: 1 } }, status: 400, field: 'records', message: /array/ },
      { name: 'a record that is not an object', body: { records: [good, 42] }, status: 400, message: /record 2.*not a record/ },
      { name: 'a nested value', body: { records: [{ ...good, mean_area: { v: 1 } }] }, status: 400, field: 'mean_area', message: /nested/ },
      { name: 'missing feature column', body: { records: [withoutRadius] }, status: 400, field: 'mean_radius', message: /missing column 'mean_radius'/ },
      { name: 'a string for a numeric feature', body: { records: [{ ...good, mean_texture: 'soft' }] }, status: 400, field: 'mean_texture', message: /mean_texture.*finite number.*soft/ },
      { name: 'a boolean for a numeric feature', body: { records: [{ ...good, mean_area: true }] }, status: 400, field: 'mean_area', message: /mean_area/ },
      { name: 'Infinity as text', body: { records: [{ ...good, mean_area: 'Infinity' }] }, status: 400, field: 'mean_area', message: /finite/ },
      { name: 'an overflowing number', body: `{"records": [${JSON.stringify(good).replace(/"mean_area":[^,]+/, '"mean_area":1e999')}]}`, status: 400, field: 'mean_area', message: /finite/ },
      { name: 'unknown model', path: '/models/nope/predict', body: good, status: 404, field: 'name', message: /unknown model 'nope'.*bc/ },
      { name: 'invalid model name', path: '/models/..%2F..%2Fetc/predict', body: good, status: 404, field: 'name', message: /unknown model/ },
      { name: 'no route', path: '/nowhere', body: good, status: 404, message: /no route/ },
      { name: 'over the 1 MiB limit', body: { records: Array.from({ length: 3000 }, () => good) }, status: 413, field: 'body', message: /limit of 1048576 bytes/ },
      { name: 'mlflow: no known key', path: '/invocations', body: { rows: [good] }, status: 400, message: /dataframe_split/ },
      { name: 'mlflow: two keys', path: '/invocations', body: { instances: [good], inputs: [good] }, status: 400, field: 'inputs', message: /exactly one/ },
      { name: 'mlflow: split row too short', path: '/invocations', body: { dataframe_split: { columns: ['a', 'b'], data: [[1]] } }, status: 400, field: 'dataframe_split.data[0]', message: /2 values/ },
      { name: 'mlflow: columns of unequal length', path: '/invocations', body: { inputs: { a: [1, 2], b: [1] } }, status: 400, field: 'inputs', message: /one length/ },
    ];
    for (const c of cases) {
      const res = await server.post(c.path ?? '/models/bc/predict', c.body, c.headers);
      expect(res.status, `${c.name}: ${JSON.stringify(res.json)}`).toBe(c.status);
      expect(res.json.error, c.name).toMatch(c.message);
      if (c.field !== undefined) expect(res.json.field, c.name).toBe(c.field);
      expect(looksLikeStackTrace(JSON.stringify(res.json)), c.name).toBe(false);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const ok = await server.post('/models/bc/predict', good);
    expect(ok.status).toBe(200);
    // The batch route takes what the single route refuses for size.
    const big = await server.post('/models/bc/predict/batch', { records: Array.from({ length: 3000 }, () => good) });
    expect(big.status).toBe(200);
    expect((await server.get('/healthz')).status).toBe(200);
  });

  it('null and missing-value markers are imputed rather than refused', async () => {
    const repo = await deployedRepo();
    const server = await startServer(repo);
    const [good] = bcRecords(readFileSync(join(repo.dir, 'data/bc.csv'), 'utf8'), 1);
    const res = await server.post('/models/bc/predict', { records: [{ ...good, mean_radius: null }, { ...good, mean_radius: 'NA' }, { ...good, mean_radius: '' }] });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    const predictions = res.json.predictions as unknown[];
    expect(predictions).toHaveLength(3);
    expect(predictions[1]).toEqual(predictions[0]);
    expect(predictions[2]).toEqual(predictions[0]);
  });
});
