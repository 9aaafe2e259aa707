import { chmodSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openServeRepository } from '../../src/cli/serve-repository.js';
import { selectBackend } from '../../src/model/backend.js';
import { Rng } from '../../src/rng.js';
import { createServer } from '../../src/serve/server.js';
import { runCli } from '../helpers/cli.js';
import { gitHttpStandIn } from '../helpers/git-http-stand-in.js';
import { manifestYaml } from '../helpers/registry-fixtures.js';
import { bcRecords, commitAndPush, deployedRepo } from '../helpers/serve-fixtures.js';

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The real server over loopback, following `repo` (a URL) through a cache in `cacheDir`. */
async function serveRemote(repo: string, cacheDir: string, env: NodeJS.ProcessEnv = {}) {
  await selectBackend('wasm');
  const logs: string[] = [];
  const log = { info: (m: string) => logs.push(m), warn: (m: string) => logs.push(`warning: ${m}`) };
  const source = await openServeRepository({ repo, cacheDir, env: 'production' }, { cwd: tmpdir(), env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, log });
  const app = createServer({ loadDeployment: source.load, clock: { now: () => Date.UTC(2026, 0, 1) }, log, rng: new Rng(1), metrics: new Registry() });
  onTestFinished(() => app.close());
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const get = async (path: string) => {
    const res = await fetch(url + path);
    return { status: res.status, text: await res.text() };
  };
  const predict = async (record: unknown) => {
    const res = await fetch(`${url}/predict`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(record) });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };
  return { app, url, logs, get, predict, describe: source.describe };
}

/** Every file under `dir`, as bytes (to search the cache for a secret). */
function allBytes(dir: string): Buffer {
  const parts: Buffer[] = [];
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    if (statSync(path).isFile()) parts.push(readFileSync(path));
  }
  return Buffer.concat(parts);
}

describe('serve --repo URL: following the remote through a cache', () => {
  it('file://: serves what origin deploys, picks up a promotion on the next poll, and keeps serving when the remote goes away', async () => {
    const repo = await deployedRepo();
    const cacheDir = tempDir('pipepilot-cache-');
    const server = await serveRemote(`file://${repo.origin}`, cacheDir);
    await server.app.refresh();
    const [record] = bcRecords(readFileSync(join(repo.dir, 'data/bc.csv'), 'utf8'), 1);
    expect((await server.predict(record)).json.version).toBe(1);
    expect(server.describe).toMatch(/origin\.git \(main\), cached in /);
    // The cache is shallow: one commit, whatever the history.
    const cache = join(cacheDir, readdirSync(cacheDir).find((n) => !n.endsWith('.lock'))!);
    expect(readFileSync(join(cache, '.git', 'shallow'), 'utf8').trim().split('\n')).toHaveLength(1);

    commitAndPush(repo, 'models/bc/deployments/production.yaml', manifestYaml('bc', 2), 'deploy bc v2');
    expect((await server.app.refresh()).models).toEqual([{ model: 'bc', action: 'swapped' }]);
    expect((await server.predict(record)).json.version).toBe(2);

    // The remote disappears: the last good version keeps serving, and every status surface says why.
    renameSync(repo.origin, `${repo.origin}.gone`);
    const report = await server.app.refresh();
    expect(report.problem).toMatch(/reading the deployments failed: git fetch .*failed/);
    expect((await server.predict(record)).json.version).toBe(2);
    const ready = await server.get('/readyz');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text).problem).toMatch(/fetch/);
    expect(JSON.parse((await server.get('/models')).text).problem).toMatch(/fetch/);
    expect((await server.get('/metrics')).text).toMatch(/^pipepilot_deployments_source_up 0$/m);
    renameSync(`${repo.origin}.gone`, repo.origin);
    expect((await server.app.refresh()).problem).toBeUndefined();
    expect((await server.get('/metrics')).text).toMatch(/^pipepilot_deployments_source_up 1$/m);
    expect(JSON.parse((await server.get('/models')).text).problem).toBeUndefined();
  });

  it('two servers sharing one cache dir follow the same origin without corrupting it', async () => {
    const repo = await deployedRepo();
    const cacheDir = tempDir('pipepilot-cache-');
    const [a, b] = await Promise.all([serveRemote(`file://${repo.origin}`, cacheDir), serveRemote(`file://${repo.origin}`, cacheDir)]);
    await Promise.all([a.app.refresh(), b.app.refresh()]);
    const [record] = bcRecords(readFileSync(join(repo.dir, 'data/bc.csv'), 'utf8'), 1);
    for (let version = 2; version >= 1; version--) {
      commitAndPush(repo, 'models/bc/deployments/production.yaml', manifestYaml('bc', version), `deploy bc v${version}`);
      // Both fetch into the one cache at once, several times over.
      await Promise.all([a.app.refresh(), b.app.refresh(), a.app.refresh(), b.app.refresh()]);
      expect((await a.predict(record)).json.version).toBe(version);
      expect((await b.predict(record)).json.version).toBe(version);
    }
    expect(readdirSync(cacheDir).filter((n) => !n.endsWith('.lock') && n !== 'known_hosts')).toHaveLength(1);
    const cache = join(cacheDir, readdirSync(cacheDir).find((n) => !n.endsWith('.lock'))!);
    expect(repo.git(cache, 'fsck', '--no-progress', '--connectivity-only')).toBe('');
  });

  it('https: the token goes in a header, never into the cache, a message or the log; without it the fetch is refused', async () => {
    const repo = await deployedRepo();
    const token = 'ghs_s3cretT0kenValue1234567890';
    const standIn = await gitHttpStandIn(repo.origin, token);

    const refused = await runCli(['serve', '--repo', standIn.url, '--cache-dir', tempDir('pipepilot-cache-'), '--port', '0'], tmpdir(), { PIPEPILOT_GIT_TOKEN: 'wrong-token-value' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/git ls-remote .*failed/);
    expect(refused.stderr + refused.stdout).not.toContain('wrong-token-value');

    const cacheDir = tempDir('pipepilot-cache-');
    const server = await serveRemote(standIn.url, cacheDir, { PIPEPILOT_GIT_TOKEN: token });
    await server.app.refresh();
    const [record] = bcRecords(readFileSync(join(repo.dir, 'data/bc.csv'), 'utf8'), 1);
    expect((await server.predict(record)).json.version).toBe(1);
    expect(standIn.authorizations.at(-1)).toBe(`Basic ${Buffer.from(`x-access-token:${token}`).toString('base64')}`);
    const bytes = allBytes(cacheDir);
    expect(bytes.includes(token)).toBe(false);
    expect(bytes.includes(Buffer.from(`x-access-token:${token}`).toString('base64'))).toBe(false);
    expect(server.logs.join('\n')).not.toContain(token);

    // Credentials in the URL work the same way, and are not kept either.
    const inUrl = standIn.url.replace('http://', `http://deploy:${token}@`);
    const cacheDir2 = tempDir('pipepilot-cache-');
    const fromUrl = await serveRemote(inUrl, cacheDir2);
    await fromUrl.app.refresh();
    expect((await fromUrl.predict(record)).json.version).toBe(1);
    expect(allBytes(cacheDir2).includes(token)).toBe(false);
    expect(fromUrl.describe).not.toContain(token);
  });

  it('ssh: a deploy key file becomes the ssh command, with known hosts kept in the cache dir', async () => {
    const repo = await deployedRepo();
    // A stand-in `ssh` first on PATH: records its arguments, then runs the remote command locally
    // (git-upload-pack on the bare origin), as sshd would on the server.
    const bin = tempDir('pipepilot-ssh-');
    const argsFile = join(bin, 'args');
    writeFileSync(join(bin, 'ssh'), `#!/bin/bash\nprintf '%s\\n' "$@" > '${argsFile}'\nexec bash -c "\${@: -1}"\n`);
    chmodSync(join(bin, 'ssh'), 0o755);
    const key = join(bin, 'deploy key');
    writeFileSync(key, 'not a real key: the stand-in never reads it\n');
    const cacheDir = tempDir('pipepilot-cache-');
    const server = await serveRemote(`ssh://git@models.example${repo.origin}`, cacheDir, { PATH: `${bin}:${process.env.PATH}`, PIPEPILOT_GIT_SSH_KEY_FILE: key });
    await server.app.refresh();
    const [record] = bcRecords(readFileSync(join(repo.dir, 'data/bc.csv'), 'utf8'), 1);
    expect((await server.predict(record)).json.version).toBe(1);
    const args = readFileSync(argsFile, 'utf8').split('\n');
    expect(args).toEqual(expect.arrayContaining(['-i', key, 'IdentitiesOnly=yes', 'BatchMode=yes', `UserKnownHostsFile=${join(cacheDir, 'known_hosts')}`, 'git@models.example']));
  });
});

describe('serve: bad arguments are usage errors (exit 2), never a crash', () => {
  const cases: [string, string[], RegExp][] = [
    ['a local path that does not exist', ['--repo', '/no/such/dir'], /--repo \/no\/such\/dir: no such directory/],
    ['an unsupported URL scheme', ['--repo', 'ftp://example.com/repo.git'], /unsupported scheme 'ftp'/],
    ['a file URL with a relative path', ['--repo', 'file://relative/repo.git'], /absolute path/],
    ['--cache-dir without a URL', ['--repo', '.', '--cache-dir', '/tmp/x'], /--cache-dir applies to --repo URL only/],
    ['a negative drain timeout', ['--drain-seconds', '-1'], /--drain-seconds -1: expected a whole number/],
    ['an unknown log format', ['--log-format', 'xml'], /--log-format xml: expected text or json/],
    ['a non-numeric concurrency limit', ['--max-concurrent-requests', 'many'], /--max-concurrent-requests many/],
    ['a body limit below 1 KiB', ['--max-body-bytes', '10'], /--max-body-bytes 10: expected a whole number from 1024/],
    ['a bad environment name', ['--env', '../prod'], /'\.\.\/prod' is not an environment name/],
    ['an argument other than `serve` (which SageMaker passes)', ['bogus'], /unexpected argument 'bogus'/],
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const res = await runCli(['serve', '--port', '0', ...args], tmpdir());
      expect(res.code, res.stderr).toBe(2);
      expect(res.stderr).toMatch(message);
      expect(res.stderr).not.toMatch(/\n\s+at /);
    });
  }
});
