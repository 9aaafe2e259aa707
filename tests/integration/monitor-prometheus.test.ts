import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { canaryRepo, loadAndLabel } from '../helpers/monitor-fixtures.js';
import { startServer } from '../helpers/serve-fixtures.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/** A real Prometheus (Debian's `prometheus`) scraping `target` every second, stopped when the test ends. */
async function startPrometheus(target: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'pp-prom-'));
  const port = await freePort();
  writeFileSync(join(dir, 'prometheus.yml'), `global: {scrape_interval: 1s}\nscrape_configs:\n  - job_name: pipepilot\n    static_configs: [{targets: ['${target}']}]\n`);
  const child = spawn('prometheus', [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`], { stdio: 'ignore' });
  // A missing binary fails this test with spawn's error instead of killing the worker process.
  await new Promise<void>((started, failed) => {
    child.once('spawn', started);
    child.once('error', failed);
  });
  onTestFinished(async () => {
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
    rmSync(dir, { recursive: true, force: true });
  });
  return `http://127.0.0.1:${port}`;
}

/** Polls Prometheus until `query` has a sample equal to `want` (a deadline, not a sleep). */
async function waitForSample(url: string, query: string, want: number): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const value = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(query)}`)
      .then(async (r) => ((await r.json()) as { data?: { result?: { value: [number, string] }[] } }).data?.result?.[0]?.value[1])
      .catch(() => undefined);
    if (Number(value) === want) return;
    if (Date.now() > deadline) throw new Error(`Prometheus never answered ${query} = ${want} (last: ${value})`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

describe('pipepilot monitor --prometheus: the same evidence through a real Prometheus', () => {
  it('decides exactly as from the servers themselves, and names a Prometheus that does not answer', async () => {
    const repo = await canaryRepo();
    const server = await startServer(repo);
    await loadAndLabel(server, repo, 400);
    const prometheus = await startPrometheus(new URL(server.url).host);
    await waitForSample(prometheus, 'sum(pipepilot_live_labelled_rows{model="bc"})', 400);

    const direct = await runCli(['monitor', '--server', server.url, '--dry-run', '--json'], repo.dir);
    const viaProm = await runCli(['monitor', '--prometheus', prometheus, '--dry-run', '--json'], repo.dir);
    expect(viaProm.code, viaProm.stderr).toBe(0);
    const decision = JSON.parse(viaProm.stdout).outcomes[0].decision;
    expect(decision).toMatchObject({ action: 'advance', version: 2, weight: 50 });
    expect(decision).toEqual(JSON.parse(direct.stdout).outcomes[0].decision);

    const down = await runCli(['monitor', '--prometheus', 'http://127.0.0.1:9'], repo.dir);
    expect(down.code).toBe(2);
    expect(down.stderr).toMatch(/Prometheus http:\/\/127\.0\.0\.1:9 did not answer/);
    const both = await runCli(['monitor', '--prometheus', prometheus, '--server', server.url], repo.dir);
    expect(both.code).toBe(2);
  });
});
