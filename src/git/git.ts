/**
 * Every git operation PipePilot needs, in our words. One implementation (`createGit`, over
 * simple-git); use cases take a `Git` as an argument, so tests hand them a real repository in a
 * temp dir. Failures are `GitError`s whose `reason` says whether a retry can help.
 *
 * Kept small on purpose (actions/checkout's 40-method interface is the cautionary tale): history,
 * promote and rollback added binary reads, first-parent logs, a temporary work tree, `revert`
 * and branch moves, nothing else.
 */
export interface Git {
  /** Absolute path of the work tree's top level. */
  readonly root: string;
  /** Ends the git process that reads go through; it also ends by itself when idle. Reads after it start another. */
  close(): void;
  /** HEAD's commit (undefined in a repository without commits), its branch (undefined when detached), and whether tracked files differ from it. */
  status(): Promise<{ head?: string; branch?: string; dirty: boolean }>;
  /** The git blob sha of a work-tree file (what `git hash-object` says), whether committed or not. */
  blobSha(path: string): Promise<string>;
  /** Paths of files in HEAD's tree (or `options.ref`'s, e.g. for the server following origin) under `pathspec` (none before the first commit). */
  committedFiles(pathspec: string, options?: { ref?: string }): Promise<string[]>;
  /** Every path ever added in HEAD's history that matches `pathspec` (a git pathspec, globs allowed), even if deleted since. */
  logAddedPaths(pathspec: string): Promise<string[]>;
  /** Stages exactly `paths` (additions and deletions) and commits only them; returns the new commit. */
  commitFiles(paths: string[], message: string, options?: { author?: string }): Promise<string>;
  /** Removes `paths` from the index where they are staged but not committed (after a crash between add and commit). */
  unstage(paths: string[]): Promise<void>;
  fetch(remote: string, branch: string): Promise<void>;
  /** Pushes HEAD to `remote`'s `branch`; a lost race throws `GitError` with reason 'non-fast-forward'. */
  push(remote: string, branch: string): Promise<void>;
  /** `git reset --keep ref`: moves the branch, refusing (rather than losing) local changes to the files it would touch. */
  resetKeep(ref: string): Promise<void>;
  /** Replays local commits on top of `upstream` (a fast-forward when there are none). */
  rebase(upstream: string): Promise<void>;
  /**
   * Removes `.git/index.lock` left by a killed git, only when it is older than `olderThanMs` and no
   * git process is running in this work tree. Returns whether it removed one.
   */
  tryClearStaleLock(olderThanMs: number): Promise<boolean>;
  /** A file's text at `ref` (a commit, branch or `HEAD`), or undefined when it does not exist there. */
  tryShowFile(ref: string, path: string): Promise<string | undefined>;
  /** Commits reachable from `ref` (default HEAD) that changed `path`, newest first, following merges' first parents too. */
  fileLog(path: string, options?: { ref?: string }): Promise<FileCommit[]>;

  // History and baselines (the `history`, `diff` and `--baseline-ref` issue).
  /** A file's exact bytes at `ref` (binary-safe, e.g. weights.bin), or undefined when it does not exist there. */
  tryShowFileBytes(ref: string, path: string): Promise<Uint8Array | undefined>;
  /** The commit `ref` names (a sha, branch, tag or `HEAD~2`), or undefined when it names none. */
  tryResolveCommit(ref: string): Promise<string | undefined>;
  /**
   * The commits reachable from HEAD that added files matching `pathspec` (globs allowed), newest
   * first, each with the paths it added: who registered every version, in one `git log`.
   */
  logAdditions(pathspec: string): Promise<{ commit: FileCommit; paths: string[] }[]>;
  /** Like `fileLog`, but only the first-parent line of `ref`: a merged change counts when it was merged, not when it was written. */
  firstParentLog(path: string, options?: { ref?: string }): Promise<FileCommit[]>;

  // Promote and rollback: a change is made in a temporary work tree, then a branch is set to it.
  /**
   * Runs `fn` in a temporary detached work tree at `ref` (`git worktree add`), removed afterwards
   * whatever happens. The caller's work tree, index and branch are never touched, so uncommitted
   * work is safe; commits made there are reachable only once a branch is set to them.
   */
  withWorktree<T>(ref: string, fn: (worktree: Git) => Promise<T>): Promise<T>;
  /** Writes `text` to `path` (relative to the root) and commits only that file; returns the new commit. */
  commitFileText(path: string, text: string, message: string): Promise<string>;
  /**
   * `git revert` of each commit in order (newest first), as one commit with `message`; a merge
   * is reverted relative to parent `mainline` (1 = the branch it was merged into). A conflict
   * aborts the revert (HEAD as before) and throws. Returns the new commit.
   */
  revert(commits: { commit: string; mainline?: number }[], message: string): Promise<string>;
  /** Creates the local branch at `commit`, or moves it there (`git branch -f`); git refuses while it is checked out in some work tree. */
  setBranch(branch: string, commit: string): Promise<void>;

  // The GitHub Action (issue 5): which files a push changed, and publishing a deploy branch.
  /** Paths that differ between two commits (`git diff --name-only from to`), renames as both paths. */
  changedPaths(from: string, to: string): Promise<string[]>;
  /**
   * Pushes the local `branch` to `remote`'s branch of the same name with `--force-with-lease`: the
   * remote branch is overwritten only if it is where we last fetched it (or absent, if we never
   * saw it), so a concurrent change by someone else is refused (reason 'non-fast-forward').
   */
  pushBranchWithLease(remote: string, branch: string): Promise<void>;
}

export interface FileCommit {
  commit: string;
  parents: string[];
  author: string;
  email: string;
  /** Commit time, ISO 8601 with offset (`%cI`). */
  committedAt: string;
  subject: string;
}
