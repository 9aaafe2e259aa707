import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ModelHistory } from '../../src/registry/model-history.js';
import { looksLikeStackTrace, runCli } from '../helpers/cli.js';
import { bcData, manifestYaml, smallPipeline } from '../helpers/registry-fixtures.js';
import { templateRepo, type TempRepo } from '../helpers/temp-repo.js';

/** Git's own variables for who and when (simple-git strips GIT_* from its children, so tests set them on their own git calls). */
function gitEnv(name: string, iso: string): NodeJS.ProcessEnv {
  const email = `${name.toLowerCase()}@example.invalid`;
  return { ...process.env, GIT_AUTHOR_NAME: name, GIT_AUTHOR_EMAIL: email, GIT_AUTHOR_DATE: iso, GIT_COMMITTER_NAME: name, GIT_COMMITTER_EMAIL: email, GIT_COMMITTER_DATE: iso };
}

/** Re-stamps the commit `register` just made as made by `name` at `iso` (its tree, the version, is unchanged). */
function restamp(dir: string, name: string, iso: string): void {
  execFileSync('git', ['commit', '-q', '--amend', '--no-edit', '--reset-author'], { cwd: dir, env: gitEnv(name, iso) });
}

/** Writes a manifest by hand and commits it at `iso` as `name` (what a merged promote PR leaves on main). */
function commitManifest(dir: string, at: { env: string; version: number; name: string; iso: string }): void {
  const path = `models/bc/deployments/${at.env}.yaml`;
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), manifestYaml('bc', at.version, { reason: `promote v${at.version}` }));
  const env = gitEnv(at.name, at.iso);
  execFileSync('git', ['add', path], { cwd: dir, env });
  execFileSync('git', ['commit', '-q', '-m', `promote bc v${at.version} to ${at.env}`], { cwd: dir, env });
}

/**
 * Three versions registered in September and October by Ada, Grace and Ada; production went
 * v1 (1 Oct) → v2 (1 Nov) → v3 (10 Nov) → back to v2 (12 Nov, a rollback); staging got v3 on 20 Oct.
 */
function registryWithHistory(): Promise<TempRepo> {
  return templateRepo('registry-history-three-versions', { 'p.yaml': smallPipeline(), 'data/bc.csv': bcData }, async (repo) => {
    const registrations: [string, string][] = [['Ada', '2026-09-01T10:00:00Z'], ['Grace', '2026-09-15T10:00:00Z'], ['Ada', '2026-10-15T10:00:00+02:00']];
    for (const [i, [name, iso]] of registrations.entries()) {
      writeFileSync(join(repo.dir, 'p.yaml'), smallPipeline({ seed: i + 1 }));
      const res = await runCli(['register', 'p.yaml', '-q'], repo.dir);
      expect(res.stdout).toMatch(new RegExp(`registered bc v${i + 1}`));
      restamp(repo.dir, name, iso);
    }
    commitManifest(repo.dir, { env: 'production', version: 1, name: 'Ada', iso: '2026-10-01T00:00:00Z' });
    commitManifest(repo.dir, { env: 'staging', version: 3, name: 'Grace', iso: '2026-10-20T00:00:00Z' });
    commitManifest(repo.dir, { env: 'production', version: 2, name: 'Grace', iso: '2026-11-01T00:00:00Z' });
    commitManifest(repo.dir, { env: 'production', version: 3, name: 'Ada', iso: '2026-11-10T09:00:00Z' });
    commitManifest(repo.dir, { env: 'production', version: 2, name: 'Linus', iso: '2026-11-12T09:00:00Z' });
  });
}

describe('pipepilot history', () => {
  it('history lists versions with who and when, headline metrics, gates and where each is deployed now', async () => {
    const repo = await registryWithHistory();
    const res = await runCli(['history', 'bc'], repo.dir);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const lines = res.stdout.split('\n');
    expect(lines[0]).toBe('bc: 3 versions');
    expect(lines[2]).toMatch(/^version\s+registered\s+by\s+accuracy\s+.*gates\s+deployed$/);
    expect(lines[3]).toMatch(/^v3\s+2026-10-15 10:00:00 \+02:00\s+Ada\s+0\.9\d+.*passed 1\/1\s+staging$/);
    expect(lines[4]).toMatch(/^v2\s+2026-09-15 10:00:00 \+00:00\s+Grace\s+0\.9\d+.*passed 1\/1\s+production$/);
    expect(lines[5]).toMatch(/^v1\s+2026-09-01 10:00:00 \+00:00\s+Ada\s+.*passed 1\/1$/);
    // The production timeline, newest first, with the rollback on top.
    const prod = res.stdout.slice(res.stdout.indexOf('\nproduction\n'));
    expect(prod.split('\n').slice(2, 6).map((l) => l.match(/^\s+(\S+ \S+ \S+)\s+(v\d)\s+(\S+)/)?.slice(1))).toEqual([
      ['2026-11-12 09:00:00 +00:00', 'v2', 'Linus'],
      ['2026-11-10 09:00:00 +00:00', 'v3', 'Ada'],
      ['2026-11-01 00:00:00 +00:00', 'v2', 'Grace'],
      ['2026-10-01 00:00:00 +00:00', 'v1', 'Ada'],
    ]);
  });

  it('what was in production at a past time: the newest manifest change committed by then', async () => {
    const repo = await registryWithHistory();
    const at = async (time: string, ...more: string[]) => {
      const res = await runCli(['history', 'bc', '--at', time, ...more], repo.dir);
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
      return res.stdout;
    };
    const nov1 = await at('2026-11-01T12:00');
    expect(nov1).toMatch(/^bc as of 2026-11-01T12:00:00\.000Z: 3 versions registered by then\n/);
    expect(nov1).toMatch(/\n {2}production: v2 \(since 2026-11-01T00:00:00\+00:00, [0-9a-f]{12} by Grace\)\n/);
    expect(nov1).toMatch(/\n {2}staging: v3 \(since 2026-10-20/);
    expect(nov1).toMatch(/\nv2\s.*\sproduction\n/);
    // During the bad deploy, and a bare date (its first instant, UTC).
    expect(await at('2026-11-11')).toMatch(/\n {2}production: v3 \(since 2026-11-10T09:00:00\+00:00, [0-9a-f]{12} by Ada\)/);
    // An offset is honoured: 11:30+02:00 is 09:30Z, after the 09:00Z deploy of v3 on 10 Nov.
    expect(await at('2026-11-10T11:30:00+02:00')).toMatch(/production: v3/);
    expect(await at('2026-11-10T10:30:00+02:00')).toMatch(/production: v2/);
    // Before the first promotion, only two versions existed and nothing was deployed.
    const sept = await at('2026-09-20', '--env', 'production');
    expect(sept).toMatch(/^bc as of 2026-09-20T00:00:00\.000Z: 2 versions registered by then\n {2}production: not deployed\n/);
    expect(sept).not.toMatch(/staging/);
    expect(sept).toMatch(/\nproduction: no manifest by then\n/);
  });

  it('--json gives the same as data: versions with who and when, and each environment\'s timeline', async () => {
    const repo = await registryWithHistory();
    const res = await runCli(['history', 'bc', '--json', '--at', '2026-11-11T00:00:00Z'], repo.dir);
    expect(res.code).toBe(0);
    const h = JSON.parse(res.stdout) as ModelHistory;
    expect(h.model).toBe('bc');
    expect(h.at).toBe('2026-11-11T00:00:00.000Z');
    expect(h.headline[0]).toBe('accuracy');
    expect(h.versions.map((v) => [v.version, v.registered?.author, v.registered?.committed_at, v.deployed])).toEqual([
      [3, 'Ada', '2026-10-15T10:00:00+02:00', [{ env: 'production', role: 'serving' }, { env: 'staging', role: 'serving' }]],
      [2, 'Grace', '2026-09-15T10:00:00+00:00', []],
      [1, 'Ada', '2026-09-01T10:00:00+00:00', []],
    ]);
    expect(h.versions[0].registered?.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(h.versions[0].registered?.email).toBe('ada@example.invalid');
    expect(h.versions[0].gates).toEqual({ passed: true, failed: 0, total: 1, overridden: false });
    expect(h.versions[0].metrics.accuracy.value).toBeGreaterThan(0.9);
    expect(h.environments.map((e) => [e.env, e.current?.version, e.changes.map((c) => c.version)])).toEqual([
      ['production', 3, [3, 2, 1]],
      ['staging', 3, [3]],
    ]);
  });

  it('bad --at, unknown model or environment: exit 2 with the expected form, no stack trace', async () => {
    const repo = await registryWithHistory();
    for (const [args, expected] of [
      [['history', 'bc', '--at', 'yesterday'], /--at 'yesterday' is not a date or time[\s\S]*2026-11-01T12:00/],
      [['history', 'bc', '--at', '2026-02-30'], /--at '2026-02-30' is not a date/],
      [['history', 'bc', '--at', '2026-11-01T25:00'], /is not a date/],
      [['history', 'nope'], /unknown model 'nope'[\s\S]*Registered models: bc/],
      [['history', 'bc', '--env', 'canary-eu'], /never been deployed to 'canary-eu'[\s\S]*production, staging/],
      [['history', 'Bad/Name'], /'Bad\/Name' is not a model name/],
    ] as const) {
      const res = await runCli([...args], repo.dir);
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.stderr).toMatch(expected);
      expect(res.stdout).toBe('');
      expect(looksLikeStackTrace(res.stderr)).toBe(false);
    }
  });
});
