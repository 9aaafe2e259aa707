import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bcRecords, deployedRepo, startServer } from '../helpers/serve-fixtures.js';

interface LiveVersion {
  version: number;
  role: 'stable' | 'canary';
  requests: { total: number; client_errors: number; server_errors: number };
  latency_seconds: { count: number; p99: number | null };
  labels: Record<string, number>;
  metric: { name: string; n: number; correct: number; value: number | null };
  predictions: { kind: string; rows: number; counts: Record<string, number>; reference: Record<string, number> | null; psi: number | null };
}

function diagnoses(csv: string, n: number): string[] {
  const [header, ...lines] = csv.trim().split('\n');
  const at = header.trim().split(',').indexOf('diagnosis');
  return lines.slice(0, n).map((l) => l.split(',')[at].trim());
}

describe('serve: live outcomes per version and role', () => {
  it('answers carry request ids, labels come back by id, and /live and /metrics report stable and canary apart', async () => {
    const repo = await deployedRepo({ version: 2, weight: 50 });
    const server = await startServer(repo);
    const csv = readFileSync(join(repo.dir, 'data/bc.csv'), 'utf8');
    const records = bcRecords(csv, 40);
    const truth = diagnoses(csv, 40);

    const answered: { id: string; version: number; prediction: string }[] = [];
    for (let i = 0; i < records.length; i++) {
      const res = await server.post('/models/bc/predict', records[i], { 'x-request-id': `req-${i}` });
      expect(res.status).toBe(200);
      expect(res.json.request_id).toBe(`req-${i}`);
      answered.push({ id: `req-${i}`, version: res.json.version as number, prediction: (res.json.predictions as { prediction: string }[])[0].prediction });
    }
    const generated = await server.post('/models/bc/predict', records[0]);
    expect(generated.json.request_id).toMatch(/^[0-9a-f-]{36}$/);
    const batch = await server.post('/models/bc/predict/batch', { records: records.slice(0, 3) }, { 'x-request-id': 'batch-1' });
    expect(batch.json.request_id).toBe('batch-1');
    expect((await server.post('/invocations', { instances: records.slice(0, 1) }, { 'x-request-id': 'mlflow-1' })).json.request_id).toBe('mlflow-1');
    // A 4xx after routing (a feature column missing) counts against the version it was routed to.
    expect((await server.post('/models/bc/predict', { unrelated: 1 }, { 'x-request-id': 'bad-1' })).status).toBe(400);
    const versions = new Set(answered.map((a) => a.version));
    expect(versions).toEqual(new Set([1, 2]));

    // One batch of labels: most known, one unknown, one invalid class, one duplicate, one malformed; none fails the rest.
    const labels = answered.map((a, i) => ({ request_id: a.id, label: truth[i] }));
    const fb = await server.post('/models/bc/feedback', {
      records: [...labels, { request_id: 'never-seen', label: 'benign' }, { request_id: 'req-0', label: 'maybe' }, labels[1], { label: 'benign' }, { request_id: 'batch-1', index: 2, label: truth[2] }],
    });
    expect(fb.status).toBe(200);
    expect(fb.json).toMatchObject({ model: 'bc', received: 45, matched: 41, unknown: 1, duplicate: 1, invalid: 2 });
    expect((fb.json.problems as { record: number; error: string }[]).map((p) => p.record)).toEqual([40, 41, 42, 43]);
    expect((await server.post('/models/bc/feedback', { request_id: 'req-0', label: truth[0] })).json).toMatchObject({ received: 1, duplicate: 1 });

    const live = await server.get('/models/bc/live');
    expect(live.status).toBe(200);
    const body = JSON.parse(live.text) as { model: string; canary_weight: number; versions: LiveVersion[] };
    expect(body).toMatchObject({ model: 'bc', canary_weight: 50 });
    const [stable, canary] = body.versions;
    expect([stable.version, stable.role, canary.version, canary.role]).toEqual([1, 'stable', 2, 'canary']);
    for (const v of body.versions) {
      const mine = answered.map((a, i) => ({ ...a, truth: truth[i] })).filter((a) => a.version === v.version);
      expect(v.metric.n).toBe(mine.length + (v.version === batch.json.version ? 1 : 0));
      expect(v.metric.correct).toBe(mine.filter((a) => a.prediction === a.truth).length + (v.version === batch.json.version ? Number((batch.json.predictions as { prediction: string }[])[2].prediction === truth[2]) : 0));
      expect(v.predictions.kind).toBe('classes');
      expect(Object.keys(v.predictions.reference ?? {}).sort()).toEqual(['benign', 'malignant']);
      expect(v.latency_seconds.p99).not.toBeNull();
    }
    expect(stable.requests.total + canary.requests.total).toBe(44);
    expect(stable.requests.client_errors + canary.requests.client_errors).toBe(1);
    expect(stable.labels.unknown).toBe(1); // an id no version holds is counted by the stable one

    const metrics = (await server.get('/metrics')).text;
    expect(metrics).toContain(`pipepilot_live_labelled_rows{model="bc",version="2",role="canary"} ${canary.metric.n}`);
    expect(metrics).toContain(`pipepilot_live_metric_sum{model="bc",version="1",role="stable",part="correct"} ${stable.metric.correct}`);
    expect(metrics).toMatch(/pipepilot_live_latency_seconds\{model="bc",version="1",role="stable",quantile="0.99"\} [0-9.e-]+/);
    expect(metrics).toMatch(/pipepilot_live_requests\{model="bc",version="2",role="canary",outcome="ok"\} \d+/);
  });

  it('refuses feedback bodies it cannot read, naming the field, and an over-long x-request-id', async () => {
    const repo = await deployedRepo();
    const server = await startServer(repo);
    const bad = async (body: unknown, field: string, status = 400) => {
      const res = await server.post('/models/bc/feedback', body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.json.field).toBe(field);
    };
    await bad('[1, 2]', 'body');
    await bad('"text"', 'body');
    await bad({ records: [] }, 'records');
    await bad({ records: 'x' }, 'records');
    await bad('{"__proto__": {"x": 1}}', '__proto__');
    await bad('{"request_id": "a", "label": NaN}', 'body');
    expect((await server.post('/models/nope/feedback', { request_id: 'a', label: 'x' })).status).toBe(404);
    const counted = await server.post('/models/bc/feedback', { records: [{ request_id: 'a', label: 'benign', extra: 1 }, { request_id: 'a', label: 'benign', index: -1 }, { request_id: 7, label: 'x' }] });
    expect(counted.json).toMatchObject({ received: 3, invalid: 3 });
    const long = await server.post('/models/bc/predict', {}, { 'x-request-id': 'x'.repeat(129) });
    expect(long.status).toBe(400);
    expect(long.json.field).toBe('x-request-id');
  });
});
