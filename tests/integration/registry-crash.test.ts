import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runCli } from '../helpers/cli.js';
import { bcData, smallPipeline } from '../helpers/registry-fixtures.js';
import { projectRoot } from '../helpers/temp-project.js';
import { tempRepo, type TempRepo } from '../helpers/temp-repo.js';

/**
 * Starts the built `pipepilot register` in its own process group and SIGKILLs the whole group
 * (the command and any git it runs, as a crashed runner would) as soon as its progress output
 * shows `trigger`. Resolves with what it printed; a process that finished first is left alone.
 */
function registerKilledAt(dir: string, trigger: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(projectRoot, 'bin', 'pipepilot.js'), 'register', 'p.yaml'], {
      cwd: dir,
      env: { ...process.env, PIPEPILOT_BACKEND: 'wasm' },
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes(trigger) && child.exitCode === null) {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    });
    child.on('error', reject);
    child.on('close', () => resolve(stderr));
  });
}

/** Every version committed at HEAD has all five files: nothing half-written was ever committed. */
function expectOnlyCompleteVersionsCommitted(repo: TempRepo): void {
  const paths = repo.git(repo.dir, 'ls-tree', '-r', '--name-only', 'HEAD', '--', 'models/').trim().split('\n').filter(Boolean);
  const byVersion = new Map<string, string[]>();
  for (const p of paths) byVersion.set(p.split('/').slice(0, 3).join('/'), [...(byVersion.get(p.split('/').slice(0, 3).join('/')) ?? []), p.split('/')[3]]);
  for (const [dir, names] of byVersion) expect(names.sort(), dir).toEqual(['card.md', 'metadata.json', 'model.json', 'preprocessor.json', 'weights.bin']);
}

describe('crash safety of register', () => {
  it('kill -9 during register leaves nothing half-committed, and the next register and verify succeed', async () => {
    const repo = tempRepo({ 'p.yaml': smallPipeline(), 'data/bc.csv': bcData });
    // Moments: while training, with the version being staged, while git commits, right after the commit.
    const moments = ['backend:', 'writing models/', 'committing models/', 'committed bc'];
    for (const [i, moment] of moments.entries()) {
      writeFileSync(join(repo.dir, 'p.yaml'), smallPipeline({ seed: i + 1 }));
      const printed = await registerKilledAt(repo.dir, moment);
      expect(printed, `killed at "${moment}"`).toContain(moment);
      expectOnlyCompleteVersionsCommitted(repo);

      const next = await runCli(['register', 'p.yaml', '-q'], repo.dir);
      expect(next.code, `${moment}: ${next.stderr}`).toBe(0);
      expect(next.stdout).toMatch(/registered bc v\d+|already registered as v\d+/);
      const verify = await runCli(['verify'], repo.dir);
      expect(verify.code, verify.stderr).toBe(0);
      expect(readdirSync(join(repo.dir, 'models/bc')).filter((e) => e.startsWith('.tmp-'))).toEqual([]);
      expect(repo.git(repo.dir, 'status', '--porcelain', '--', 'models/')).toBe('');
    }
    // Every seed ended up as exactly one version, numbered without gaps from reuse or loss.
    const versions = readdirSync(join(repo.dir, 'models/bc')).filter((e) => /^v\d+$/.test(e));
    expect(versions).toHaveLength(moments.length);
  });

  it('what a crash can leave (staging dir, an uncommitted partial version, a staged one, an old index.lock) is cleared by the next register', async () => {
    const repo = tempRepo({ 'p.yaml': smallPipeline(), 'data/bc.csv': bcData });
    const models = join(repo.dir, 'models/bc');
    mkdirSync(join(models, '.tmp-v1-4242-1'), { recursive: true });
    writeFileSync(join(models, '.tmp-v1-4242-1', 'model.json'), '{"half":');
    mkdirSync(join(models, 'v1'));
    writeFileSync(join(models, 'v1', 'weights.bin'), new Uint8Array([1, 2, 3]));
    mkdirSync(join(models, 'v7'));
    writeFileSync(join(models, 'v7', 'model.json'), '{}');
    repo.git(repo.dir, 'add', 'models/bc/v7');
    const lock = join(repo.dir, '.git', 'index.lock');
    writeFileSync(lock, '');
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(lock, hourAgo, hourAgo);

    const res = await runCli(['register', 'p.yaml'], repo.dir);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/registered bc v1/);
    expect(res.stderr).toMatch(/stale \.git\/index\.lock/);
    expect(res.stderr).toMatch(/removing models\/bc\/v7: left by an interrupted register/);
    expect(existsSync(lock)).toBe(false);
    expect(readdirSync(models).sort()).toEqual(['v1']);
    expect(repo.git(repo.dir, 'status', '--porcelain')).toBe('');
    expect((await runCli(['verify'], repo.dir)).code).toBe(0);
  });

  it('a lock a killed git left a moment ago (no git running) is waited out and cleared while unstaging what the crash left', async () => {
    const repo = tempRepo({ 'p.yaml': smallPipeline(), 'data/bc.csv': bcData });
    const models = join(repo.dir, 'models/bc');
    mkdirSync(join(models, 'v1'), { recursive: true });
    writeFileSync(join(models, 'v1', 'model.json'), '{}');
    repo.git(repo.dir, 'add', 'models/bc/v1');
    const lock = join(repo.dir, '.git', 'index.lock');
    let stderr = '';
    // The lock appears the moment register says it will remove the leftover, just before it
    // unstages it: fresh (as right after a git was killed mid-commit), and no git will remove it.
    const code = await main(['node', 'pipepilot', 'register', 'p.yaml'], {
      cwd: repo.dir,
      env: { PIPEPILOT_BACKEND: 'wasm' },
      stdout: () => undefined,
      stderr: (text) => {
        stderr += text;
        if (text.includes('removing models/bc/v1') && !existsSync(lock)) writeFileSync(lock, '');
      },
      isTTY: false,
    });
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/removing models\/bc\/v1: left by an interrupted register/);
    expect(stderr).toMatch(/stale \.git\/index\.lock/);
    expect(existsSync(lock)).toBe(false);
    expect(repo.git(repo.dir, 'status', '--porcelain')).toBe('');
    expect(repo.git(repo.dir, 'log', '-1', '--format=%s')).toMatch(/bc v1/);
  });

  it('a fresh index.lock (a git may be at work) is never removed: register waits, then reports the lock', async () => {
    const repo = tempRepo({ 'p.yaml': smallPipeline(), 'data/bc.csv': bcData });
    const lock = join(repo.dir, '.git', 'index.lock');
    writeFileSync(lock, '');
    // Keep it fresh for the whole attempt, as a live git would.
    const touch = setInterval(() => utimesSync(lock, new Date(), new Date()), 200);
    try {
      const res = await runCli(['register', 'p.yaml', '-q'], repo.dir);
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(/index\.lock/);
    } finally {
      clearInterval(touch);
    }
    expect(existsSync(lock)).toBe(true);
    expect(existsSync(join(repo.dir, 'models/bc/v1'))).toBe(false);
  });
});
