import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureStats, NumericStats } from '../../src/data/reference-stats.js';
import { manifestYaml } from '../helpers/registry-fixtures.js';
import { bcRecords, commitAndPush, deployedRepo, startServer } from '../helpers/serve-fixtures.js';

interface DriftBody {
  model: string;
  version: number;
  rows: number;
  threshold: number;
  insufficient_data?: true;
  flagged: string[];
  features: { name: string; psi: number | null; rows: number; flagged: boolean; top_moves: { bin: string }[] }[];
}

describe('serve: drift of live inputs against the served version\'s training reference', () => {
  it('in-distribution rows read as stable, a shifted feature is flagged, and a swap starts a new window', async () => {
    const repo = await deployedRepo();
    const server = await startServer(repo);
    const drift = async () => {
      const res = await server.get('/models/bc/drift');
      expect(res.status).toBe(200);
      return JSON.parse(res.text) as DriftBody;
    };
    expect(await drift()).toMatchObject({ model: 'bc', version: 1, rows: 0, insufficient_data: true, flagged: [] });

    const records = bcRecords(readFileSync(join(repo.dir, 'data/bc.csv'), 'utf8'), 300);
    expect((await server.post('/models/bc/predict/batch', { records })).status).toBe(200);
    const stable = await drift();
    expect(stable).toMatchObject({ version: 1, rows: 300, threshold: 0.2, flagged: [] });
    expect(stable.insufficient_data).toBeUndefined();
    expect(stable.features.length).toBeGreaterThan(5);
    for (const f of stable.features) expect(f.psi, f.name).toBeLessThan(0.2);

    // One numeric feature moved by five of its training standard deviations.
    const meta = JSON.parse(readFileSync(join(repo.dir, 'models/bc/v1/metadata.json'), 'utf8')) as { reference_stats: FeatureStats };
    const moved = meta.reference_stats.features.find((f): f is NumericStats => f.kind === 'numeric' && (f.std ?? 0) > 0)!;
    const shifted = records.map((r) => ({ ...r, [moved.name]: r[moved.name] + 5 * moved.std! }));
    expect((await server.post('/models/bc/predict/batch', { records: shifted })).status).toBe(200);
    const after = await drift();
    expect(after.rows).toBe(600);
    expect(after.flagged).toEqual([moved.name]);
    expect(after.features[0]).toMatchObject({ name: moved.name, flagged: true, rows: 600 });
    expect(after.features[0].psi!).toBeGreaterThan(0.2);
    expect(after.features[0].top_moves[0].bin).toMatch(/and above/);

    const metrics = (await server.get('/metrics')).text;
    expect(metrics).toMatch(/pipepilot_drift_flagged_features\{model="bc",version="1"\} 1/);
    const psi = new RegExp(`pipepilot_feature_psi\\{model="bc",version="1",feature="${moved.name}"\\} ([0-9.e+-]+)`).exec(metrics);
    expect(Number(psi?.[1])).toBeCloseTo(after.features[0].psi!, 6);

    commitAndPush(repo, 'models/bc/deployments/production.yaml', manifestYaml('bc', 2), 'deploy bc v2');
    await server.app.refresh();
    expect(await drift()).toMatchObject({ version: 2, rows: 0, insufficient_data: true, flagged: [] });
    const scraped = (await server.get('/metrics')).text;
    expect(scraped).toMatch(/pipepilot_drift_flagged_features\{model="bc",version="2"\} 0/);
    expect(scraped).not.toMatch(/pipepilot_feature_psi\{model="bc",version="1"/);
  });

  it('rows refused as bad input are not counted; an unknown model is a 404 naming the deployed ones', async () => {
    const repo = await deployedRepo();
    const server = await startServer(repo);
    const [record] = bcRecords(readFileSync(join(repo.dir, 'data/bc.csv'), 'utf8'), 1);
    const first = Object.keys(record)[0];
    expect((await server.post('/models/bc/predict', { ...record, [first]: 'lots' })).status).toBe(400);
    expect(JSON.parse((await server.get('/models/bc/drift')).text).rows).toBe(0);
    const unknown = await server.get('/models/nope/drift');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text).error).toMatch(/unknown model 'nope'; deployed: bc/);
  });

  it('a missing value is counted as missing, not as its imputed fill', async () => {
    const repo = await deployedRepo();
    const server = await startServer(repo);
    const [record] = bcRecords(readFileSync(join(repo.dir, 'data/bc.csv'), 'utf8'), 1);
    const first = Object.keys(record)[0];
    expect((await server.post('/models/bc/predict', { ...record, [first]: null })).status).toBe(200);
    const body = JSON.parse((await server.get('/models/bc/drift')).text) as DriftBody & { features: { name: string; missing: number }[] };
    expect(body.features.find((f) => f.name === first)).toMatchObject({ rows: 1, missing: 1 });
  });
});
