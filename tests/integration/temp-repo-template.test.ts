import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateRepo, tempRepo, type TempRepo } from '../helpers/temp-repo.js';

/** The shared-fixture helpers other suites rely on: a copy must behave like a repository of its own. */
describe('templateRepo: a repository built once per process, copied per test', () => {
  let builds = 0;
  const make = async (repo: TempRepo) => {
    builds++;
    writeFileSync(join(repo.dir, 'b.txt'), 'made\n');
    repo.git(repo.dir, 'add', 'b.txt');
    repo.git(repo.dir, 'commit', '-q', '-m', 'made by the template');
    repo.git(repo.dir, 'push', '-q', 'origin', 'main');
  };

  it('builds once, and each copy has its own origin: a push to one reaches neither the template nor another copy', async () => {
    const first = await templateRepo('template-test', { 'a.txt': 'a\n' }, make);
    const second = await templateRepo('template-test', { 'a.txt': 'a\n' }, make);
    expect(builds).toBe(1);
    expect(first.origin).not.toBe(second.origin);
    expect(first.git(first.dir, 'remote', 'get-url', 'origin').trim()).toBe(first.origin);
    const made = first.git(first.dir, 'rev-parse', 'HEAD').trim();
    expect(second.git(second.origin, 'rev-parse', 'main').trim()).toBe(made);
    expect(readFileSync(join(second.dir, 'b.txt'), 'utf8')).toBe('made\n');

    writeFileSync(join(first.dir, 'c.txt'), 'only in the first copy\n');
    first.git(first.dir, 'add', 'c.txt');
    first.git(first.dir, 'commit', '-q', '-m', 'first copy only');
    first.git(first.dir, 'push', '-q', 'origin', 'main');
    expect(first.git(first.origin, 'rev-parse', 'main').trim()).not.toBe(made);
    expect(second.git(second.origin, 'rev-parse', 'main').trim()).toBe(made);
    const third = await templateRepo('template-test', { 'a.txt': 'a\n' }, make);
    expect(third.git(third.origin, 'rev-parse', 'main').trim()).toBe(made);
    expect(builds).toBe(1);
    // The working tree is clean in a copy (git re-reads the copied files' stat data).
    expect(third.git(third.dir, 'status', '--porcelain')).toBe('');
  });

  it('clones of a copy and of a fresh repository commit with the fixed identity, tracking origin/main', async () => {
    for (const repo of [await templateRepo('template-test', { 'a.txt': 'a\n' }, make), tempRepo({ 'a.txt': 'a\n' })]) {
      const other = repo.clone('other');
      expect(repo.git(other, 'config', 'user.email').trim()).toBe('test@pipepilot.invalid');
      expect(repo.git(other, 'config', 'gc.auto').trim()).toBe('0');
      expect(repo.git(repo.dir, 'config', 'user.name').trim()).toBe('PipePilot Test');
      expect(repo.git(repo.dir, 'rev-parse', '--abbrev-ref', 'main@{upstream}').trim()).toBe('origin/main');
      repo.git(other, 'commit', '-q', '--allow-empty', '-m', 'from the clone');
      repo.git(other, 'push', '-q', 'origin', 'main');
      expect(repo.git(repo.origin, 'log', '-1', '--format=%an %s', 'main').trim()).toBe('PipePilot Test from the clone');
    }
  });

  it('a build that fails is not kept: the next call builds again', async () => {
    let attempts = 0;
    const failing = async () => {
      attempts++;
      throw new Error('training failed');
    };
    await expect(templateRepo('template-failing', {}, failing)).rejects.toThrow('training failed');
    await expect(templateRepo('template-failing', {}, failing)).rejects.toThrow('training failed');
    expect(attempts).toBe(2);
  });
});
