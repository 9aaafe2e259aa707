import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { Registry } from 'prom-client';
import { onTestFinished } from 'vitest';
import { createGit } from '../../src/git/simple-git-client.js';
import { selectBackend } from '../../src/model/backend.js';
import { gitDeploymentSource } from '../../src/serve/deployment-source.js';
import { createServer, type ServeApp } from '../../src/serve/server.js';
import { Rng } from '../../src/rng.js';
import { registeredRepo } from './deployment-fixtures.js';
import { manifestYaml } from './registry-fixtures.js';
import { templateRepo, type TempRepo, type Tree } from './temp-repo.js';

export interface RunningServer {
  app: ServeApp;
  /** `http://127.0.0.1:<port>` */
  url: string;
  logs: string[];
  /** POSTs JSON (or a raw string body) and returns the status and parsed JSON answer. */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; json: Record<string, unknown> }>;
  get(path: string): Promise<{ status: number; text: string }>;
}

/** Commits a file on main and pushes it to origin, as merging a pull request does. */
export function commitAndPush(repo: TempRepo, path: string, text: string | Uint8Array, message = `change ${path}`): void {
  mkdirSync(dirname(join(repo.dir, path)), { recursive: true });
  writeFileSync(join(repo.dir, path), text);
  repo.git(repo.dir, 'add', path);
  repo.git(repo.dir, 'commit', '-q', '-m', message);
  repo.git(repo.dir, 'push', '-q', 'origin', 'main');
}

let registeredFiles: Promise<Tree> | undefined;

/**
 * The files of a repository with two tiny versions of `bc` registered, trained once per test
 * file (each file runs in its own process) and kept in memory: serving reads a registry, it
 * does not need the registrations to have happened in the test's own repository.
 */
function registeredTree(): Promise<Tree> {
  registeredFiles ??= registeredRepo(2).then((repo) => filesOf(repo.dir));
  return registeredFiles;
}

function filesOf(root: string): Tree {
  const tree: Tree = {};
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === '.git' || e.name === '.pipepilot') continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else tree[relative(root, path).split(sep).join('/')] = new Uint8Array(readFileSync(path)); // a Buffer would read as {copy} in a Tree
    }
  };
  walk(root);
  return tree;
}

/** Two tiny versions of `bc` registered (seeds 1 and 2), production at v1 (or `canary`), pushed to origin; a fresh repository (copied from a template) each time. */
export async function deployedRepo(canary?: { version: number; weight: number }): Promise<TempRepo> {
  return templateRepo(`deployed-${JSON.stringify(canary ?? null)}`, await registeredTree(), async (repo) => {
    commitAndPush(repo, 'models/bc/deployments/production.yaml', manifestYaml('bc', 1, { canary }), 'deploy bc v1');
  });
}

/** The real server over loopback on a free port, following the repository's origin/main; closed when the test ends. */
export async function startServer(repo: TempRepo, opts: { env?: string; refresh?: boolean; seed?: number } = {}): Promise<RunningServer> {
  await selectBackend('wasm');
  const git = await createGit(repo.dir);
  const source = await gitDeploymentSource(git, { env: opts.env ?? 'production' });
  const logs: string[] = [];
  const app = createServer({
    loadDeployment: source.load,
    clock: { now: () => Date.UTC(2026, 0, 1) },
    log: { info: (m) => logs.push(m), warn: (m) => logs.push(`warning: ${m}`) },
    rng: new Rng(opts.seed ?? 7),
    metrics: new Registry(),
  });
  onTestFinished(() => app.close());
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  if (opts.refresh !== false) await app.refresh();
  return {
    app,
    url,
    logs,
    async post(path, body, headers = {}) {
      const res = await fetch(url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, json: JSON.parse(text) as Record<string, unknown> };
    },
    async get(path) {
      const res = await fetch(url + path);
      return { status: res.status, text: await res.text() };
    },
  };
}

/** The first `n` rows of the breast-cancer data as raw records (strings from the CSV become numbers), without the target. */
export function bcRecords(csv: string, n: number): Record<string, number>[] {
  const [header, ...lines] = csv.trim().split('\n');
  const names = header.split(',');
  return lines.slice(0, n).map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(names.flatMap((name, i) => (name === 'diagnosis' ? [] : [[name, Number(cells[i])]])));
  });
}
