import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveCommand, type ServeOptions } from '../../src/cli/serve-command.js';
import { boundedLoad } from '../helpers/bounded-load.js';
import { manifestYaml } from '../helpers/registry-fixtures.js';
import { bcRecords, commitAndPush, deployedRepo, startServer } from '../helpers/serve-fixtures.js';
import type { TempRepo } from '../helpers/temp-repo.js';

/**
 * `pipepilot serve` in-process with `opts`; resolves once it serves, with its output and a stop
 * switch. Drain is not the subject here: fetch's idle keep-alive connection would hold the
 * default 20 s drain open on every stop (tests/e2e/serve-shutdown.test.ts tests draining).
 */
async function serveInProcess(repo: TempRepo, opts: ServeOptions) {
  let stdout = '';
  let stderr = '';
  let stop!: (reason: string) => void;
  const until = new Promise<string>((done) => (stop = done));
  const io = { cwd: repo.dir, env: { PIPEPILOT_BACKEND: 'wasm' }, stdout: (s: string) => void (stdout += s), stderr: (s: string) => void (stderr += s), isTTY: false };
  const running = serveCommand(io, { port: '0', pollSeconds: '3600', drainSeconds: '1', ...opts }, until);
  let url: string | undefined;
  // Polls the command's own output (no fixed sleep decides anything): listening, then serving.
  for (let i = 0; i < 2400 && !(url && /serving v1/.test(stdout + stderr)); i++) {
    url = /listening on (http:\/\/[\d.:]+)/.exec(stdout)?.[1];
    await new Promise((r) => setTimeout(r, 25));
  }
  expect(url, stdout + stderr).toBeDefined();
  return { url: url!, running, stop, out: () => stdout, err: () => stderr };
}

/** A POST whose body is sent in two parts: the request is in flight until `finish` sends the rest. */
function slowPost(url: string, path: string, body: string) {
  const half = Math.floor(body.length / 2);
  const req = request(new URL(path, url), { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } });
  const answer = new Promise<{ status: number; text: string }>((done, fail) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => (text += c)).on('end', () => done({ status: res.statusCode!, text }));
    });
    req.on('error', fail);
  });
  req.write(body.slice(0, half));
  return { answer, finish: () => req.end(body.slice(half)) };
}

describe('serve: production manners', () => {
  it('JSON logs (one line per request, no inputs unless asked), /ping, CSV on /invocations, body and concurrency limits from flags', async () => {
    const repo = await deployedRepo();
    const records = bcRecords(readFileSync(join(repo.dir, 'data/bc.csv'), 'utf8'), 3);
    const columns = Object.keys(records[0]).filter((c) => c.trim() !== 'diagnosis'); // the fixture's last header cell carries its CRLF's \r
    const server = await serveInProcess(repo, { logFormat: 'json', maxBodyBytes: '4096', maxConcurrentRequests: '1' });
    const post = async (path: string, body: string, type = 'application/json', headers: Record<string, string> = {}) => {
      const res = await fetch(server.url + path, { method: 'POST', headers: { 'content-type': type, ...headers }, body });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    };

    expect((await fetch(`${server.url}/ping`)).status).toBe(200);
    const one = await post('/predict', JSON.stringify(records[0]), 'application/json', { 'x-request-id': 'req-42' });
    expect(one.status).toBe(200);

    // CSV: with a header row (detected: every cell names a feature), headerless in the model's
    // order, and `header=present` forcing it; all agree with the JSON answer.
    const jsonAnswer = await post('/invocations', JSON.stringify({ dataframe_records: records }));
    // The header may name the target too (ignored, as extra keys are in JSON).
    const withHeader = await post('/invocations', [[...columns, 'diagnosis'].join(','), ...records.map((r) => [...columns.map((c) => r[c]), 'B'].join(','))].join('\n'), 'text/csv');
    expect(withHeader.status, JSON.stringify(withHeader.json)).toBe(200);
    expect(withHeader.json.predictions).toEqual(jsonAnswer.json.predictions);
    const headerless = await post('/invocations', records.map((r) => columns.map((c) => r[c]).join(',')).join('\r\n'), 'text/csv');
    expect(headerless.json.predictions).toEqual(jsonAnswer.json.predictions);
    // A row of the wrong length names the row and the expected columns; CSV elsewhere is a 415.
    const short = await post('/invocations', '1,2,3\n', 'text/csv; header=absent');
    expect(short.status).toBe(400);
    expect(short.json.error).toMatch(/CSV row 1 has 3 values, expected 30 \(no header row: the columns are mean_radius, /);
    expect((await post('/invocations', 'mean_radius\n', 'text/csv; header=present')).json.error).toMatch(/header row but no data rows/);
    expect((await post('/invocations', `${columns.join(',')}\n${columns.map(() => 'soft').join(',')}`, 'text/csv')).json.field).toBe('mean_radius');
    expect((await post('/invocations', 'a,"unclosed\n', 'text/csv')).json.error).toMatch(/not valid CSV/);
    expect((await post('/predict', 'a,b\n1,2\n', 'text/csv')).status).toBe(415);
    expect((await post('/invocations', '', 'text/csv')).status).toBe(400);

    // --max-body-bytes 4096: a 5 KB single-record body is a 413; the batch route keeps its own limit.
    const big = JSON.stringify({ records: Array.from({ length: 8 }, () => records[0]) });
    expect(big.length).toBeGreaterThan(4096);
    expect((await post('/predict', big)).status).toBe(413);
    expect((await post('/predict/batch', big)).status).toBe(200);

    // --max-concurrent-requests 1: while one request is in flight (its body half sent), the next is a 503 with Retry-After.
    const held = slowPost(server.url, '/predict/batch', big);
    let busy: Response | undefined;
    for (let i = 0; i < 400 && busy?.status !== 503; i++) {
      busy = await fetch(`${server.url}/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(records[0]) });
    }
    expect(busy!.status).toBe(503);
    expect(busy!.headers.get('retry-after')).toBe('1');
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200); // probes are never refused as busy
    held.finish();
    expect((await held.answer).status).toBe(200);

    server.stop('SIGTERM');
    expect(await server.running).toBe(0);
    const lines = server.out().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const requests = lines.filter((l) => l.msg === 'request');
    const first = requests.find((l) => l.request_id === 'req-42');
    expect(first).toMatchObject({ level: 'info', method: 'POST', route: '/predict', path: '/predict', status: 200, model: 'bc', version: 1 });
    expect(typeof first!.duration_ms).toBe('number');
    expect(JSON.stringify(requests)).not.toMatch(/mean_radius/); // no feature values without --log-inputs
    expect(requests.filter((l) => l.path === '/ping' || l.path === '/readyz')).toEqual([]);
    // One line per request, at most: every request sent above except the probes.
    expect(requests.filter((l) => l.path === '/invocations')).toHaveLength(8);
    expect(lines.find((l) => /serving v1/.test(String(l.msg)))).toMatchObject({ level: 'info' });
  });

  it('--log-inputs puts the request body in its line', async () => {
    const repo = await deployedRepo();
    const [record] = bcRecords(readFileSync(join(repo.dir, 'data/bc.csv'), 'utf8'), 1);
    const server = await serveInProcess(repo, { logFormat: 'json', logInputs: true });
    await fetch(`${server.url}/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(record) });
    server.stop('SIGTERM');
    expect(await server.running).toBe(0);
    const line = server.out().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'request');
    expect(line!.inputs).toEqual(JSON.parse(JSON.stringify(record)));
  });

  it('no request fails while models are swapped back and forth under load', async () => {
    const repo = await deployedRepo();
    const server = await startServer(repo);
    const records = bcRecords(readFileSync(join(repo.dir, 'data/bc.csv'), 'utf8'), 8);
    const load = boundedLoad({ url: server.url, path: '/predict/batch', body: JSON.stringify({ records }), workers: 6, maxRequests: 4000 });
    await load.served(10);
    for (const version of [2, 1, 2]) {
      commitAndPush(repo, 'models/bc/deployments/production.yaml', manifestYaml('bc', version), `deploy bc v${version}`);
      expect((await server.app.refresh()).models).toEqual([{ model: 'bc', action: 'swapped' }]);
      await load.served(load.tally.ok + 10);
    }
    const tally = await load.stop();
    expect(tally.failed).toEqual([]);
    expect([...tally.versions].sort()).toEqual([1, 2]);
  });
});
