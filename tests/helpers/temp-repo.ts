import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { onTestFinished } from 'vitest';
import { projectRoot } from './temp-project.js';

export type Tree = Record<string, string | Uint8Array | { copy: string }>;

export interface TempRepo {
  /** The bare "origin", a path remote: no daemon, no network. */
  origin: string;
  /** The first clone, holding `tree` as its first commit (pushed to origin's `main`). */
  dir: string;
  /** Another clone of origin, configured like the first. */
  clone(name: string): string;
  /** Runs git in `cwd` and returns its stdout. */
  git(cwd: string, ...args: string[]): string;
}

/**
 * A bare origin and a clone of it in a fresh temp dir, `tree` committed on `main`, removed when
 * the test ends; no two tests share one. Identity is fixed in each clone's config so commits
 * work on any machine (and in the `pipepilot` processes a test spawns).
 */
export function tempRepo(tree: Tree): TempRepo {
  const base = mkdtempSync(join(tmpdir(), 'pipepilot-repo-'));
  onTestFinished(() => rmSync(base, { recursive: true, force: true }));
  const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const origin = join(base, 'origin.git');
  git(base, 'init', '-q', '--bare', '-b', 'main', origin);
  const configure = (dir: string) => {
    git(dir, 'config', 'user.name', 'PipePilot Test');
    git(dir, 'config', 'user.email', 'test@pipepilot.invalid');
    git(dir, 'config', 'commit.gpgsign', 'false');
    // gc off: an automatic `git gc --auto` started by one commit can hold locks and repack while
    // the next command (or a racing clone) runs, making the tests flaky and slow.
    git(dir, 'config', 'gc.auto', '0');
  };
  const dir = join(base, 'work');
  git(base, 'init', '-q', '-b', 'main', dir);
  configure(dir);
  for (const [path, content] of Object.entries(tree)) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    if (typeof content === 'object' && 'copy' in content) copyFileSync(join(projectRoot, content.copy), target);
    else writeFileSync(target, content);
  }
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', 'initial tree');
  git(dir, 'remote', 'add', 'origin', origin);
  git(dir, 'push', '-q', '-u', 'origin', 'main');
  return {
    origin,
    dir,
    git,
    clone(name) {
      const target = join(base, name);
      git(base, 'clone', '-q', origin, target);
      configure(target);
      return target;
    },
  };
}
