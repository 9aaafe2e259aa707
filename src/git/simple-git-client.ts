import { readdir, readFile, readlink, stat, unlink } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { simpleGit } from 'simple-git';
import { GitError, type GitFailure } from '../errors.js';
import type { Git } from './git.js';

/**
 * Opens the repository holding `dir`. Every method ends in `exec`, the one place git runs and
 * its failures become `GitError`s.
 */
export async function createGit(dir: string): Promise<Git> {
  const sg = simpleGit({ baseDir: dir, maxConcurrentProcesses: 4 });
  const exec = async (args: string[]): Promise<string> => {
    try {
      return await sg.raw(args);
    } catch (err) {
      throw toGitError(args, err);
    }
  };
  let root: string;
  let gitDir: string;
  try {
    [root, gitDir] = (await exec(['rev-parse', '--show-toplevel', '--absolute-git-dir'])).trim().split('\n');
  } catch (err) {
    throw new GitError({
      command: 'rev-parse --show-toplevel',
      stderr: (err as GitError).stderr ?? String(err),
      reason: 'other',
      hint: `Run pipepilot inside a git repository (${dir} is not in one); the registry lives in its models/ folder.`,
      cause: err,
    });
  }
  return client(exec, root, gitDir);
}

function client(exec: (args: string[]) => Promise<string>, root: string, gitDir: string): Git {
  const hasHead = async () => (await exec(['rev-parse', '--verify', '-q', 'HEAD']).catch(() => '')).trim() !== '';
  const lines = (s: string) => s.split('\n').filter((l) => l !== '');
  return {
    root,
    async status() {
      const out = await exec(['status', '--porcelain=v2', '--branch', '--untracked-files=no']);
      let head: string | undefined;
      let branch: string | undefined;
      let dirty = false;
      for (const line of lines(out)) {
        if (line.startsWith('# branch.oid ')) head = line.slice(13) === '(initial)' ? undefined : line.slice(13);
        else if (line.startsWith('# branch.head ')) branch = line.slice(14) === '(detached)' ? undefined : line.slice(14);
        else if (!line.startsWith('#')) dirty = true;
      }
      return { head, branch, dirty };
    },
    blobSha: async (path) => (await exec(['hash-object', '--', path])).trim(),
    async committedFiles(pathspec) {
      if (!(await hasHead())) return [];
      return lines(await exec(['ls-tree', '-r', '--name-only', 'HEAD', '--', pathspec]));
    },
    async logAddedPaths(pathspec) {
      if (!(await hasHead())) return [];
      return lines(await exec(['log', '--format=', '--name-only', '--no-renames', '--diff-filter=A', 'HEAD', '--', pathspec]));
    },
    async commitFiles(paths, message, options = {}) {
      await exec(['add', '-A', '--', ...paths]);
      const author = options.author ? [`--author=${options.author}`] : [];
      await exec(['commit', '-q', '-m', message, ...author, '--', ...paths]);
      return (await exec(['rev-parse', 'HEAD'])).trim();
    },
    async unstage(paths) {
      if (paths.length > 0) await exec(['rm', '-r', '-q', '--cached', '--ignore-unmatch', '--', ...paths]);
    },
    async fetch(remote, branch) {
      await exec(['fetch', '-q', remote, `+refs/heads/${branch}:refs/remotes/${remote}/${branch}`]);
    },
    async push(remote, branch) {
      await exec(['push', '-q', remote, `HEAD:refs/heads/${branch}`]);
    },
    async resetKeep(ref) {
      await exec(['reset', '-q', '--keep', ref]);
    },
    async rebase(upstream) {
      try {
        await exec(['rebase', '-q', '--autostash', upstream]);
      } catch (err) {
        await exec(['rebase', '--abort']).catch(() => undefined);
        throw err;
      }
    },
    tryClearStaleLock: (olderThanMs) => clearStaleLock(root, join(gitDir, 'index.lock'), olderThanMs),
    async tryShowFile(ref, path) {
      try {
        return await exec(['show', `${ref}:${path}`]);
      } catch (err) {
        if (err instanceof GitError && /does not exist|exists on disk, but not in|invalid object name|bad revision|unknown revision/i.test(err.stderr)) {
          return undefined;
        }
        throw err;
      }
    },
    async fileLog(path, options = {}) {
      if (!(await hasHead())) return [];
      // Unit separator between fields, record separator between commits: subjects may hold anything else.
      const out = await exec(['log', '--format=%H%x1f%P%x1f%an%x1f%ae%x1f%cI%x1f%s%x1e', options.ref ?? 'HEAD', '--', path]);
      return out
        .split('\x1e')
        .map((r) => r.trim())
        .filter((r) => r !== '')
        .map((r) => {
          const [commit, parents, author, email, committedAt, subject] = r.split('\x1f');
          return { commit, parents: parents ? parents.split(' ') : [], author, email, committedAt, subject };
        });
    },
  };
}

async function clearStaleLock(root: string, lock: string, olderThanMs: number): Promise<boolean> {
  const info = await stat(lock).catch(() => undefined);
  if (!info || Date.now() - info.mtimeMs < olderThanMs) return false;
  const running = await gitRunningIn(root);
  // Without /proc we cannot see processes: then only a lock older than ten minutes counts as stale.
  if (running === true || (running === undefined && Date.now() - info.mtimeMs < 600_000)) return false;
  await unlink(lock).catch(() => undefined);
  return true;
}

/** Whether a `git` process has its working directory inside `root` (Linux /proc); undefined when unknowable. */
async function gitRunningIn(root: string): Promise<boolean | undefined> {
  const pids = await readdir('/proc').catch(() => undefined);
  if (!pids) return undefined;
  for (const pid of pids.filter((p) => /^\d+$/.test(p))) {
    const comm = (await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '')).trim();
    if (comm !== 'git') continue;
    const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => undefined);
    // A git whose cwd we may not read could be ours: count it as running.
    if (cwd === undefined || cwd === root || cwd.startsWith(root + sep)) return true;
  }
  return false;
}

function toGitError(args: string[], err: unknown): GitError {
  const stderr = redact(err instanceof Error ? err.message : String(err));
  // No `cause`: simple-git's error holds the raw command line, which may carry a token.
  const reason = classify(stderr);
  const hint =
    reason === 'locked'
      ? 'Another git process is using this repository. If none is running, a crashed one left .git/index.lock: remove it and try again.'
      : undefined;
  return new GitError({ command: redact(args.join(' ')), stderr, reason, hint });
}

/** A lost push race reads differently by transport and git version; all of these mean "fetch and try again". */
function classify(stderr: string): GitFailure {
  if (/non-fast-forward|\[rejected\]|fetch first|cannot lock ref|incorrect old value|failed to update ref|\[remote rejected\].*(lock|stale info)/i.test(stderr)) {
    return 'non-fast-forward';
  }
  if (/index\.lock|Unable to create '.*\.lock'|Another git process seems to be running/i.test(stderr)) return 'locked';
  return 'other';
}

/** Credentials in remote URLs (`https://x-access-token:…@github.com`) never reach a message. */
export function redact(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, '$1***@');
}
