import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as actionsCache from '@actions/cache';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { actionsDownloadCache, loadActionsCache, type ActionsCacheClient } from '../../src/action/data-cache.js';
import { nodeFiles } from '../../src/cli/node-files.js';
import { columnsToRead, footerMetadata, footerRange, planRanges, rangesDigest, topColumns } from '../../src/data/parquet-ranges.js';
import { nodeDataSource } from '../../src/fetch/data-source.js';
import type { SharedDownloadCache } from '../../src/fetch/download.js';
import { applyDefaults } from '../../src/spec/defaults.js';
import type { DataSpec } from '../../src/spec/types.js';
import { dataServer } from '../helpers/data-server.js';
import { rangeServer } from '../helpers/range-server.js';
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

// A Parquet file with a column the pipeline does not use, read by ranges (data.read: ranges).
const PARQUET = new Uint8Array(parquetWriteBuffer({
  columnData: [
    { name: 'x', data: Array.from({ length: 400 }, (_, i) => i / 7), type: 'DOUBLE' },
    { name: 'unused', data: Array.from({ length: 400 }, (_, i) => `u${i * 7919}`), type: 'STRING' },
    { name: 'y', data: Array.from({ length: 400 }, (_, i) => i % 2), type: 'DOUBLE' },
  ],
  rowGroupSize: 100,
}));
const rangesSpec = (source: string, pin: string): DataSpec => applyDefaults({
  apiVersion: 'pipepilot/v1', name: 'r', model: { task: 'binary_classification', type: 'linear' },
  data: { source, read: 'ranges', ranges_sha256: pin, target: 'y', features: { numeric: ['x'], categorical: [], infer: false } },
}).data;
/** The ranges pin, from the file itself: its footer and the chunks of x and y (see src/data/parquet-ranges.ts). */
function rangesPinOf(file: Uint8Array): string {
  const footer = footerRange(file, file.length, 'f');
  const metadata = footerMetadata(file.subarray(footer.start), 'f');
  const plan = planRanges(metadata, columnsToRead(rangesSpec('f', ''), [], topColumns(metadata)), footer, 'f');
  return rangesDigest({ fileSize: file.length, ranges: plan.map((r) => ({ start: r.start, bytes: file.subarray(r.start, r.end) })) });
}
const RANGES_PIN = rangesPinOf(PARQUET);
const RANGES_KEY = `pipepilot-data-ranges-sha256-${RANGES_PIN}`;
const USE = { sliceColumns: [] };

describe('the action caches ranges reads across runs in the Actions cache, keyed by data.ranges_sha256 (issue 10)', () => {
  it('the first job reads by ranges and saves under the ranges pin; the next job restores it and asks the server nothing', async () => {
    const server = await rangeServer({ '/d.parquet': { body: PARQUET } });
    const service = memoryCacheService();
    const log: string[] = [];
    const spec = rangesSpec(`${server.url}/d.parquet`, RANGES_PIN);
    const first = await job(actionsDownloadCache(service.client, (m) => log.push(m))).readFile!(spec, USE);
    expect('ranges' in first && first.fingerprint).toBe(`sha256:${RANGES_PIN}`);
    expect(service.calls).toEqual([`restore ${RANGES_KEY}`, `save ${RANGES_KEY}`]);
    // The entry is the verified read (the encoded ranges hash to the pin), not the whole file.
    expect(createHash('sha256').update(service.entries.get(RANGES_KEY) as Uint8Array).digest('hex')).toBe(RANGES_PIN);
    const requests = server.requests.length;
    expect(requests).toBeGreaterThan(1);

    const second = await job(actionsDownloadCache(service.client, (m) => log.push(m))).readFile!(spec, USE);
    expect(server.requests).toHaveLength(requests);
    const plain = (f: typeof first) => ('ranges' in f ? { ...f, ranges: f.ranges.ranges.map((r) => [r.start, Buffer.from(r.bytes).toString('hex')]) } : f);
    expect(plain(second)).toEqual(plain(first));
    expect(service.calls).toEqual([`restore ${RANGES_KEY}`, `save ${RANGES_KEY}`, `restore ${RANGES_KEY}`]);
    expect(log).toEqual([`data cache: no entry ${RANGES_KEY}; downloading`, `data cache: saved ${RANGES_KEY}`, `data cache: restored ${RANGES_KEY}`]);
  });

  it('an entry that does not hash to the pin is thrown away and the ranges read from the server', async () => {
    const server = await rangeServer({ '/d.parquet': { body: PARQUET } });
    const service = memoryCacheService();
    const forged = new Uint8Array(256).fill(7);
    service.entries.set(RANGES_KEY, forged);
    const file = await job(actionsDownloadCache(service.client, () => {})).readFile!(rangesSpec(`${server.url}/d.parquet`, RANGES_PIN), USE);
    expect('ranges' in file && file.fingerprint).toBe(`sha256:${RANGES_PIN}`);
    expect(server.requests.length).toBeGreaterThan(1);
    expect(createHash('sha256').update(service.entries.get(RANGES_KEY) as Uint8Array).digest('hex')).toBe(RANGES_PIN);
  });

  it('a read that does not match its pin is not saved', async () => {
    const server = await rangeServer({ '/d.parquet': { body: PARQUET } });
    const service = memoryCacheService();
    const wrong = 'ab'.repeat(32);
    const read = job(actionsDownloadCache(service.client, () => {})).readFile!(rangesSpec(`${server.url}/d.parquet`, wrong), USE);
    await expect(read).rejects.toThrow(`but data.ranges_sha256 pins sha256:${wrong}`);
    expect(service.calls).toEqual([`restore pipepilot-data-ranges-sha256-${wrong}`]);
    expect(service.entries.size).toBe(0);
  });

  it('a cache service that fails costs the ranges requests, not the run', async () => {
    const server = await rangeServer({ '/d.parquet': { body: PARQUET } });
    const service = memoryCacheService({ failRestore: true, failSave: true });
    const log: string[] = [];
    const file = await job(actionsDownloadCache(service.client, (m) => log.push(m))).readFile!(rangesSpec(`${server.url}/d.parquet`, RANGES_PIN), USE);
    expect('ranges' in file && file.fingerprint).toBe(`sha256:${RANGES_PIN}`);
    expect(log[0]).toBe(`data cache: restoring ${RANGES_KEY} failed (cache service unavailable); downloading`);
    expect(log[1]).toMatch(new RegExp(`^data cache: ${RANGES_KEY} not saved`));
  });
});
