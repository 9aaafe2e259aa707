import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveCommand } from '../../src/cli/serve-command.js';
import { manifestYaml } from '../helpers/registry-fixtures.js';
import { bcRecords, commitAndPush, deployedRepo, startServer, type RunningServer } from '../helpers/serve-fixtures.js';
import { OutputSignal, waitUntil } from '../helpers/wait.js';

async function versionsAnswering(server: RunningServer, body: unknown, ids: (string | undefined)[]): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < ids.length; i += 50) {
    const chunk = ids.slice(i, i + 50).map((id) => server.post('/models/bc/predict', body, id === undefined ? {} : { 'x-request-id': id }));
    for (const res of await Promise.all(chunk)) out.push(res.json.version as number);
  }
  return out;
}

describe('serve: following the manifests in git', () => {
  it('a merged manifest change is served after refresh; an unchanged one is left alone', async () => {
    const repo = await deployedRepo();
    const server = await startServer(repo);
    const [record] = bcRecords(readFileSync(join(repo.dir, 'data/bc.csv'), 'utf8'), 1);
    expect((await server.post('/predict', record)).json.version).toBe(1);
    expect((await server.app.refresh()).models).toEqual([{ model: 'bc', action: 'unchanged' }]);
    commitAndPush(repo, 'models/bc/deployments/production.yaml', manifestYaml('bc', 2), 'deploy bc v2');
    expect((await server.post('/predict', record)).json.version).toBe(1); // not until the next poll
    expect((await server.app.refresh()).models).toEqual([{ model: 'bc', action: 'swapped' }]);
    expect((await server.post('/predict', record)).json.version).toBe(2);
    expect((await server.get('/metrics')).text).toMatch(/pipepilot_model_version\{model="bc",role="main"\} 2/);

    // The manifest deleted (the model withdrawn from production): the next refresh unloads it.
    repo.git(repo.dir, 'rm', '-q', 'models/bc/deployments/production.yaml');
    repo.git(repo.dir, 'commit', '-q', '-m', 'withdraw bc from production');
    repo.git(repo.dir, 'push', '-q', 'origin', 'main');
    expect((await server.app.refresh()).models).toEqual([{ model: 'bc', action: 'removed' }]);
    expect(JSON.parse((await server.get('/models')).text).models).toEqual([]);
    expect((await server.post('/models/bc/predict', record)).status).toBe(404);
    expect((await server.get('/metrics')).text).not.toMatch(/pipepilot_model_version\{model="bc"/);
  });

  it('a tampered version is refused and the previous one keeps serving; /readyz and /models say why', async () => {
    const repo = await deployedRepo();
    const server = await startServer(repo);
    const [record] = bcRecords(readFileSync(join(repo.dir, 'data/bc.csv'), 'utf8'), 1);
    const weights = readFileSync(join(repo.dir, 'models/bc/v2/weights.bin'));
    weights[0] ^= 0xff;
    commitAndPush(repo, 'models/bc/v2/weights.bin', weights, 'tamper with v2');
    commitAndPush(repo, 'models/bc/deployments/production.yaml', manifestYaml('bc', 2), 'deploy bc v2');
    const report = await server.app.refresh();
    expect(report.models[0].action).toBe('kept');
    expect(report.models[0].problem).toMatch(/weights\.bin: digest .* does not match/);
    expect((await server.post('/predict', record)).json.version).toBe(1);
    const ready = await server.get('/readyz');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text).models[0]).toMatchObject({ name: 'bc', version: 1, problem: expect.stringMatching(/refused/) });
    expect(server.logs.join('\n')).toMatch(/warning: bc v2: refused.*still serving v1/);
    expect((await server.get('/metrics')).text).toMatch(/pipepilot_model_load_failures_total\{model="bc",version="2"\} 1/);
    // Reverting the deployment clears the problem.
    commitAndPush(repo, 'models/bc/deployments/production.yaml', manifestYaml('bc', 1), 'revert');
    await server.app.refresh();
    expect(JSON.parse((await server.get('/models')).text).models[0].problem).toBeUndefined();
  });

  it('a bad manifest never replaces a working model, and a first load that fails keeps /readyz at 503', async () => {
    const repo = await deployedRepo();
    const server = await startServer(repo);
    commitAndPush(repo, 'models/bc/deployments/production.yaml', 'model: bc\nversion: two\nreason: oops\n', 'broken');
    const report = await server.app.refresh();
    expect(report.models[0]).toMatchObject({ action: 'kept', problem: expect.stringMatching(/production\.yaml: version/) });
    expect(JSON.parse((await server.get('/models')).text).models[0].version).toBe(1);
    commitAndPush(repo, 'models/bc/deployments/staging.yaml', manifestYaml('bc', 9), 'stage a version that does not exist');
    const staging = await startServer(repo, { env: 'staging' });
    const ready = await staging.get('/readyz');
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.text).why.join(' ')).toMatch(/bc: not loaded.*v9 is not registered/);
    expect((await staging.post('/predict', { a: 1 })).status).toBe(503);
  });

  it('splits traffic to the canary by its weight, and an x-request-id always reaches the same version', async () => {
    const repo = await deployedRepo({ version: 2, weight: 30 });
    const server = await startServer(repo);
    const [record] = bcRecords(readFileSync(join(repo.dir, 'data/bc.csv'), 'utf8'), 1);
    const unpinned = await versionsAnswering(server, record, Array.from({ length: 1000 }, () => undefined));
    const canaryShare = unpinned.filter((v) => v === 2).length / unpinned.length;
    expect(canaryShare).toBeGreaterThan(0.25);
    expect(canaryShare).toBeLessThan(0.35);
    const ids = Array.from({ length: 400 }, (_, i) => `client-${i}`);
    const first = await versionsAnswering(server, record, ids);
    const again = await versionsAnswering(server, record, ids);
    expect(again).toEqual(first);
    const pinnedShare = first.filter((v) => v === 2).length / first.length;
    expect(pinnedShare).toBeGreaterThan(0.22);
    expect(pinnedShare).toBeLessThan(0.38);
    const models = JSON.parse((await server.get('/models')).text).models;
    expect(models[0]).toMatchObject({ version: 1, canary: { version: 2, weight: 30 } });
    const metrics = (await server.get('/metrics')).text;
    expect(metrics).toMatch(/pipepilot_requests_total\{model="bc",version="2",route="\/models\/:name\/predict",status="200"\} \d+/);
    expect(metrics).toMatch(/pipepilot_canary_weight_percent\{model="bc"\} 30/);

    // Only the weight changes (30 → 50, same versions): the next refresh applies it.
    commitAndPush(repo, 'models/bc/deployments/production.yaml', manifestYaml('bc', 1, { canary: { version: 2, weight: 50 } }), 'canary at 50%');
    expect((await server.app.refresh()).models).toEqual([{ model: 'bc', action: 'swapped' }]);
    expect(JSON.parse((await server.get('/models')).text).models[0]).toMatchObject({ version: 1, canary: { version: 2, weight: 50 } });
    expect((await server.get('/metrics')).text).toMatch(/pipepilot_canary_weight_percent\{model="bc"\} 50/);
    const halves = await versionsAnswering(server, record, Array.from({ length: 400 }, () => undefined));
    expect(halves.filter((v) => v === 2).length / halves.length).toBeGreaterThan(0.4);
  });

  it('`pipepilot serve` listens, loads, answers, and shuts down cleanly when told to stop', async () => {
    const repo = await deployedRepo();
    // The pipeline's drift threshold reaches the server (read from pipelines/ at start-up).
    mkdirSync(join(repo.dir, 'pipelines'), { recursive: true });
    writeFileSync(
      join(repo.dir, 'pipelines/bc.yaml'),
      'apiVersion: pipepilot/v1\nname: bc\ndata: {source: data/bc.csv, target: diagnosis}\nmodel: {task: binary_classification, type: linear}\ndeploy: {drift: {psi_max: 0.35}}\n',
    );
    const stdout = new OutputSignal();
    const stderr = new OutputSignal();
    let stop!: (reason: string) => void;
    const until = new Promise<string>((done) => (stop = done));
    const running = serveCommand(
      { cwd: repo.dir, env: { PIPEPILOT_BACKEND: 'wasm' }, stdout: (s) => stdout.append(s), stderr: (s) => stderr.append(s), isTTY: false },
      // Drain is not the subject (serve-shutdown's): fetch's idle keep-alive connection would hold the 20 s default open.
      { port: '0', pollSeconds: '3600', drainSeconds: '1' },
      until,
    );
    // Ready when it says where it listens and /readyz answers 200 (v1 loaded), each within a deadline.
    const [, url] = await stdout.waitFor(/listening on (\S+)/, { deadlineMs: 30_000, what: '"listening on" line' });
    await waitUntil(async () => (await fetch(`${url}/readyz`)).status === 200, { deadlineMs: 30_000, what: `${url}/readyz answering 200` });
    expect(String(stderr)).toMatch(/serving v1/);
    expect(String(stdout)).toMatch(/following origin\/main/);
    expect(((await (await fetch(`${url}/models/bc/drift`)).json()) as { threshold: number }).threshold).toBe(0.35);
    stop('SIGTERM');
    expect(await running).toBe(0);
    expect(String(stderr)).toMatch(/SIGTERM: shutting down/);
    const bad = await serveCommand({ cwd: repo.dir, env: {}, stdout: () => {}, stderr: (s) => stderr.append(s), isTTY: false }, { port: '99999' }, until);
    expect(bad).toBe(2);
    expect(String(stderr)).toMatch(/--port 99999: expected a whole number/);
  });
});
