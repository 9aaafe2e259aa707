import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { templateDir, templateRepo, tempRepo, type TempRepo } from '../helpers/temp-repo.js';

/** The shared-fixture helpers other suites rely on: a copy must behave like a repository of its own. */
describe('templateRepo: a repository built once per run, copied per test', () => {
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

  it('waits while another live process holds the build lock, and takes the lock over once that process is gone', async () => {
    const key = 'template-locked';
    const lock = `${templateDir(key)}.lock`;
    const holder = spawn('sleep', ['60'], { stdio: 'ignore' });
    onTestFinished(() => void holder.kill('SIGKILL'));
    mkdirSync(lock);
    writeFileSync(join(lock, 'pid'), String(holder.pid));
    let lockedBuilds = 0;
    const pending = templateRepo(key, { 'a.txt': 'a\n' }, async () => {
      lockedBuilds++;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(lockedBuilds).toBe(0);
    const exited = new Promise((resolve) => holder.on('exit', resolve));
    holder.kill('SIGKILL');
    await exited;
    const repo = await pending;
    expect(lockedBuilds).toBe(1);
    expect(readFileSync(join(repo.dir, 'a.txt'), 'utf8')).toBe('a\n');
    expect(existsSync(lock)).toBe(false);
  });
});
