import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { AwsClient } from 'aws4fetch';
import S3rver from 's3rver';
import { describe, expect, it, onTestFinished } from 'vitest';
import { DataError } from '../../src/errors.js';
import { nodeFiles } from '../../src/cli/node-files.js';
import { nodeDataSource } from '../../src/fetch/data-source.js';
import type { DataSpec } from '../../src/spec/types.js';
import { looksLikeStackTrace, runCli } from '../helpers/cli.js';
import { dataServer } from '../helpers/data-server.js';
import { tempProject } from '../helpers/temp-project.js';

const CSV = `x,z,y\n${Array.from({ length: 120 }, (_, i) => `${i % 17},${(i * 7) % 5},${i % 2}`).join('\n')}\n`;
const BYTES = new TextEncoder().encode(CSV);
const SHA = createHash('sha256').update(BYTES).digest('hex');
const MD5 = createHash('md5').update(BYTES).digest('hex');
// s3rver knows one account; it checks the key id (403 for an unknown one) but not SigV4 signatures.
const KEY_ID = 'S3RVER';
const SECRET = 'S3RVER';

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function s3StandIn(): Promise<string> {
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: tempDir('pipepilot-s3-'), configureBuckets: [{ name: 'ml-data', configs: [] }] });
  const { port } = (await server.run()) as { port: number };
  onTestFinished(() => server.close());
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new AwsClient({ accessKeyId: KEY_ID, secretAccessKey: SECRET, service: 's3', region: 'us-east-1' });
  const put = await client.fetch(`${endpoint}/ml-data/train/churn.csv`, { method: 'PUT', body: BYTES });
  expect(put.status).toBe(200);
  return endpoint;
}

const spec = (source: string, sha256?: string): DataSpec => ({ source, sha256 } as DataSpec);

async function dataErrorOf(p: Promise<unknown>): Promise<DataError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(DataError);
  return err as DataError;
}

const PIPELINE = (data: string) => `apiVersion: pipepilot/v1
name: remote
data: ${data}
model: {task: binary_classification, type: linear}
evaluate: {bootstrap: {samples: 50}}
`;

describe('an s3:// data source (issue 10)', () => {
  it('reads s3://bucket/key from an S3-compatible endpoint (AWS_ENDPOINT_URL), checked against its sha256', async () => {
    const endpoint = await s3StandIn();
    const env = { AWS_ENDPOINT_URL: endpoint, AWS_ACCESS_KEY_ID: KEY_ID, AWS_SECRET_ACCESS_KEY: SECRET };
    const data = nodeDataSource({ files: nodeFiles(tempProject({})), env, cacheDir: tempDir('pipepilot-cache-'), sleep: async () => {} });
    expect(Buffer.from(await data.readBytes(spec('s3://ml-data/train/churn.csv', SHA))).toString()).toBe(CSV);
    // Another pin: the cache is by content, so the same pin would be served from it without asking.
    const missing = await dataErrorOf(data.readBytes(spec('s3://ml-data/train/nope.csv', 'cd'.repeat(32))));
    expect(missing.message).toBe('s3://ml-data/train/nope.csv: not found (HTTP 404)');
  });

  it('an unknown access key is a 403 DataError', async () => {
    const endpoint = await s3StandIn();
    const env = { AWS_ENDPOINT_URL: endpoint, AWS_ACCESS_KEY_ID: 'NOT-A-KEY', AWS_SECRET_ACCESS_KEY: 'x' };
    const data = nodeDataSource({ files: nodeFiles(tempProject({})), env, cacheDir: tempDir('pipepilot-cache-'), sleep: async () => {} });
    expect((await dataErrorOf(data.readBytes(spec('s3://ml-data/train/churn.csv', SHA)))).message).toContain('access denied (HTTP 403)');
  });

  it('`pipepilot run` trains on it, records the URL and the pinned fingerprint, and no secret reaches any output', async () => {
    const endpoint = await s3StandIn();
    const secretKeyId = 'S3RVER';
    const secret = 'very-secret-value-4d1f0a';
    const dir = tempProject({ 'p.yaml': PIPELINE(`{source: "s3://ml-data/train/churn.csv", sha256: "${SHA}", target: y}`) });
    const cache = tempDir('pipepilot-cache-');
    const res = await runCli(['run', 'p.yaml', '--out', 'out'], dir, {
      AWS_ENDPOINT_URL: endpoint, AWS_ACCESS_KEY_ID: secretKeyId, AWS_SECRET_ACCESS_KEY: secret, PIPEPILOT_CACHE_DIR: cache,
    });
    expect(res.stderr).not.toMatch(/error/i);
    expect(res.code).toBe(0);
    const metrics = JSON.parse(readFileSync(join(dir, 'out/metrics.json'), 'utf8')) as { data: { source: string; fingerprint: string } };
    expect(metrics.data).toMatchObject({ source: 's3://ml-data/train/churn.csv', fingerprint: `sha256:${SHA}` });
    const outputs = [res.stdout, res.stderr, ...readdirSync(join(dir, 'out'), { recursive: true, encoding: 'utf8' })
      .map((f) => join(dir, 'out', f)).filter((f) => statSync(f).isFile()).map((f) => readFileSync(f, 'utf8'))];
    for (const text of outputs) expect(text).not.toContain(secret);
  });
});

describe('a DVC-tracked data source (issue 10)', () => {
  const DVC_FILE = (hash: string, layout: 'files/md5' | 'legacy') =>
    `outs:\n- md5: ${hash}\n  size: ${BYTES.length}\n${layout === 'files/md5' ? '  hash: md5\n' : ''}  path: churn.csv\n`;

  function remoteDir(layout: 'files/md5' | 'legacy', withObject = true): string {
    const remote = tempDir('pipepilot-dvc-remote-');
    if (withObject) {
      const object = join(remote, layout === 'files/md5' ? 'files/md5' : '', MD5.slice(0, 2), MD5.slice(2));
      mkdirSync(dirname(object), { recursive: true });
      writeFileSync(object, BYTES);
    }
    return remote;
  }

  it.each(['files/md5', 'legacy'] as const)('reads the file a .dvc pointer tracks from a local-directory remote (%s layout)', async (layout) => {
    const remote = remoteDir(layout);
    const dir = tempProject({
      'data/churn.csv.dvc': DVC_FILE(MD5, layout),
      '.dvc/config': `[core]\n    remote = storage\n['remote "storage"']\n    url = ${remote}\n`,
    });
    const data = nodeDataSource({ files: nodeFiles(dir), env: {}, cacheDir: tempDir('pipepilot-cache-') });
    // Both spellings: the pointer itself, and the tracked path (whose .dvc file lies beside it).
    expect(Buffer.from(await data.readBytes(spec('data/churn.csv.dvc'))).toString()).toBe(CSV);
    expect(Buffer.from(await data.readBytes(spec('data/churn.csv'))).toString()).toBe(CSV);
  });

  it('a relative local remote is resolved against .dvc/, as DVC does', async () => {
    const dir = tempProject({
      'churn.csv.dvc': DVC_FILE(MD5, 'files/md5'),
      '.dvc/config': `[core]\n    remote = local\n['remote "local"']\n    url = ../../store\n`,
    });
    const object = join(dir, '..', 'store', 'files/md5', MD5.slice(0, 2), MD5.slice(2));
    mkdirSync(dirname(object), { recursive: true });
    writeFileSync(object, BYTES);
    onTestFinished(() => rmSync(join(dir, '..', 'store'), { recursive: true, force: true }));
    const data = nodeDataSource({ files: nodeFiles(dir), env: {}, cacheDir: tempDir('pipepilot-cache-') });
    expect(Buffer.from(await data.readBytes(spec('churn.csv'))).toString()).toBe(CSV);
  });

  it('reads from an http remote into the cache, by md5', async () => {
    const server = await dataServer({ [`/dvc/files/md5/${MD5.slice(0, 2)}/${MD5.slice(2)}`]: { body: BYTES } });
    const dir = tempProject({ 'churn.csv.dvc': DVC_FILE(MD5, 'files/md5'), '.dvc/config': `[core]\n    remote = web\n['remote "web"']\n    url = ${server.url}/dvc\n` });
    const cache = tempDir('pipepilot-cache-');
    const data = nodeDataSource({ files: nodeFiles(dir), env: {}, cacheDir: cache, sleep: async () => {} });
    expect(Buffer.from(await data.readBytes(spec('churn.csv.dvc'))).toString()).toBe(CSV);
    expect(readdirSync(join(cache, 'md5'))).toEqual([MD5]);
  });

  it('a remote missing the object, or holding other bytes under its name, is exit 2 saying what to do', async () => {
    const empty = remoteDir('files/md5', false);
    const dir = tempProject({
      'p.yaml': PIPELINE('{source: data/churn.csv.dvc, target: y}'),
      'data/churn.csv.dvc': DVC_FILE(MD5, 'files/md5'),
      '.dvc/config': `[core]\n    remote = storage\n['remote "storage"']\n    url = ${empty}\n`,
    });
    const res = await runCli(['run', 'p.yaml', '--out', 'out'], dir, { PIPEPILOT_CACHE_DIR: tempDir('pipepilot-cache-') });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`data/churn.csv.dvc (data/churn.csv, md5 ${MD5}): not in the DVC remote`);
    expect(res.stderr).toContain('dvc push');
    expect(looksLikeStackTrace(res.stderr)).toBe(false);

    const wrong = 'f'.repeat(32);
    const object = join(empty, 'files/md5', wrong.slice(0, 2), wrong.slice(2));
    mkdirSync(dirname(object), { recursive: true });
    writeFileSync(object, BYTES);
    writeFileSync(join(dir, 'data/churn.csv.dvc'), DVC_FILE(wrong, 'files/md5'));
    const mismatch = await runCli(['run', 'p.yaml', '--out', 'out'], dir, { PIPEPILOT_CACHE_DIR: tempDir('pipepilot-cache-') });
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toContain(`md5:${MD5}, but the .dvc file pins md5:${wrong}`);
  });

  it('a malformed .dvc file, a directory output or no remote is a DataError naming the file', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ 'c.csv.dvc': 'outs: [' }, 'c.csv.dvc: not a valid .dvc file'],
      [{ 'c.csv.dvc': 'outs:\n- md5: abc.dir\n  path: c\n' }, 'c.csv.dvc: tracks a directory'],
      [{ 'c.csv.dvc': DVC_FILE(MD5, 'legacy').replace('churn.csv', '../../etc/passwd') }, 'outside the repository'],
      [{ 'c.csv.dvc': DVC_FILE(MD5, 'legacy') }, 'c.csv.dvc: the repository has no .dvc/config'],
      [{ 'c.csv.dvc': DVC_FILE(MD5, 'legacy'), '.dvc/config': '[core]\n' }, '.dvc/config: names no default remote'],
    ];
    for (const [tree, message] of cases) {
      const data = nodeDataSource({ files: nodeFiles(tempProject(tree)), env: {}, cacheDir: tempDir('pipepilot-cache-') });
      expect((await dataErrorOf(data.readBytes(spec('c.csv.dvc')))).message).toContain(message);
    }
  });
});

describe('a Git LFS pointer where the data should be (issue 10)', () => {
  it('is exit 2 saying to check the data out with LFS', async () => {
    const pointer = `version https://git-lfs.github.com/spec/v1\noid sha256:${SHA}\nsize ${BYTES.length}\n`;
    const dir = tempProject({ 'p.yaml': PIPELINE('{source: data/churn.csv, target: y}'), 'data/churn.csv': pointer });
    const res = await runCli(['run', 'p.yaml', '--out', 'out'], dir);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`data/churn.csv: a Git LFS pointer (oid sha256:${SHA.slice(0, 12)}…), not the data`);
    expect(res.stderr).toContain('git lfs pull');
  });
});

describe('openFile: the same sources read by byte ranges for data.stream (issue 10)', () => {
  async function whole(data: ReturnType<typeof nodeDataSource>, s: DataSpec): Promise<{ text: string; fingerprint: string }> {
    const file = await data.openFile!(s);
    try {
      const head = new Uint8Array(await file.slice(0, 4));
      const rest = new Uint8Array(await file.slice(4));
      return { text: Buffer.concat([head, rest]).toString(), fingerprint: file.fingerprint };
    } finally {
      await file.close();
    }
  }

  it('s3, DVC (local and http remotes) and repository files give their bytes by range and the sha256 fingerprint readBytes gives', async () => {
    const endpoint = await s3StandIn();
    const env = { AWS_ENDPOINT_URL: endpoint, AWS_ACCESS_KEY_ID: KEY_ID, AWS_SECRET_ACCESS_KEY: SECRET };
    const s3 = nodeDataSource({ files: nodeFiles(tempProject({})), env, cacheDir: tempDir('pipepilot-cache-'), sleep: async () => {} });
    expect(await whole(s3, spec('s3://ml-data/train/churn.csv', SHA))).toEqual({ text: CSV, fingerprint: `sha256:${SHA}` });

    const remote = tempDir('pipepilot-dvc-remote-');
    const object = join(remote, 'files/md5', MD5.slice(0, 2), MD5.slice(2));
    mkdirSync(dirname(object), { recursive: true });
    writeFileSync(object, BYTES);
    const server = await dataServer({ [`/dvc/files/md5/${MD5.slice(0, 2)}/${MD5.slice(2)}`]: { body: BYTES } });
    const dvcFile = `outs:\n- md5: ${MD5}\n  size: ${BYTES.length}\n  hash: md5\n  path: churn.csv\n`;
    for (const url of [remote, `${server.url}/dvc`]) {
      const dir = tempProject({ 'churn.csv.dvc': dvcFile, '.dvc/config': `[core]\n    remote = r\n['remote "r"']\n    url = ${url}\n` });
      const dvc = nodeDataSource({ files: nodeFiles(dir), env: {}, cacheDir: tempDir('pipepilot-cache-'), sleep: async () => {} });
      expect(await whole(dvc, spec('churn.csv.dvc'))).toEqual({ text: CSV, fingerprint: `sha256:${SHA}` });
    }

    const repo = nodeDataSource({ files: nodeFiles(tempProject({ 'data/churn.csv': CSV })), env: {} });
    expect(await whole(repo, spec('data/churn.csv', SHA))).toEqual({ text: CSV, fingerprint: `sha256:${SHA}` });
    const wrongPin = await dataErrorOf(repo.openFile!(spec('data/churn.csv', 'ab'.repeat(32))));
    expect(wrongPin.message).toBe(`data/churn.csv: the data has sha256:${SHA}, but data.sha256 pins sha256:${'ab'.repeat(32)}`);
  });

  it('a Git LFS pointer where the data should be is the usual DataError', async () => {
    const pointer = `version https://git-lfs.github.com/spec/v1\noid sha256:${SHA}\nsize ${BYTES.length}\n`;
    const data = nodeDataSource({ files: nodeFiles(tempProject({ 'data/churn.csv': pointer })), env: {} });
    const err = await dataErrorOf(data.openFile!(spec('data/churn.csv')));
    expect(err.rule).toBe('lfs_pointer');
  });
});
