import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ServeApp } from '../../src/serve/server.js';
import { looksLikeStackTrace, runCli } from '../helpers/cli.js';
import { awkwardValue, fuzz, fuzzTimeout, mutatedText } from '../helpers/fuzz.js';
import { manifestYaml } from '../helpers/registry-fixtures.js';
import { bcRecords, commitAndPush, deployedRepo, startServer } from '../helpers/serve-fixtures.js';
import type { TempRepo } from '../helpers/temp-repo.js';

interface Route {
  method: string;
  path: string;
}

/** Every route the server registered (from fastify's own route tree), so routes added later are fuzzed too. */
function serverRoutes(app: ServeApp): Route[] {
  const routes: Route[] = [];
  const prefixes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)[├└]── (\S+) \(([^)]+)\)/.exec(line);
    if (!m) continue;
    const depth = m[1].length / 4;
    prefixes.length = depth;
    prefixes[depth] = (prefixes[depth - 1] ?? '') + m[2];
    for (const method of m[3].split(', ')) if (method !== 'HEAD') routes.push({ method, path: prefixes[depth] });
  }
  return routes;
}

/** A 200 answer holds no non-finite number: JSON has none, so NaN would show as null where a number belongs. */
function checkAnswer(route: Route, text: string): void {
  if (route.path === '/metrics') {
    for (const line of text.split('\n')) if (line && !line.startsWith('#')) expect(line, line).not.toMatch(/ NaN$/);
    return;
  }
  const body = JSON.parse(text) as Record<string, unknown>;
  // The predict routes answer [{prediction, probabilities?}]; /invocations (MLflow) answers predictions and probabilities side by side.
  const answers = Array.isArray(body.predictions) ? (body.predictions as unknown[]) : [];
  for (const a of answers) {
    const prediction = typeof a === 'object' && a !== null ? (a as { prediction: unknown }).prediction : a;
    expect(typeof prediction === 'string' || Number.isFinite(prediction), JSON.stringify(a)).toBe(true);
  }
  const probabilities = [
    ...answers.map((a) => (typeof a === 'object' && a !== null ? (a as { probabilities?: Record<string, unknown> }).probabilities : undefined)),
    ...(Array.isArray(body.probabilities) ? (body.probabilities as Record<string, unknown>[]) : []),
  ];
  for (const p of probabilities) for (const v of Object.values(p ?? {})) expect(typeof v === 'number' && v >= 0 && v <= 1, JSON.stringify(p)).toBe(true);
  const features = [body, body.canary as Record<string, unknown> | undefined].flatMap((d) => (Array.isArray(d?.features) ? (d.features as { psi?: unknown }[]) : []));
  for (const f of features) expect(f.psi === null || (typeof f.psi === 'number' && f.psi >= 0), JSON.stringify(f)).toBe(true);
}

/** A second deployed model, multiclass (a softmax, whose logits can overflow), next to the binary `bc`. */
async function deployPenguins(repo: TempRepo): Promise<void> {
  const pipeline = 'apiVersion: pipepilot/v1\nname: pg\ndata: {source: data/penguins.json, target: Species}\nmodel: {task: multiclass_classification, type: linear, seed: 1}\nevaluate: {bootstrap: {samples: 0}}\n';
  commitAndPush(repo, 'data/penguins.json', readFileSync('pipelines/data/penguins.json'));
  commitAndPush(repo, 'pg.yaml', pipeline);
  const res = await runCli(['register', 'pg.yaml', '-q'], repo.dir);
  expect(res.code, res.stderr).toBe(0);
  commitAndPush(repo, 'models/pg/deployments/production.yaml', manifestYaml('pg', 1), 'deploy pg v1');
}

describe('fuzz: random requests against every server route', () => {
  it('never a 5xx, never a non-finite number in a 200 answer, never a stack; /healthz answers after', async () => {
    const repo = await deployedRepo({ version: 2, weight: 50 });
    await deployPenguins(repo);
    const server = await startServer(repo);
    const [bc] = bcRecords(readFileSync(join(repo.dir, 'data/bc.csv'), 'utf8'), 1);
    const [pg] = JSON.parse(readFileSync('pipelines/data/penguins.json', 'utf8')) as Record<string, unknown>[];
    delete pg.Species;
    const goods: Record<string, Record<string, unknown>> = { bc, pg };
    const routes = serverRoutes(server.app);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining(['POST /models/:name/predict', 'POST /invocations', 'GET /healthz']));

    // Requests meant for one model: its good record with a few fields dropped or changed (extreme numbers often).
    const extreme = fc.constantFrom(1e308, -1e308, 3.5e38, -3.5e38, 1e38, -1e38);
    const requestFor = (model: string) => {
      const good = goods[model];
      const names = Object.keys(good);
      const key = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...names) }, fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString'), fc.string({ maxLength: 8 }));
      const record = fc
        .tuple(fc.nat(), fc.dictionary(key, fc.oneof({ weight: 3, arbitrary: extreme }, awkwardValue), { maxKeys: 3 }))
        .map(([drop, changed]) => ({ ...Object.fromEntries(names.filter((_, i) => i !== drop % (names.length * 4)).map((f) => [f, good[f]])), ...changed }));
      // Two extremes in one good record: opposite infinities are what turn a softmax or a sigmoid into NaN.
      const extremes = fc.tuple(fc.constantFrom(...names), fc.constantFrom(...names), extreme, extreme).map(([a, b, x, y]) => ({ ...good, [a]: x, [b]: y }));
      const records = fc.array(fc.oneof({ weight: 6, arbitrary: record }, { weight: 2, arbitrary: extremes }, awkwardValue), { maxLength: 4 });
      const json = fc.oneof(
        records.map((r) => ({ records: r })),
        record,
        records,
        records.map((r) => ({ dataframe_records: r })),
        records.map((r) => ({ instances: r })),
        records.map((r) => ({ inputs: r })),
        fc.tuple(fc.array(key, { maxLength: 5 }), fc.array(fc.array(awkwardValue, { maxLength: 5 }), { maxLength: 3 })).map(([c, data]) => ({ dataframe_split: { columns: c, data } })),
        fc.dictionary(key, fc.array(awkwardValue, { maxLength: 3 }), { maxKeys: 4 }).map((inputs) => ({ inputs })),
        fc.jsonValue({ maxDepth: 3 }),
      );
      const body = fc.oneof(
        { weight: 6, arbitrary: json.map((v) => JSON.stringify(v) ?? '') },
        { weight: 2, arbitrary: mutatedText(JSON.stringify({ records: [good] }), fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '1', 'e', '-', 'n', '\u0000', '\ud800')) },
        { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
      );
      return fc.record({
        route: fc.constantFrom(...routes),
        name: fc.oneof({ weight: 5, arbitrary: fc.constant(model) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }),
        // Routes without a name pick the model by ?model= when several are deployed.
        query: fc.oneof({ weight: 4, arbitrary: fc.constant(`?model=${model}`) }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }).map((q) => `?${encodeURI(q)}`) }),
        body,
        contentType: fc.oneof({ weight: 8, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/json; charset=latin1', 'application/x-www-form-urlencoded') }),
      });
    };
    const request = fc.oneof(requestFor('bc'), requestFor('pg'));

    const statuses = new Map<number, number>();
    await fuzz('serve routes', request, async (r) => {
      const path = r.route.path.replace(/:name/g, encodeURIComponent(r.name)) + r.query;
      const res = await fetch(server.url + path, {
        method: r.route.method,
        ...(r.route.method === 'GET' ? {} : { headers: { 'content-type': r.contentType }, body: r.body }),
      });
      const text = await res.text();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const what = `${r.route.method} ${path} ${r.body.slice(0, 300)} → ${res.status} ${text.slice(0, 300)}`;
      expect(res.status, what).toBeLessThan(500);
      expect(looksLikeStackTrace(text), what).toBe(false);
      if (res.status === 200) checkAnswer(r.route, text);
    }, 200);
    if (process.env.PIPEPILOT_FUZZ_REPORT) console.log('statuses', Object.fromEntries(statuses));

    expect((await server.get('/healthz')).status).toBe(200);
    for (const [name, good] of Object.entries(goods)) expect((await server.post(`/models/${name}/predict`, good)).status).toBe(200);
    expect(server.logs.filter((l) => l.includes('internal error'))).toEqual([]);
  }, fuzzTimeout());
});
