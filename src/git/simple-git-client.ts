import { mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { simpleGit } from 'simple-git';
import { GitError, type GitFailure } from '../errors.js';
import type { FileCommit, Git } from './git.js';
import { objectBatch, type ObjectBatch } from './object-batch.js';

export interface GitOptions {
  /**
   * Author and committer of every commit made through this client and its temporary work trees
   * (`-c user.name=… -c user.email=…`), whatever the repository's config says. The action commits
   * as github-actions[bot]; simple-git strips ambient GIT_AUTHOR_* variables, so this is the way.
   */
  identity?: { name: string; email: string };
}

/**
 * Opens the repository holding `dir`. Every method ends in `exec`, the one place git runs and
 * its failures become `GitError`s.
 */
export async function createGit(dir: string, options: GitOptions = {}): Promise<Git> {
  const identity = options.identity ? [`user.name=${options.identity.name}`, `user.email=${options.identity.email}`] : [];
  const sg = simpleGit({ baseDir: dir, maxConcurrentProcesses: 4, config: identity });
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
  const execBytes = async (args: string[]): Promise<Uint8Array> => {
    try {
      return new Uint8Array((await sg.binaryCatFile(args)) as Buffer);
    } catch (err) {
      throw toGitError(['cat-file', ...args], err);
    }
  };
  return client(exec, root, gitDir, execBytes, objectBatch(root), options);
}

function client(
  exec: (args: string[]) => Promise<string>,
  root: string,
  gitDir: string,
  execBytes: (catFileArgs: string[]) => Promise<Uint8Array>,
  batch: ObjectBatch,
  options: GitOptions = {},
): Git {
  // Names are resolved and small objects read through the batch process (see object-batch.ts);
  // anything it cannot answer plainly (not a blob, an ambiguous name) takes the one-process path.
  const resolveOid = async (name: string): Promise<string | undefined> => {
    if (name.includes('\n')) return undefined;
    const answer = await batch.read(name);
    return answer.found ? answer.oid : undefined;
  };
  const readBlob = async (ref: string, path: string): Promise<Buffer | 'missing' | 'ask-git'> => {
    const name = `${ref}:${path}`;
    if (name.includes('\n')) return 'ask-git';
    const answer = await batch.read(name);
    if (answer.found) return answer.type === 'blob' ? answer.content : 'ask-git';
    return answer.why === 'missing' ? 'missing' : 'ask-git';
  };
  const headCommit = async (): Promise<string> => {
    const head = await resolveOid('HEAD');
    if (head === undefined) throw new GitError({ command: 'cat-file --batch HEAD', stderr: 'HEAD names no commit after committing', reason: 'other' });
    return head;
  };
  const hasHead = async () => (await resolveOid('HEAD')) !== undefined;
  const lines = (s: string) => s.split('\n').filter((l) => l !== '');
  return {
    root,
    close: () => batch.close(),
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
    async committedFiles(pathspec, options = {}) {
      const walked = await listTreeByBatch(batch, options.ref ?? 'HEAD', pathspec);
      if (walked !== undefined) return walked;
      if (options.ref === undefined && !(await hasHead())) return [];
      return lines(await exec(['ls-tree', '-r', '--name-only', options.ref ?? 'HEAD', '--', pathspec]));
    },
    async logAddedPaths(pathspec) {
      if (!(await hasHead())) return [];
      return lines(await exec(['log', '--format=', '--name-only', '--no-renames', '--diff-filter=A', 'HEAD', '--', pathspec]));
    },
    async commitFiles(paths, message, options = {}) {
      await exec(['add', '-A', '--', ...paths]);
      const author = options.author ? [`--author=${options.author}`] : [];
      await exec(['commit', '-q', '-m', message, ...author, '--', ...paths]);
      return headCommit();
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
      const blob = await readBlob(ref, path);
      if (blob === 'missing') return undefined;
      if (blob !== 'ask-git') return blob.toString('utf8');
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

    // History and baselines.
    async tryShowFileBytes(ref, path) {
      const blob = await readBlob(ref, path);
      if (blob === 'missing') return undefined;
      if (blob !== 'ask-git') return new Uint8Array(blob.buffer, blob.byteOffset, blob.length);
      try {
        return await execBytes(['blob', `${ref}:${path}`]);
      } catch (err) {
        if (err instanceof GitError && MISSING_OBJECT.test(err.stderr)) return undefined;
        throw err;
      }
    },
    // A name given to the batch is never read as an option, whatever it starts with.
    tryResolveCommit: (ref) => resolveOid(`${ref}^{commit}`),
    async logAdditions(pathspec) {
      if (!(await hasHead())) return [];
      const out = await exec(['log', `--format=%x1e${COMMIT_FORMAT}`, '--name-only', '--no-renames', '--diff-filter=A', 'HEAD', '--', pathspec]);
      return out.split('\x1e').filter((r) => r.trim() !== '').map((r) => {
        const [header, ...paths] = r.split('\n');
        return { commit: parseCommit(header), paths: paths.filter((p) => p !== '') };
      });
    },
    async firstParentLog(path, options = {}) {
      if (!(await hasHead())) return [];
      const out = await exec(['log', '--first-parent', `--format=${COMMIT_FORMAT}%x1e`, options.ref ?? 'HEAD', '--', path]);
      return out.split('\x1e').map((r) => r.trim()).filter((r) => r !== '').map(parseCommit);
    },

    // Promote and rollback: commits made in a temporary work tree, then a branch set to them.
    withWorktree: (ref, fn) => withWorktree(exec, ref, fn, options),
    async commitFileText(path, text, message) {
      const target = resolve(root, path);
      const rel = relative(root, target);
      if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) throw new Error(`commitFileText: ${path} is outside the work tree`);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, text);
      return this.commitFiles([path], message);
    },
    async revert(commits, message) {
      try {
        // --no-commit: each revert lands in the index (which need not match HEAD then), then one commit.
        for (const c of commits) await exec(['revert', '--no-commit', ...(c.mainline ? ['-m', String(c.mainline)] : []), c.commit]);
        await exec(['commit', '-q', '-m', message]);
      } catch (err) {
        await exec(['revert', '--abort']).catch(() => undefined);
        throw err;
      }
      return headCommit();
    },
    async setBranch(branch, commit) {
      // check-ref-format first: a name like `-d` must never reach `git branch` as an option.
      await exec(['check-ref-format', `refs/heads/${branch}`]);
      await exec(['branch', '-f', '--no-track', branch, commit]);
    },

    // The GitHub Action.
    async changedPaths(from, to) {
      const out = await exec(['diff', '--name-only', '--no-renames', '--end-of-options', from, to, '--']);
      return lines(out);
    },
    async pushBranchWithLease(remote, branch) {
      await exec(['check-ref-format', `refs/heads/${branch}`]);
      const tracking = `refs/remotes/${remote}/${branch}`;
      // The lease names its expected value explicitly: the remote-tracking ref when we have one,
      // else "must not exist" (an empty value), so a branch we never fetched is never clobbered.
      const expected = (await resolveOid(tracking)) ?? '';
      await exec(['push', '-q', `--force-with-lease=refs/heads/${branch}:${expected}`, remote, `refs/heads/${branch}:refs/heads/${branch}`]);
    },
  };
}

/**
 * A detached work tree in a fresh temp dir (outside the user's tree, so nothing watching it sees
 * it), removed with `git worktree remove --force` and pruned in `finally`; a process killed in
 * between leaves an entry that the next prune clears.
 */
async function withWorktree<T>(exec: (args: string[]) => Promise<string>, ref: string, fn: (worktree: Git) => Promise<T>, options: GitOptions): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'pipepilot-worktree-'));
  let worktree: Git | undefined;
  try {
    await exec(['worktree', 'add', '-q', '--detach', dir, ref]);
    worktree = await createGit(dir, options);
    return await fn(worktree);
  } finally {
    worktree?.close();
    await exec(['worktree', 'remove', '--force', dir]).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    await exec(['worktree', 'prune']).catch(() => undefined);
  }
}

/**
 * `git ls-tree -r --name-only ref -- dir` read through the batch process: the directory's tree,
 * then its subtrees (asked all at once, so git answers them back to back), in tree order as
 * ls-tree prints them. Undefined where ls-tree itself must answer: a pathspec with magic or glob
 * characters, or a name the batch does not find (no such path, ref or commit — ls-tree then says
 * which, or lists a submodule). Names come unquoted, as ls-tree -z would give them.
 */
async function listTreeByBatch(batch: ObjectBatch, ref: string, pathspec: string): Promise<string[] | undefined> {
  const dir = pathspec.replace(/\/+$/, '');
  if (dir === '' || dir.startsWith(':') || /[*?[\]\\\n]/.test(dir) || /\n/.test(ref)) return undefined;
  const top = await batch.read(`${ref}:${dir}`);
  if (!top.found) return undefined;
  if (top.type === 'blob') return [dir];
  if (top.type !== 'tree') return undefined;
  const oidBytes = top.oid.length / 2;
  const walk = async (prefix: string, tree: Buffer): Promise<string[]> => {
    const entries = treeEntries(tree, oidBytes);
    const listed = await Promise.all(
      entries.map(async (e) => {
        const path = `${prefix}/${e.name}`;
        if (e.mode !== '40000') return [path];
        const sub = await batch.read(e.oid);
        if (!sub.found || sub.type !== 'tree') throw new GitError({ command: `cat-file --batch ${e.oid}`, stderr: `tree ${path} is not in the repository`, reason: 'other' });
        return walk(path, sub.content);
      }),
    );
    return listed.flat();
  };
  return walk(dir, top.content);
}

/** A tree object's entries: `<octal mode> <name>\0<binary oid>`, repeated. */
function treeEntries(tree: Buffer, oidBytes: number): { mode: string; name: string; oid: string }[] {
  const entries: { mode: string; name: string; oid: string }[] = [];
  let at = 0;
  while (at < tree.length) {
    const space = tree.indexOf(32, at);
    const nul = tree.indexOf(0, space);
    if (space < 0 || nul < 0 || nul + 1 + oidBytes > tree.length) throw new GitError({ command: 'cat-file --batch', stderr: 'a tree object ends mid-entry', reason: 'other' });
    entries.push({ mode: tree.toString('latin1', at, space), name: tree.toString('utf8', space + 1, nul), oid: tree.toString('hex', nul + 1, nul + 1 + oidBytes) });
    at = nul + 1 + oidBytes;
  }
  return entries;
}

/** One commit per record: fields split by the unit separator (a subject may hold anything else). */
const COMMIT_FORMAT = '%H%x1f%P%x1f%an%x1f%ae%x1f%cI%x1f%s';
const MISSING_OBJECT = /does not exist|exists on disk, but not in|invalid object name|bad revision|unknown revision|not a valid object|Not a valid object name/i;

function parseCommit(record: string): FileCommit {
  const [commit, parents, author, email, committedAt, subject] = record.split('\x1f');
  return { commit, parents: parents ? parents.split(' ') : [], author, email, committedAt, subject };
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
    // `git cat-file` only reads objects and never takes the index lock: our own batch reader
    // (object-batch.ts) lives in this work tree for as long as reads keep coming.
    const argv = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0');
    if (argv[1] === 'cat-file') continue;
    if (await exitedOrZombie(pid)) continue;
    const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => undefined);
    if (cwd === undefined) {
      // Unreadable: either it ended meanwhile (other gits come and go all the time on a busy
      // machine), or we may not read it, and then it could be ours: count it as running.
      if (await exitedOrZombie(pid)) continue;
      return true;
    }
    if (cwd === root || cwd.startsWith(root + sep)) return true;
  }
  return false;
}

/** A process that has ended, or a zombie (exited, not yet reaped), holds nothing; its cwd is unreadable. */
async function exitedOrZombie(pid: string): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (stat === undefined) return true;
  const close = stat.lastIndexOf(')');
  return stat.slice(close + 2, close + 3) === 'Z';
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

/**
 * A lost push race reads differently by transport and git version; all of these mean "fetch and
 * try again". A protected branch is GitHub's GH006 (branch protection), GH013 (rulesets), or
 * another host's "protected branch" message: checked first, since it also says "[remote rejected]".
 */
function classify(stderr: string): GitFailure {
  if (/\bGH006\b|\bGH013\b|protected branch|repository rule violations/i.test(stderr)) return 'protected';
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
