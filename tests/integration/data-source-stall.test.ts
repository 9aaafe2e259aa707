import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
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
const spec = (source: string): DataSpec => ({ source, sha256: SHA } as DataSpec);

/**
 * A source whose stall watchdog fires after `stallTimeoutMs`. The stalling server never sends
 * the bytes, so the outcome does not depend on timing; a healthy answer arrives in one write,
 * far inside the watchdog's time even on a loaded machine.
 */
function source(stallTimeoutMs: number) {
  const cache = mkdtempSync(join(tmpdir(), 'pipepilot-cache-'));
  onTestFinished(() => rmSync(cache, { recursive: true, force: true }));
  return nodeDataSource({ files: nodeFiles(tempProject({})), env: {}, cacheDir: cache, sleep: async () => {}, stallTimeoutMs });
}

describe('a download that stalls (issue 10)', () => {
  it('a body that stops sending is cut after the stall time and resumed from the bytes on disk', async () => {
    const server = await dataServer({ '/data.csv': { body: CSV, stallAfter: 300, stallTimes: 1 } });
    const bytes = await source(1000).readBytes(spec(`${server.url}/data.csv`));
    expect(bytes).toEqual(Buffer.from(CSV));
    expect(server.requests.map((r) => r.range)).toEqual([undefined, 'bytes=300-']);
  });

  it('a server that never answers is retried, then a DataError names the source and the stall', async () => {
    const server = await dataServer({ '/data.csv': { body: CSV, stallAfter: -1 } });
    const err = await source(150).readBytes(spec(`${server.url}/data.csv`)).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).message).toBe(`${server.url}/data.csv: download failed after 5 tries: the download stalled: no byte for 0.15 s`);
    expect(server.requests).toHaveLength(5);
  });

  it('a stall before the first byte of the body is a stall too, and the next try starts over', async () => {
    const server = await dataServer({ '/data.csv': { body: CSV, stallAfter: 0, stallTimes: 2 } });
    const bytes = await source(150).readBytes(spec(`${server.url}/data.csv`));
    expect(bytes).toEqual(Buffer.from(CSV));
    expect(server.requests.map((r) => r.range)).toEqual([undefined, undefined, undefined]);
  });

  it('the message never holds the Authorization header sent with the download', async () => {
    const server = await dataServer({ '/data.csv': { body: CSV, stallAfter: -1 } });
    const cache = mkdtempSync(join(tmpdir(), 'pipepilot-cache-'));
    onTestFinished(() => rmSync(cache, { recursive: true, force: true }));
    const data = nodeDataSource({
      files: nodeFiles(tempProject({})), env: { PIPEPILOT_HTTP_AUTHORIZATION: 'Bearer s3cr3t-token' }, cacheDir: cache, sleep: async () => {}, stallTimeoutMs: 100,
    });
    const err = (await data.readBytes(spec(`${server.url}/data.csv`)).then(() => undefined, (e: unknown) => e)) as DataError;
    expect(server.requests[0].authorization).toBe('Bearer s3cr3t-token');
    expect(`${err.message} ${err.hint ?? ''}`).not.toContain('s3cr3t');
  });
});
