import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeFiles } from '../../src/cli/node-files.js';
import type { Git } from '../../src/git/git.js';
import { createGit } from '../../src/git/simple-git-client.js';
import { loadRunBundle, type LoadedRun } from '../../src/use-cases/load-run-bundle.js';
import { registerVersion, type RegisterResult } from '../../src/use-cases/register-version.js';
import { verifyRegistry } from '../../src/use-cases/verify-registry.js';
import { runCli } from '../helpers/cli.js';
import { bcData, smallPipeline } from '../helpers/registry-fixtures.js';
import { projectRoot } from '../helpers/temp-project.js';
import { tempRepo, type TempRepo } from '../helpers/temp-repo.js';

/**
 * Racing registrations run in this process against separate clones of one bare origin: the git
 * commands they start are real processes running at the same time, and the push race is git's.
 * Each racer registers a different seed (so a different content key); otherwise the
 * idempotency rule would rightly turn all but one into "already registered". A push barrier makes
 * the collision certain (see pushBarrier). Backoff waits are
 * a quarter of the real ones (sleep is injected) to keep CI fast; the ordering they create is the same.
 */
const RACERS = 8;

/** The racers' pipelines (seeds 1…8) and their data: the same tree in every test's repository. */
function racersTree(): Record<string, string | { copy: string }> {
  const tree: Record<string, string | { copy: string }> = { 'data/bc.csv': bcData };
  for (let i = 1; i <= RACERS; i++) tree[`pipelines/bc-${i}.yaml`] = smallPipeline({ seed: i });
  return tree;
}

/**
 * The eight run bundles, trained once for the file: a run bundle is read-only input to
 * registration, and its content key depends only on the pipeline, data, code and backend, so
 * every test's fresh repository (same tree) accepts it.
 */
const runs: string[] = [];
let runsDir = '';
beforeAll(async () => {
  runsDir = mkdtempSync(join(tmpdir(), 'pipepilot-runs-'));
  const project = join(runsDir, 'project');
  execFileSync('git', ['init', '-q', '-b', 'main', project]);
  for (const [path, content] of Object.entries(racersTree())) {
    mkdirSync(dirname(join(project, path)), { recursive: true });
    if (typeof content === 'string') writeFileSync(join(project, path), content);
    else copyFileSync(join(projectRoot, content.copy), join(project, path));
  }
  for (let i = 1; i <= RACERS; i++) {
    const out = join(runsDir, `run-${i}`);
    const res = await runCli(['run', `pipelines/bc-${i}.yaml`, '--out', out, '-q'], project);
    expect(res.code, res.stderr).toBe(0);
    runs.push(out);
  }
}, 300_000);
afterAll(() => rmSync(runsDir, { recursive: true, force: true }));

function racersRepo(): { repo: TempRepo; runs: string[] } {
  return { repo: tempRepo(racersTree()), runs };
}

/**
 * Holds each racer's first push until every racer has committed its version locally, so they
 * all push on the same origin tip and all but one lose: the race is certain, not left to how the
 * OS interleaves the processes. A wrapper of the injected Git; later pushes (retries) go straight.
 */
function pushBarrier(racers: number): (git: Git) => Git {
  let arrived = 0;
  let openBarrier!: () => void;
  const allCommitted = new Promise<void>((resolve) => (openBarrier = resolve));
  return (git) => {
    let first = true;
    return new Proxy(git, {
      get(target, key) {
        if (key !== 'push') return Reflect.get(target, key);
        return async (remote: string, branch: string) => {
          if (first) {
            first = false;
            if (++arrived === racers) openBarrier();
            await allCommitted;
          }
          return target.push(remote, branch);
        };
      },
    });
  };
}

async function register(dir: string, run: LoadedRun, pipelinePath: string, opts: { messages?: string[]; barrier?: (git: Git) => Git } = {}): Promise<RegisterResult> {
  const messages = opts.messages ?? [];
  const log = { info: (s: string) => void messages.push(s), warn: (s: string) => void messages.push(`warning: ${s}`) };
  const git = await createGit(dir);
  return registerVersion(
    { git: opts.barrier ? opts.barrier(git) : git, files: nodeFiles(dir), log, clock: { now: () => Date.UTC(2025, 0, 1) }, sleep: (ms) => sleep(ms / 4) },
    { run, pipelinePath, push: { remote: 'origin' } },
  );
}

function originVersions(repo: TempRepo, model: string): number[] {
  const paths = repo.git(repo.origin, 'ls-tree', '-r', '--name-only', 'main', '--', `models/${model}/`).trim().split('\n');
  return [...new Set(paths.filter((p) => p.endsWith('/metadata.json')).map((p) => Number(p.split('/')[2].slice(1))))].sort((a, b) => a - b);
}

describe('registering with --push when others register at the same time', () => {
  it('two registrations race: one gets v4, the other v5', async () => {
    const { repo, runs } = racersRepo();
    for (let i = 0; i < 3; i++) {
      const r = await register(repo.dir, await loadRunBundle(nodeFiles(repo.dir), runs[i]), `pipelines/bc-${i + 1}.yaml`);
      expect(r).toMatchObject({ action: 'created', version: i + 1, pushed: true });
    }
    const [a, b] = [repo.clone('a'), repo.clone('b')];
    const barrier = pushBarrier(2);
    const messages: string[][] = [[], []];
    const [runA, runB] = [await loadRunBundle(nodeFiles(a), runs[3]), await loadRunBundle(nodeFiles(b), runs[4])];
    const results = await Promise.all([
      register(a, runA, 'pipelines/bc-4.yaml', { barrier, messages: messages[0] }),
      register(b, runB, 'pipelines/bc-5.yaml', { barrier, messages: messages[1] }),
    ]);
    expect(results.map((r) => (r.action === 'created' ? r.version : -1)).sort()).toEqual([4, 5]);
    // Both committed v4 before either pushed: exactly one lost the race and took v5.
    expect(messages.map((m) => m.some((line) => line.includes('push lost a race for v4')))).toContain(true);
    expect(messages.filter((m) => m.some((line) => line.includes('lost a race')))).toHaveLength(1);
    expect(originVersions(repo, 'bc')).toEqual([1, 2, 3, 4, 5]);
    // Each version on origin holds the run that claimed it: metadata and history agree.
    const log = repo.git(repo.origin, 'log', '--format=%s', 'main');
    expect(log.match(/^register bc v\d+/gm)).toHaveLength(5);
  });

  it('eight clones register at once: eight versions on origin, none lost or overwritten', async () => {
    const { repo, runs } = racersRepo();
    const clones = runs.map((_, i) => repo.clone(`c${i + 1}`));
    const bundles = await Promise.all(clones.map((c, i) => loadRunBundle(nodeFiles(c), runs[i])));
    const messages: string[][] = clones.map(() => []);
    const barrier = pushBarrier(clones.length);
    const results = await Promise.all(clones.map((c, i) => register(c, bundles[i], `pipelines/bc-${i + 1}.yaml`, { messages: messages[i], barrier })));
    const versions = results.map((r) => (r.action === 'created' ? r.version : -1));
    expect([...versions].sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(originVersions(repo, 'bc')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // Nothing overwritten: version N on origin is the run of the clone that was told "vN".
    for (let i = 0; i < clones.length; i++) {
      const meta = JSON.parse(repo.git(repo.origin, 'show', `main:models/bc/v${versions[i]}/metadata.json`));
      expect(meta.content_key).toBe(bundles[i].metrics.content_key);
    }
    // All eight committed v1 before any pushed: the first round has one winner, so exactly seven racers lost at least once.
    expect(messages.filter((m) => m.some((line) => line.includes('push lost a race for v1')))).toHaveLength(7);
    const fresh = repo.clone('check');
    expect((await verifyRegistry({ files: nodeFiles(fresh) })).problems).toEqual([]);
    // Eight rounds of fetch, rebase and push for the last racer: more than the default minute on a loaded machine.
  }, 180_000);

  it('a racer whose run another clone already pushed gets "unchanged", not a second version', async () => {
    const { repo, runs } = racersRepo();
    const [a, b] = [repo.clone('a'), repo.clone('b')];
    // Two people: with one identity, both commits of the same run in the same second are the
    // same commit, and the second push has nothing to send (one version either way, but then
    // both rightly say "created" and the race this test is about never happens).
    repo.git(b, 'config', 'user.email', 'someone-else@pipepilot.invalid');
    const run = await loadRunBundle(nodeFiles(a), runs[0]);
    const barrier = pushBarrier(2);
    const results = await Promise.all([register(a, run, 'pipelines/bc-1.yaml', { barrier }), register(b, run, 'pipelines/bc-1.yaml', { barrier })]);
    expect(results.map((r) => r.action).sort()).toEqual(['created', 'unchanged']);
    expect(originVersions(repo, 'bc')).toEqual([1]);
  });
});
