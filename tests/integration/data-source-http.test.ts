import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { DataError } from '../../src/errors.js';
import { nodeFiles } from '../../src/cli/node-files.js';
import { nodeDataSource } from '../../src/fetch/data-source.js';
import type { DataSpec } from '../../src/spec/types.js';
import { dataServer } from '../helpers/data-server.js';
import { tempProject } from '../helpers/temp-project.js';

const CSV = new TextEncoder().encode(`x,y\n${Array.from({ length: 200 }, (_, i) => `${i},${i % 2}`).join('\n')}\n`);
const SHA = createHash('sha256').update(CSV).digest('hex');

function cacheDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pipepilot-cache-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const spec = (source: string, sha256?: string): DataSpec => ({ source, sha256 } as DataSpec);

function source(cache: string, env: NodeJS.ProcessEnv = {}) {
  return nodeDataSource({ files: nodeFiles(tempProject({})), env, cacheDir: cache, sleep: async () => {} });
}

async function dataErrorOf(p: Promise<unknown>): Promise<DataError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(DataError);
  return err as DataError;
}

describe('an http(s) data source pinned by sha256 (issue 10)', () => {
  it('downloads into the cache by hash, and a second read asks the server nothing', async () => {
    const server = await dataServer({ '/data.csv': { body: CSV } });
    const cache = cacheDir();
    const data = source(cache);
    expect(await data.readBytes(spec(`${server.url}/data.csv`, SHA))).toEqual(Buffer.from(CSV));
    expect(existsSync(join(cache, 'sha256', SHA))).toBe(true);
    expect(await data.readBytes(spec(`${server.url}/data.csv`, SHA))).toEqual(Buffer.from(CSV));
    expect(server.requests).toHaveLength(1);
  });

  it('a wrong hash is a DataError naming both hashes, and leaves nothing in the cache', async () => {
    const server = await dataServer({ '/data.csv': { body: CSV } });
    const cache = cacheDir();
    const wrong = 'ab'.repeat(32);
    const err = await dataErrorOf(source(cache).readBytes(spec(`${server.url}/data.csv`, wrong)));
    expect(err.rule).toBe('pin');
    expect(err.message).toContain(`sha256:${SHA}`);
    expect(err.message).toContain(`sha256:${wrong}`);
    expect(readdirSync(join(cache, 'sha256'))).toEqual([]);
  });

  it('404 and 403 fail at once, without retries, saying what to do', async () => {
    const server = await dataServer({ '/forbidden.csv': { status: 403 } });
    const missing = await dataErrorOf(source(cacheDir()).readBytes(spec(`${server.url}/missing.csv`, SHA)));
    expect(missing.message).toBe(`${server.url}/missing.csv: not found (HTTP 404)`);
    const denied = await dataErrorOf(source(cacheDir()).readBytes(spec(`${server.url}/forbidden.csv`, SHA)));
    expect(denied.message).toBe(`${server.url}/forbidden.csv: access denied (HTTP 403)`);
    expect(denied.hint).toContain('AWS_ACCESS_KEY_ID');
    expect(server.requests.map((r) => r.path)).toEqual(['/missing.csv', '/forbidden.csv']);
  });

  it('a 503 is retried up to five tries, then fails naming the status', async () => {
    const server = await dataServer({ '/data.csv': { status: 503 } });
    const err = await dataErrorOf(source(cacheDir()).readBytes(spec(`${server.url}/data.csv`, SHA)));
    expect(err.message).toBe(`${server.url}/data.csv: download failed after 5 tries: HTTP 503`);
    expect(server.requests).toHaveLength(5);
  });

  it('a download cut mid-body resumes with a Range request from the bytes on disk', async () => {
    const server = await dataServer({ '/data.csv': { body: CSV, cutAfter: 300, cutTimes: 1 } });
    const bytes = await source(cacheDir()).readBytes(spec(`${server.url}/data.csv`, SHA));
    expect(bytes).toEqual(Buffer.from(CSV));
    expect(server.requests.map((r) => r.range)).toEqual([undefined, 'bytes=300-']);
  });

  it('a download cut every time fails after the retries, and a later run resumes the partial file', async () => {
    const cache = cacheDir();
    const cutting = await dataServer({ '/data.csv': { body: CSV, cutAfter: 100 } });
    const err = await dataErrorOf(source(cache).readBytes(spec(`${cutting.url}/data.csv`, SHA)));
    expect(err.message).toMatch(/download failed after 5 tries: the connection was cut mid-download/);
    expect(cutting.requests.map((r) => r.range)).toEqual([undefined, 'bytes=100-', 'bytes=200-', 'bytes=300-', 'bytes=400-']);
    const healthy = await dataServer({ '/data.csv': { body: CSV } });
    expect(await source(cache).readBytes(spec(`${healthy.url}/data.csv`, SHA))).toEqual(Buffer.from(CSV));
    expect(healthy.requests.map((r) => r.range)).toEqual(['bytes=500-']);
  });

  it('sends PIPEPILOT_HTTP_AUTHORIZATION as the Authorization header', async () => {
    const server = await dataServer({ '/data.csv': { body: CSV } });
    await source(cacheDir(), { PIPEPILOT_HTTP_AUTHORIZATION: 'Bearer s3cr3t-token' }).readBytes(spec(`${server.url}/data.csv`, SHA));
    expect(server.requests[0].authorization).toBe('Bearer s3cr3t-token');
  });
});
