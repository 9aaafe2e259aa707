import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as actionsCache from '@actions/cache';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { actionsDownloadCache, loadActionsCache, type ActionsCacheClient } from '../../src/action/data-cache.js';
import { nodeFiles } from '../../src/cli/node-files.js';
import { nodeDataSource } from '../../src/fetch/data-source.js';
import type { SharedDownloadCache } from '../../src/fetch/download.js';
import type { DataSpec } from '../../src/spec/types.js';
import { dataServer } from '../helpers/data-server.js';
import { tempProject } from '../helpers/temp-project.js';

const CSV = new TextEncoder().encode(`x,y\n${Array.from({ length: 200 }, (_, i) => `${i},${i % 2}`).join('\n')}\n`);
const SHA = createHash('sha256').update(CSV).digest('hex');
const KEY = `pipepilot-data-sha256-${SHA}`;
const spec = (source: string): DataSpec => ({ source, sha256: SHA } as DataSpec);

/**
 * The Actions cache service as a map, behind @actions/cache's own three calls: what a runner's
 * cache would hold between jobs. Entries are single files (we only ever cache one path per key).
 */
function memoryCacheService(opts: { failRestore?: boolean; failSave?: boolean } = {}) {
  const entries = new Map<string, Uint8Array>();
  const calls: string[] = [];
  const client: ActionsCacheClient = {
    isFeatureAvailable: () => true,
    restoreCache: async (paths, key) => {
      calls.push(`restore ${key}`);
      if (opts.failRestore) throw new Error('cache service unavailable');
      const bytes = entries.get(key);
      if (bytes === undefined) return undefined;
      mkdirSync(dirname(paths[0]), { recursive: true });
      writeFileSync(paths[0], bytes);
      return key;
    },
    saveCache: async (paths, key) => {
      calls.push(`save ${key}`);
      if (opts.failSave) throw new Error('Unable to reserve cache with key, another job may be creating this cache');
      entries.set(key, readFileSync(paths[0]));
      return 1;
    },
  };
  return { client, entries, calls };
}

/** A job on a fresh runner: an empty machine cache, the shared cache passed in. */
function job(shared: SharedDownloadCache | undefined) {
  const cacheDir = mkdtempSync(join(tmpdir(), 'pipepilot-runner-cache-'));
  onTestFinished(() => rmSync(cacheDir, { recursive: true, force: true }));
  return nodeDataSource({ files: nodeFiles(tempProject({})), env: {}, cacheDir, sleep: async () => {}, shared });
}

describe('the action caches downloads across runs in the Actions cache (issue 10)', () => {
  it('the first job downloads and saves under the pin; the next job restores it and asks the server nothing', async () => {
    const server = await dataServer({ '/data.csv': { body: CSV } });
    const service = memoryCacheService();
    const log: string[] = [];
    const first = await job(actionsDownloadCache(service.client, (m) => log.push(m))).readBytes(spec(`${server.url}/data.csv`));
    expect(first).toEqual(Buffer.from(CSV));
    expect(service.calls).toEqual([`restore ${KEY}`, `save ${KEY}`]);
    const second = await job(actionsDownloadCache(service.client, (m) => log.push(m))).readBytes(spec(`${server.url}/data.csv`));
    expect(second).toEqual(Buffer.from(CSV));
    expect(server.requests).toHaveLength(1);
    expect(service.calls).toEqual([`restore ${KEY}`, `save ${KEY}`, `restore ${KEY}`]);
    expect(log).toEqual([`data cache: no entry ${KEY}; downloading`, `data cache: saved ${KEY}`, `data cache: restored ${KEY}`]);
  });

  it('an entry whose bytes do not match the pin is thrown away and the data downloaded', async () => {
    const server = await dataServer({ '/data.csv': { body: CSV } });
    const service = memoryCacheService();
    service.entries.set(KEY, new TextEncoder().encode('x,y\n1,1\n'));
    const bytes = await job(actionsDownloadCache(service.client, () => {})).readBytes(spec(`${server.url}/data.csv`));
    expect(bytes).toEqual(Buffer.from(CSV));
    expect(server.requests).toHaveLength(1);
    expect(service.entries.get(KEY)).toEqual(Buffer.from(CSV));
  });

  it('a cache service that fails costs a download, not the run, and says so', async () => {
    const server = await dataServer({ '/data.csv': { body: CSV } });
    const service = memoryCacheService({ failRestore: true });
    const log: string[] = [];
    const bytes = await job(actionsDownloadCache(service.client, (m) => log.push(m))).readBytes(spec(`${server.url}/data.csv`));
    expect(bytes).toEqual(Buffer.from(CSV));
    expect(log[0]).toBe(`data cache: restoring ${KEY} failed (cache service unavailable); downloading`);
  });

  it('a save the service refuses (another job saving the same pin) is logged and the run goes on', async () => {
    const server = await dataServer({ '/data.csv': { body: CSV } });
    const service = memoryCacheService({ failSave: true });
    const log: string[] = [];
    const bytes = await job(actionsDownloadCache(service.client, (m) => log.push(m))).readBytes(spec(`${server.url}/data.csv`));
    expect(bytes).toEqual(Buffer.from(CSV));
    expect(log.at(-1)).toBe(`data cache: ${KEY} not saved (Unable to reserve cache with key, another job may be creating this cache)`);
  });

  it('outside a job, the real @actions/cache is not available: no shared cache, one log line', () => {
    vi.stubEnv('ACTIONS_CACHE_URL', '');
    vi.stubEnv('ACTIONS_RESULTS_URL', '');
    onTestFinished(() => { vi.unstubAllEnvs(); });
    const log: string[] = [];
    expect(actionsDownloadCache(actionsCache, (m) => log.push(m))).toBeUndefined();
    expect(log).toEqual(['data cache: the Actions cache is not available here (not inside a GitHub Actions job); downloads are cached on this machine only']);
    expect(actionsDownloadCache(undefined, (m) => log.push(m))).toBeUndefined();
    expect(log).toHaveLength(2);
  });

  it('the module is loaded only where a runner announces the cache service (v1 or v2)', async () => {
    expect(await loadActionsCache({})).toBeUndefined();
    expect(await loadActionsCache({ ACTIONS_CACHE_URL: '', ACTIONS_RESULTS_URL: '', ACTIONS_RUNTIME_TOKEN: 'x' })).toBeUndefined();
    expect((await loadActionsCache({ ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/' }))?.restoreCache).toBe(actionsCache.restoreCache);
    expect((await loadActionsCache({ ACTIONS_CACHE_URL: 'http://127.0.0.1:9/' }))?.saveCache).toBe(actionsCache.saveCache);
  });
});
