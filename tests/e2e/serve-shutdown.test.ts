import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { boundedLoad } from '../helpers/bounded-load.js';
import { bcRecords, deployedRepo } from '../helpers/serve-fixtures.js';
import { projectRoot } from '../helpers/temp-project.js';

/** `pipepilot serve` as its own process (the built bin); resolves once it listens and serves. */
async function spawnServer(args: string[], cwd: string) {
  const child = spawn(process.execPath, [join(projectRoot, 'bin', 'pipepilot.js'), 'serve', '--port', '0', ...args], {
    cwd,
    env: { ...process.env, PIPEPILOT_BACKEND: 'wasm' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  onTestFinished(() => void child.kill('SIGKILL'));
  // Wait on the process's own words, not on time: the listening line, then the first model served.
  await new Promise<void>((ready, fail) => {
    const check = () => {
      if (/serving v\d/.test(stdout + stderr) && /listening on/.test(stdout + stderr)) ready();
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    void exited.then((code) => fail(new Error(`serve exited ${code}: ${stderr}`)));
  });
  const url = /listening on (http:\/\/[\d.:]+)/.exec(stdout + stderr)![1];
  return { child, url, exited, output: () => stdout + stderr };
}

describe('pipepilot serve shuts down gracefully', () => {
  it('SIGTERM during a bounded load run: every accepted request is answered 200, then exit 0', async () => {
    const repo = await deployedRepo();
    const server = await spawnServer(['--repo', `file://${repo.origin}`, '--cache-dir', join(repo.dir, '..', 'cache'), '--drain-seconds', '30', '--log-format', 'json'], repo.dir);
    const records = bcRecords(readFileSync(join(repo.dir, 'data/bc.csv'), 'utf8'), 64);
    const load = boundedLoad({ url: server.url, path: '/predict/batch', body: JSON.stringify({ records }), workers: 8, maxRequests: 5000 });
    await load.served(40);
    load.mark();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    const tally = await load.stop();
    console.log(`shutdown under load: ${tally.ok} answered (${tally.okAfterMark} after SIGTERM), ${tally.refused} refused at connect after the listener closed, ${tally.failed.length} lost`);
    expect(tally.failed).toEqual([]);
    expect(tally.ok).toBeGreaterThanOrEqual(40);
    expect(tally.refused).toBeGreaterThan(0); // the workers saw the listener close
    expect(server.output()).toMatch(/drained: every request in flight was answered/);
  });
});
