import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundedLoad } from '../helpers/bounded-load.js';
import { bcRecords, deployedRepo } from '../helpers/serve-fixtures.js';
import { spawnServer } from '../helpers/serve-process.js';

describe('pipepilot serve shuts down gracefully', () => {
  it('SIGTERM during a bounded load run: every accepted request is answered 200, then exit 0', { timeout: 300_000 }, async () => {
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
