import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, onTestFinished } from 'vitest';
import { nodeFiles } from '../../src/cli/node-files.js';
import { createGit } from '../../src/git/simple-git-client.js';
import { loadRunBundle, type LoadedRun } from '../../src/use-cases/load-run-bundle.js';
import { registerVersion, type RegisterResult } from '../../src/use-cases/register-version.js';
import { verifyRegistry } from '../../src/use-cases/verify-registry.js';
import { runCli } from '../helpers/cli.js';
import { bcData, smallPipeline } from '../helpers/registry-fixtures.js';
import { tempRepo, type TempRepo } from '../helpers/temp-repo.js';

/**
 * Racing registrations run in this process against separate clones of one bare origin: the git
 * commands they start are real processes running at the same time, and the push race is git's.
 * Each racer registers a different seed (so a different content key); otherwise the
 * idempotency rule would rightly turn all but one into "already registered". Backoff waits are
 * a quarter of the real ones (sleep is injected) to keep CI fast; the ordering they create is the same.
 */
async function racersRepo(count: number): Promise<{ repo: TempRepo; runs: string[] }> {
  const tree: Record<string, string | { copy: string }> = { 'data/bc.csv': bcData };
  for (let i = 1; i <= count; i++) tree[`pipelines/bc-${i}.yaml`] = smallPipeline({ seed: i });
  const repo = tempRepo(tree);
  const runsDir = mkdtempSync(join(tmpdir(), 'pipepilot-runs-'));
  onTestFinished(() => rmSync(runsDir, { recursive: true, force: true }));
  const runs: string[] = [];
  for (let i = 1; i <= count; i++) {
    const out = join(runsDir, `run-${i}`);
    expect((await runCli(['run', `pipelines/bc-${i}.yaml`, '--out', out, '-q'], repo.dir)).code).toBe(0);
    runs.push(out);
  }
  return { repo, runs };
}

async function register(dir: string, run: LoadedRun, pipelinePath: string, messages: string[] = []): Promise<RegisterResult> {
  const log = { info: (s: string) => void messages.push(s), warn: (s: string) => void messages.push(`warning: ${s}`) };
  return registerVersion(
    { git: await createGit(dir), files: nodeFiles(dir), log, clock: { now: () => Date.UTC(2025, 0, 1) }, sleep: (ms) => sleep(ms / 4) },
    { run, pipelinePath, push: { remote: 'origin' } },
  );
}

function originVersions(repo: TempRepo, model: string): number[] {
  const paths = repo.git(repo.origin, 'ls-tree', '-r', '--name-only', 'main', '--', `models/${model}/`).trim().split('\n');
  return [...new Set(paths.filter((p) => p.endsWith('/metadata.json')).map((p) => Number(p.split('/')[2].slice(1))))].sort((a, b) => a - b);
}

describe('registering with --push when others register at the same time', () => {
  it('two registrations race: one gets v4, the other v5', async () => {
    const { repo, runs } = await racersRepo(5);
    for (let i = 0; i < 3; i++) {
      const r = await register(repo.dir, await loadRunBundle(nodeFiles(repo.dir), runs[i]), `pipelines/bc-${i + 1}.yaml`);
      expect(r).toMatchObject({ action: 'created', version: i + 1, pushed: true });
    }
    const [a, b] = [repo.clone('a'), repo.clone('b')];
    const results = await Promise.all([
      register(a, await loadRunBundle(nodeFiles(a), runs[3]), 'pipelines/bc-4.yaml'),
      register(b, await loadRunBundle(nodeFiles(b), runs[4]), 'pipelines/bc-5.yaml'),
    ]);
    expect(results.map((r) => (r.action === 'created' ? r.version : -1)).sort()).toEqual([4, 5]);
    expect(originVersions(repo, 'bc')).toEqual([1, 2, 3, 4, 5]);
    // Each version on origin holds the run that claimed it: metadata and history agree.
    const log = repo.git(repo.origin, 'log', '--format=%s', 'main');
    expect(log.match(/^register bc v\d+/gm)).toHaveLength(5);
  });

  it('eight clones register at once: eight versions on origin, none lost or overwritten', async () => {
    const { repo, runs } = await racersRepo(8);
    const clones = runs.map((_, i) => repo.clone(`c${i + 1}`));
    const bundles = await Promise.all(clones.map((c, i) => loadRunBundle(nodeFiles(c), runs[i])));
    const messages: string[][] = clones.map(() => []);
    const results = await Promise.all(clones.map((c, i) => register(c, bundles[i], `pipelines/bc-${i + 1}.yaml`, messages[i])));
    const versions = results.map((r) => (r.action === 'created' ? r.version : -1));
    expect([...versions].sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(originVersions(repo, 'bc')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // Nothing overwritten: version N on origin is the run of the clone that was told "vN".
    for (let i = 0; i < clones.length; i++) {
      const meta = JSON.parse(repo.git(repo.origin, 'show', `main:models/bc/v${versions[i]}/metadata.json`));
      expect(meta.content_key).toBe(bundles[i].metrics.content_key);
    }
    expect(messages.flat().some((m) => m.includes('lost a race'))).toBe(true);
    const fresh = repo.clone('check');
    expect((await verifyRegistry({ files: nodeFiles(fresh) })).problems).toEqual([]);
  });

  it('a racer whose run another clone already pushed gets "unchanged", not a second version', async () => {
    const { repo, runs } = await racersRepo(1);
    const [a, b] = [repo.clone('a'), repo.clone('b')];
    const run = await loadRunBundle(nodeFiles(a), runs[0]);
    const results = await Promise.all([register(a, run, 'pipelines/bc-1.yaml'), register(b, run, 'pipelines/bc-1.yaml')]);
    expect(results.map((r) => r.action).sort()).toEqual(['created', 'unchanged']);
    expect(originVersions(repo, 'bc')).toEqual([1]);
  });
});
