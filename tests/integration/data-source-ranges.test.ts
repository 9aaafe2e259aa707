import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AwsClient } from 'aws4fetch';
import { parquetWriteBuffer } from 'hyparquet-writer';
import S3rver from 's3rver';
import { describe, expect, it, onTestFinished } from 'vitest';
import { nodeFiles } from '../../src/cli/node-files.js';
import {
  columnsToRead, footerMetadata, footerRange, planRanges, rangesDigest, topColumns, type ParquetRanges,
} from '../../src/data/parquet-ranges.js';
import { DataError } from '../../src/errors.js';
import { nodeDataSource } from '../../src/fetch/data-source.js';
import { applyDefaults } from '../../src/spec/defaults.js';
import type { DataSpec } from '../../src/spec/types.js';
import { looksLikeStackTrace, runCli } from '../helpers/cli.js';
import { rangeServer } from '../helpers/range-server.js';
import { tempProject } from '../helpers/temp-project.js';

// A wide file (40 noise columns beside the three the pipeline uses), in 4 row groups.
const ROWS = 2000;
function wideParquet(): Uint8Array {
  const columnData = [
    ...Array.from({ length: 20 }, (_, c) => ({ name: `noise_${c}`, data: Array.from({ length: ROWS }, (_, i) => ((i * (c + 3)) % 97) / 7), type: 'DOUBLE' as const })),
    { name: 'x1', data: Array.from({ length: ROWS }, (_, i) => ((i * 37) % 101) / 10), type: 'DOUBLE' as const },
    { name: 'color', data: Array.from({ length: ROWS }, (_, i) => ['red', 'green', 'blue'][(i * 7) % 3]), type: 'STRING' as const },
    ...Array.from({ length: 20 }, (_, c) => ({ name: `wide_${c}`, data: Array.from({ length: ROWS }, (_, i) => `t${(i * (c + 1) * 7919) % 100003}`), type: 'STRING' as const })),
    { name: 'x2', data: Array.from({ length: ROWS }, (_, i) => ((i * 13) % 29) - 14 + (i % 5 === 0 ? NaN : 0)).map((v) => (Number.isNaN(v) ? null : v)), type: 'DOUBLE' as const },
    { name: 'y', data: Array.from({ length: ROWS }, (_, i) => (((i * 37) % 101) / 10 + ((i * 13) % 29) / 10 + (i % 3) > 9 ? 1 : 0)), type: 'DOUBLE' as const },
  ];
  return new Uint8Array(parquetWriteBuffer({ columnData, rowGroupSize: 500 }));
}

/** What these tests read of metrics.json. */
interface MetricsJson {
  metrics: unknown;
  content_key: string;
  data: { fingerprint: string; rows: unknown; schema: unknown };
}

const FILE = wideParquet();
const SHA = createHash('sha256').update(FILE).digest('hex');
const USED = ['x1', 'color', 'x2', 'y'];

const DATA = (source: string, pin: string) => ({
  source, target: 'y', read: 'ranges' as const, ranges_sha256: pin, features: { numeric: ['x1', 'x2'], categorical: ['color'] },
});
const dataSpec = (source: string, pin: string): DataSpec =>
  applyDefaults({ apiVersion: 'pipepilot/v1', name: 'r', data: DATA(source, pin), model: { task: 'binary_classification', type: 'linear' } }).data;

/**
 * The pin, computed here from the file itself: the footer and the used chunks (planRanges), hashed
 * by rangesDigest. The run's own computation must agree with it, and it is what the exit-2 message prints.
 */
function rangesPin(file: Uint8Array, spec: DataSpec): { pin: string; bytes: number } {
  const footer = footerRange(file, file.length, 'f');
  const metadata = footerMetadata(file.subarray(footer.start), 'f');
  const plan = planRanges(metadata, columnsToRead(spec, [], topColumns(metadata)), footer, 'f');
  const read: ParquetRanges = { fileSize: file.length, ranges: plan.map((r) => ({ start: r.start, bytes: file.subarray(r.start, r.end) })) };
  return { pin: rangesDigest(read), bytes: plan.reduce((n, r) => n + r.end - r.start, 0) };
}
const PIN = rangesPin(FILE, dataSpec('https://x/d.parquet', '0'.repeat(64))).pin;

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const PIPELINE = (data: string) => `apiVersion: pipepilot/v1
name: ranged
data: ${data}
model: {task: binary_classification, type: linear}
evaluate: {bootstrap: {samples: 40}}
`;
const RANGES_YAML = (url: string, pin = PIN) =>
  PIPELINE(`{source: "${url}", read: ranges, ranges_sha256: "${pin}", target: y, features: {numeric: [x1, x2], categorical: [color]}}`);
const WHOLE_YAML = (url: string) => PIPELINE(`{source: "${url}", sha256: "${SHA}", target: y, features: {numeric: [x1, x2], categorical: [color]}}`);

async function runBoth(server: { url: string }, env: NodeJS.ProcessEnv = {}) {
  const dir = tempProject({ 'whole.yaml': WHOLE_YAML(`${server.url}/d.parquet`), 'ranges.yaml': RANGES_YAML(`${server.url}/d.parquet`) });
  const run = async (yaml: string, out: string, cache: string) => {
    const res = await runCli(['run', yaml, '--out', out, '--quiet'], dir, { PIPEPILOT_CACHE_DIR: cache, ...env });
    expect(res.stderr).not.toMatch(/error/i);
    expect(res.code).toBe(0);
    return { res, metrics: JSON.parse(readFileSync(join(dir, out, 'metrics.json'), 'utf8')) as MetricsJson, weights: readFileSync(join(dir, out, 'model/weights.bin')) };
  };
  return { dir, run };
}

async function dataErrorOf(p: Promise<unknown>): Promise<DataError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(DataError);
  return err as DataError;
}

function source(cacheDir = tempDir('pipepilot-cache-'), env: NodeJS.ProcessEnv = {}, warn?: (m: string) => void) {
  return nodeDataSource({ files: nodeFiles(tempProject({})), env, cacheDir, sleep: async () => {}, ...(warn && { warn }) });
}
const USE = { sliceColumns: [] };

describe('a remote Parquet file read by ranges (data.read: ranges, issue 10)', () => {
  it('gives the run of the whole download: same metrics, rows, schema and model bytes, from Range requests for fewer bytes than the file', async () => {
    const server = await rangeServer({ '/d.parquet': { body: FILE } });
    const { run } = await runBoth(server);
    const whole = await run('whole.yaml', 'out-whole', tempDir('pipepilot-cache-'));
    const wholeRequests = server.requests.length;
    const sentWhole = server.bytesSent();
    const ranged = await run('ranges.yaml', 'out-ranges', tempDir('pipepilot-cache-'));
    expect(ranged.metrics.metrics).toEqual(whole.metrics.metrics);
    expect(ranged.metrics.data.rows).toEqual(whole.metrics.data.rows);
    expect(ranged.metrics.data.schema).toEqual(whole.metrics.data.schema);
    expect(ranged.weights.equals(whole.weights)).toBe(true);
    // The content key and lineage name the data by the ranges pin.
    expect(ranged.metrics.data.fingerprint).toBe(`sha256:${PIN}`);
    expect(whole.metrics.data.fingerprint).toBe(`sha256:${SHA}`);
    expect(ranged.metrics.content_key).not.toBe(whole.metrics.content_key);

    const rangedRequests = server.requests.slice(wholeRequests);
    expect(rangedRequests.length).toBeGreaterThan(1);
    for (const r of rangedRequests) {
      expect(r.range).toMatch(/^bytes=(\d+-\d+|-\d+)$/);
      expect(r.status).toBe(206);
    }
    // Every request after the first is conditional on the first answer's ETag.
    expect(rangedRequests.slice(1).every((r) => r.ifMatch === rangedRequests[0].ifMatch || r.ifMatch !== undefined)).toBe(true);
    expect(rangedRequests[0].ifMatch).toBeUndefined();
    const sentRanged = server.bytesSent() - sentWhole;
    expect(sentWhole).toBe(FILE.length);
    // The used chunks and footer, plus what the 64 KiB tail request brings beyond the footer.
    const { bytes: needed } = rangesPin(FILE, dataSpec('https://x/d.parquet', PIN));
    expect(sentRanged).toBeLessThan(FILE.length);
    expect(sentRanged).toBeGreaterThanOrEqual(needed);
    expect(sentRanged).toBeLessThanOrEqual(needed + 65536);
  });

  it('reads only what it needs: the chunk bytes of x1, color, x2, y and the footer, nothing of the 40 others', async () => {
    const server = await rangeServer({ '/d.parquet': { body: FILE } });
    const file = await source().readFile!(dataSpec(`${server.url}/d.parquet`, PIN), USE);
    expect('ranges' in file && file.columns).toEqual(USED);
    const needed = rangesPin(FILE, dataSpec('https://x/d.parquet', PIN)).bytes;
    expect(needed).toBeLessThan(FILE.length / 3);
  });

  it('a wrong pin is exit 2 naming both hashes; the printed value is the pin to use', async () => {
    const server = await rangeServer({ '/d.parquet': { body: FILE } });
    const wrong = 'ab'.repeat(32);
    const dir = tempProject({ 'p.yaml': RANGES_YAML(`${server.url}/d.parquet`, wrong) });
    const res = await runCli(['run', 'p.yaml', '--out', 'out'], dir, { PIPEPILOT_CACHE_DIR: tempDir('pipepilot-cache-') });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`has sha256:${PIN}, but data.ranges_sha256 pins sha256:${wrong}`);
    expect(looksLikeStackTrace(res.stderr)).toBe(false);
  });

  it('a pin made for other columns does not match: the pin covers the projection', async () => {
    const server = await rangeServer({ '/d.parquet': { body: FILE } });
    // Without color: the x1 range no longer runs on into color's chunk (x2 and y, far off, are read as before).
    const spec = { ...dataSpec(`${server.url}/d.parquet`, PIN), features: { numeric: ['x1', 'x2'], categorical: [], infer: false } };
    const err = await dataErrorOf(source().readFile!(spec, USE));
    expect(err.message).toContain(`but data.ranges_sha256 pins sha256:${PIN}`);
    expect(err.message).toContain(rangesPin(FILE, spec).pin);
  });

  it('a second read is served from the cache by pin, without a request', async () => {
    const server = await rangeServer({ '/d.parquet': { body: FILE } });
    const cache = tempDir('pipepilot-cache-');
    await source(cache).readFile!(dataSpec(`${server.url}/d.parquet`, PIN), USE);
    const before = server.requests.length;
    const again = await source(cache).readFile!(dataSpec(`${server.url}/d.parquet`, PIN), USE);
    expect(server.requests.length).toBe(before);
    expect('ranges' in again && again.fingerprint).toBe(`sha256:${PIN}`);
  });

  it('a server that ignores Range (200 with the whole body) still gives the pinned read, with a warning', async () => {
    const server = await rangeServer({ '/d.parquet': { body: FILE, ignoreRange: true } });
    const warnings: string[] = [];
    const cache = tempDir('pipepilot-cache-');
    const file = await source(cache, {}, (m) => warnings.push(m)).readFile!(dataSpec(`${server.url}/d.parquet`, PIN), USE);
    expect('ranges' in file && file.fingerprint).toBe(`sha256:${PIN}`);
    expect(warnings).toEqual([`${server.url}/d.parquet: the server ignores Range requests (HTTP 200): downloading the whole file to read its columns`]);
    // The whole copy is gone; only the verified ranges are cached.
    expect(readdirSync(join(cache, 'parquet-ranges'))).toEqual([PIN]);
  });

  it.each([[404, 'not found (HTTP 404)'], [403, 'access denied (HTTP 403)']])('HTTP %i is a DataError saying so', async (status, text) => {
    const server = await rangeServer({ '/d.parquet': { status } });
    const err = await dataErrorOf(source().readFile!(dataSpec(`${server.url}/d.parquet`, PIN), USE));
    expect(err.message).toBe(`${server.url}/d.parquet: ${text}`);
    expect(server.requests).toHaveLength(1);
  });

  it('a file replaced between requests fails as such: 412 on If-Match, or a changed ETag where the server ignores If-Match', async () => {
    // The same size, one byte changed in a column the pipeline does not read: only the ETag tells.
    const replacement = new Uint8Array(FILE);
    replacement[100] ^= 0xff;
    for (const honourIfMatch of [true, false]) {
      const server = await rangeServer({ '/d.parquet': { body: FILE, replaceAfter: 1, replacement, honourIfMatch } });
      const err = await dataErrorOf(source().readFile!(dataSpec(`${server.url}/d.parquet`, PIN), USE));
      expect(err.message).toContain(`${server.url}/d.parquet: the file changed while it was being read by ranges: `);
      expect(err.message).toContain(honourIfMatch ? 'HTTP 412' : 'its ETag went from');
    }
  });

  it('a truncated range answer is retried, and the read still matches the pin', async () => {
    const server = await rangeServer({ '/d.parquet': { body: FILE, truncateTimes: 2 } });
    const file = await source().readFile!(dataSpec(`${server.url}/d.parquet`, PIN), USE);
    expect('ranges' in file && file.fingerprint).toBe(`sha256:${PIN}`);
    const ranges = server.requests.map((r) => r.range);
    expect(ranges.length).toBe(new Set(ranges).size + 2);
  });

  it('503 answers are retried with backoff, then the read goes on', async () => {
    const server = await rangeServer({ '/d.parquet': { body: FILE, unavailableTimes: 3 } });
    const waits: number[] = [];
    const data = nodeDataSource({ files: nodeFiles(tempProject({})), env: {}, cacheDir: tempDir('pipepilot-cache-'), sleep: async (ms) => void waits.push(ms) });
    const file = await data.readFile!(dataSpec(`${server.url}/d.parquet`, PIN), USE);
    expect('ranges' in file && file.fingerprint).toBe(`sha256:${PIN}`);
    expect(waits).toEqual([250, 500, 1000]);
    expect(server.requests.slice(0, 4).map((r) => r.status)).toEqual([503, 503, 503, 206]);
  });

  it('a range that stays truncated fails after the tries with a DataError', async () => {
    const server = await rangeServer({ '/d.parquet': { body: FILE, truncateTimes: 99 } });
    const err = await dataErrorOf(source().readFile!(dataSpec(`${server.url}/d.parquet`, PIN), USE));
    expect(err.message).toMatch(/: reading bytes=-65536 failed after 5 tries: the connection was cut mid-range \(aborted\)$/);
  });

  it('a footer longer than the 64 KiB tail is completed with one more request', async () => {
    const columnData = [
      ...Array.from({ length: 300 }, (_, c) => ({ name: `c${c}`, data: Array.from({ length: 120 }, (_, i) => i * c), type: 'DOUBLE' as const })),
      { name: 'x1', data: Array.from({ length: 120 }, (_, i) => i % 11), type: 'DOUBLE' as const },
      { name: 'y', data: Array.from({ length: 120 }, (_, i) => i % 2), type: 'DOUBLE' as const },
    ];
    const file = new Uint8Array(parquetWriteBuffer({ columnData, rowGroupSize: 20 }));
    const footer = footerRange(file, file.length, 'f');
    expect(footer.end - footer.start).toBeGreaterThan(65536);
    const server = await rangeServer({ '/long.parquet': { body: file } });
    const spec = { ...dataSpec(`${server.url}/long.parquet`, '0'.repeat(64)), features: { numeric: ['x1'], categorical: [], infer: false } };
    const pin = rangesPin(file, spec).pin;
    const read = await source().readFile!({ ...spec, ranges_sha256: pin }, USE);
    expect('ranges' in read && read.columns).toEqual(['x1', 'y']);
    expect(server.requests.slice(0, 2).map((r) => r.range)).toEqual(['bytes=-65536', `bytes=${footer.start}-${file.length - 65536 - 1}`]);
  });

  it('a file that is not Parquet is a DataError, after one request', async () => {
    const server = await rangeServer({ '/d.parquet': { body: new TextEncoder().encode('a,b\n1,2\n'.repeat(10)) } });
    const err = await dataErrorOf(source().readFile!(dataSpec(`${server.url}/d.parquet`, PIN), USE));
    expect(err.message).toBe(`${server.url}/d.parquet: not a readable Parquet file: no PAR1 at its end`);
  });

  it('a command that needs the whole file says so rather than reading it', async () => {
    const err = await dataErrorOf(source().readBytes(dataSpec('https://127.0.0.1:9/d.parquet', PIN)));
    expect(err.message).toContain('never the whole file');
  });
});

describe('an s3:// Parquet file read by signed ranges (issue 10)', () => {
  const KEY_ID = 'S3RVER';
  async function s3StandIn(): Promise<string> {
    const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: tempDir('pipepilot-s3-'), configureBuckets: [{ name: 'ml-data', configs: [] }] });
    const { port } = (await server.run()) as { port: number };
    onTestFinished(() => server.close());
    const endpoint = `http://127.0.0.1:${port}`;
    const client = new AwsClient({ accessKeyId: KEY_ID, secretAccessKey: 'S3RVER', service: 's3', region: 'us-east-1' });
    expect((await client.fetch(`${endpoint}/ml-data/wide/d.parquet`, { method: 'PUT', body: FILE })).status).toBe(200);
    return endpoint;
  }

  it('`pipepilot run` gives the whole download\'s numbers, and no secret reaches any output', async () => {
    const endpoint = await s3StandIn();
    const secret = 'very-secret-value-77c2e1';
    const env = { AWS_ENDPOINT_URL: endpoint, AWS_ACCESS_KEY_ID: KEY_ID, AWS_SECRET_ACCESS_KEY: secret };
    const dir = tempProject({ 'whole.yaml': WHOLE_YAML('s3://ml-data/wide/d.parquet'), 'ranges.yaml': RANGES_YAML('s3://ml-data/wide/d.parquet') });
    const outputs: string[] = [];
    const run = async (yaml: string, out: string) => {
      const res = await runCli(['run', yaml, '--out', out], dir, { ...env, PIPEPILOT_CACHE_DIR: tempDir('pipepilot-cache-') });
      expect(res.stderr).not.toMatch(/error/i);
      expect(res.code).toBe(0);
      outputs.push(res.stdout, res.stderr, ...readdirSync(join(dir, out), { recursive: true, encoding: 'utf8' })
        .map((f) => join(dir, out, f)).filter((f) => statSync(f).isFile()).map((f) => readFileSync(f, 'latin1')));
      return JSON.parse(readFileSync(join(dir, out, 'metrics.json'), 'utf8')) as MetricsJson;
    };
    const whole = await run('whole.yaml', 'out-whole');
    const ranged = await run('ranges.yaml', 'out-ranges');
    expect(ranged.metrics).toEqual(whole.metrics);
    expect(ranged.data.fingerprint).toBe(`sha256:${PIN}`);
    for (const text of outputs) expect(text).not.toContain(secret);
  });

  it('an unknown access key is a 403 DataError', async () => {
    const endpoint = await s3StandIn();
    const data = source(tempDir('pipepilot-cache-'), { AWS_ENDPOINT_URL: endpoint, AWS_ACCESS_KEY_ID: 'NOT-A-KEY', AWS_SECRET_ACCESS_KEY: 'x' });
    const err = await dataErrorOf(data.readFile!(dataSpec('s3://ml-data/wide/d.parquet', PIN), USE));
    expect(err.message).toBe('s3://ml-data/wide/d.parquet: access denied (HTTP 403)');
  });
});
