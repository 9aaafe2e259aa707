import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inject, onTestFinished } from 'vitest';
import { gitTemplate, projectRoot } from './temp-project.js';

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

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/**
 * Identity is fixed in each clone's config so commits work on any machine (and in the
 * `pipepilot` processes a test spawns). gc off: an automatic `git gc --auto` started by one
 * commit can hold locks and repack while the next command (or a racing clone) runs, making the
 * tests flaky and slow. Given to `git clone -c`, which writes them into the clone's config: one
 * git process per clone instead of one per setting (the suite spawns git thousands of times).
 */
const CLONE_CONFIG = ['user.name=PipePilot Test', 'user.email=test@pipepilot.invalid', 'commit.gpgsign=false', 'gc.auto=0'].flatMap((c) => ['-c', c]);

/**
 * A bare origin and a clone of it in a fresh temp dir, `tree` committed on `main`, removed when
 * the test ends; no two tests share one. The first repository holding a given tree in this
 * process is built with git; later ones with the same tree are copies of it (see copyRepo), as
 * many tests start from the same small tree and five git processes per repository add up.
 */
export function tempRepo(tree: Tree): TempRepo {
  const key = treeKey(tree);
  let built = builtTrees.get(key);
  if (built === undefined) {
    built = join(inject('runDir'), `tree-${process.pid}-${key}`);
    mkdirSync(built);
    try {
      // Not packed: a tree of a few files is a few loose objects, fewer than repacking would cost.
      buildRepo(built, tree);
    } catch (err) {
      rmSync(built, { recursive: true, force: true });
      throw err;
    }
    builtTrees.set(key, built);
  }
  return copyRepo(built);
}

const builtTrees = new Map<string, string>();

/** Names a tree by its content: each path with its bytes (or the project file it copies). */
function treeKey(tree: Tree): string {
  const hash = createHash('sha256');
  for (const path of Object.keys(tree).sort()) {
    const content = tree[path];
    hash.update(`${path}\0`);
    if (typeof content === 'object' && 'copy' in content) hash.update(`copy:${content.copy}`);
    else hash.update(typeof content === 'string' ? `text:${content}` : Buffer.concat([Buffer.from('bytes:'), content]));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * One pack per repository instead of a file per object, so a copy writes (and the test's end
 * removes) a few files rather than hundreds; git reads the same objects either way.
 */
function packRepo(base: string): void {
  git(join(base, 'origin.git'), 'repack', '-a', '-d', '-q');
  git(join(base, 'work'), 'repack', '-a', '-d', '-q');
}

/**
 * A fresh copy of the repository pair at `from` (removed when the test ends): the directory copied
 * file for file, with the one absolute path git keeps (the clone's `remote.origin.url`) pointed at
 * the copy's own origin, so a test's pushes never reach the original or another test's copy.
 */
function copyRepo(from: string): TempRepo {
  const base = mkdtempSync(join(tmpdir(), 'pipepilot-repo-'));
  onTestFinished(() => rmSync(base, { recursive: true, force: true }));
  cpSync(from, base, { recursive: true, preserveTimestamps: true });
  const config = join(base, 'work', '.git', 'config');
  const text = readFileSync(config, 'utf8');
  const url = `url = ${join(from, 'origin.git')}\n`;
  if (!text.includes(url)) throw new Error(`${config} has no ${url.trim()}`);
  writeFileSync(config, text.replace(url, `url = ${join(base, 'origin.git')}\n`));
  return handle(base);
}

function buildRepo(base: string, tree: Tree): TempRepo {
  const origin = join(base, 'origin.git');
  const dir = join(base, 'work');
  git(base, 'init', '-q', gitTemplate(), '--bare', '-b', 'main', origin);
  // Cloning the empty origin sets up `origin`, `main` and the config in one process.
  git(base, 'clone', '-q', gitTemplate(), ...CLONE_CONFIG, origin, dir);
  for (const [path, content] of Object.entries(tree)) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    if (typeof content === 'object' && 'copy' in content) copyFileSync(join(projectRoot, content.copy), target);
    else writeFileSync(target, content);
  }
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '--allow-empty', '-m', 'initial tree');
  git(dir, 'push', '-q', '-u', 'origin', 'main');
  return handle(base);
}

function handle(base: string): TempRepo {
  const origin = join(base, 'origin.git');
  return {
    origin,
    dir: join(base, 'work'),
    git,
    clone(name) {
      const target = join(base, name);
      git(base, 'clone', '-q', gitTemplate(), ...CLONE_CONFIG, origin, target);
      return target;
    },
  };
}

const templates = new Map<string, Promise<string>>();

/**
 * A fresh copy (removed when the test ends) of a repository that `make` builds once per test
 * run under `key` — for scenarios that need a trained, registered repository as their
 * starting point but not the registering itself. `make` receives an empty repository holding
 * `tree` and changes it (registers, commits, pushes); `key` must name that content, since
 * another test process may build it. Each test still gets its own origin and
 * clone: the copy is the template's directory copied file for file, with the one absolute path
 * git keeps (the clone's `remote.origin.url`) pointed at the copy's own origin, so a test's
 * pushes never reach the template or another test's repository. Templates live in the run's
 * directory (tests/helpers/global-setup.ts), removed when the run ends.
 */
export async function templateRepo(key: string, tree: Tree, make: (repo: TempRepo) => Promise<void>): Promise<TempRepo> {
  let template = templates.get(key);
  if (!template) {
    template = sharedTemplate(key, tree, make);
    templates.set(key, template);
    // A failed build is not kept: the next test builds again (and fails on its own account).
    template.catch(() => templates.delete(key));
  }
  return copyRepo(await template);
}

/** How long a process waits for another to finish building a template before giving up. */
const TEMPLATE_WAIT_MS = 300_000;

/**
 * The template's directory in the run's directory, built by whichever test process asks first
 * (a lock directory holding its pid) while the others wait for its `.done` marker: fourteen
 * serve and monitor suites start from the same registered repository, and each process building
 * it again cost two trainings and registrations. A builder that fails removes its lock and its
 * half-built directory, so a waiting process builds (and fails) on its own account; a lock whose
 * process is gone is taken over.
 */
async function sharedTemplate(key: string, tree: Tree, make: (repo: TempRepo) => Promise<void>): Promise<string> {
  const base = templateDir(key);
  const done = `${base}.done`;
  const lock = `${base}.lock`;
  const deadline = Date.now() + TEMPLATE_WAIT_MS;
  for (;;) {
    if (existsSync(done)) return base;
    try {
      mkdirSync(lock);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (!lockHolderAlive(lock)) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`template ${key}: another test process has been building it for ${TEMPLATE_WAIT_MS / 1000} s (${lock})`);
      else await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    try {
      writeFileSync(join(lock, 'pid'), String(process.pid));
      rmSync(base, { recursive: true, force: true });
      mkdirSync(base);
      await make(buildRepo(base, tree));
      packRepo(base);
      writeFileSync(done, '');
      return base;
    } catch (err) {
      rmSync(base, { recursive: true, force: true });
      throw err;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

/** Where the template `key` is built in the run's directory (its lock is this path + `.lock`). */
export function templateDir(key: string): string {
  return join(inject('runDir'), `template-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`);
}

/** Whether the process named in a template lock still runs (a lock without its pid yet is being taken: alive). */
function lockHolderAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    return true;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
