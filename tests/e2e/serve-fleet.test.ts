import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestYaml } from '../helpers/registry-fixtures.js';
import { commitAndPush, deployedRepo } from '../helpers/serve-fixtures.js';
import { spawnServer } from '../helpers/serve-process.js';

async function servedVersion(url: string): Promise<number | null> {
  const body = (await (await fetch(`${url}/models`)).json()) as { models: { version: number | null }[] };
  return body.models[0]?.version ?? null;
}

/** Waits (on answers, with a deadline rather than a fixed sleep) until `url` serves `version`; returns when it saw it. */
async function until(url: string, version: number, deadlineMs: number): Promise<number> {
  while (Date.now() < deadlineMs) {
    if ((await servedVersion(url)) === version) return Date.now();
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} never served v${version}`);
}

describe('two replicas follow one origin, each on its own', () => {
  it('a promotion pushed to a file:// origin reaches both server processes (sharing one cache dir)', { timeout: 300_000 }, async () => {
    const repo = await deployedRepo();
    const args = ['--repo', `file://${repo.origin}`, '--cache-dir', join(repo.dir, '..', 'cache'), '--poll-seconds', '1', '--drain-seconds', '1']; // drain is serve-shutdown's subject; fetch's idle keep-alive would hold the 20 s default
    const [a, b] = await Promise.all([spawnServer(args, repo.dir), spawnServer(args, repo.dir)]);
    expect([await servedVersion(a.url), await servedVersion(b.url)]).toEqual([1, 1]);
    const pushedAt = Date.now();
    commitAndPush(repo, 'models/bc/deployments/production.yaml', manifestYaml('bc', 2), 'deploy bc v2');
    const deadline = pushedAt + 120_000; // generous: the machine is shared; the figure is printed, not asserted
    const [seenA, seenB] = await Promise.all([until(a.url, 2, deadline), until(b.url, 2, deadline)]);
    console.log(`promotion picked up (poll every 1 s): replica A after ${seenA - pushedAt} ms, replica B after ${seenB - pushedAt} ms`);
    // Both still answer, neither reports a problem with the shared cache.
    for (const url of [a.url, b.url]) {
      const models = (await (await fetch(`${url}/models`)).json()) as { problem?: string; models: { problem?: string }[] };
      expect(models.problem).toBeUndefined();
      expect(models.models[0].problem).toBeUndefined();
    }
    a.child.kill('SIGTERM');
    b.child.kill('SIGTERM');
    expect(await Promise.all([a.exited, b.exited])).toEqual([0, 0]);
  });
});
