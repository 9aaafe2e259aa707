import { GitError } from '../errors.js';
import type { Git } from '../git/git.js';
import type { Files, Logger } from '../ports.js';
import { METADATA_FILE, TEMP_PREFIX, modelDir, nextVersion, parseVersionDir, versionDir, versionsInPaths } from '../registry/layout.js';
import { parseMetadata } from '../registry/metadata.js';
import { retry } from '../retry.js';

/** A lock younger than this may belong to a git that is just starting; older and with no git running, it is a crash's. */
export const STALE_LOCK_MS = 2_000;
const STALE_LOCK_REMOVED = 'removed a stale .git/index.lock left by an interrupted git';

/**
 * Runs a git operation that takes `.git/index.lock`, retrying while the lock is held: ~3 s in
 * all, long enough for a lock left by a killed git to become stale (STALE_LOCK_MS), which is
 * then cleared between tries if no git is running. A lock a live git keeps fresh is reported.
 */
export function retryWhileLocked<T>(deps: { git: Git; log: Logger; sleep: (ms: number) => Promise<void> }, op: () => Promise<T>): Promise<T> {
  return retry(op, {
    attempts: 5,
    isRetryable: (err) => err instanceof GitError && err.reason === 'locked',
    sleep: async (ms) => {
      await deps.sleep(ms);
      if (await deps.git.tryClearStaleLock(STALE_LOCK_MS)) deps.log.warn(STALE_LOCK_REMOVED);
    },
    delayMs: (attempt) => 200 * 2 ** (attempt - 1),
  });
}

/** The versions of `name` committed at HEAD (the registered ones), ascending. */
export async function committedVersions(git: Git, name: string): Promise<number[]> {
  const paths = await git.committedFiles(`${modelDir(name)}/`);
  return [...versionsInPaths(name, paths.filter((p) => p.endsWith(`/${METADATA_FILE}`)))].sort((a, b) => a - b);
}

/**
 * The next free version: one more than the highest ever added in history (so a version removed
 * by a revert is never handed out again) or present at HEAD (covers a shallow history).
 */
export async function allocateVersion(git: Git, name: string): Promise<number> {
  const added = await git.logAddedPaths(`:(glob)${modelDir(name)}/v*/${METADATA_FILE}`);
  return nextVersion([...versionsInPaths(name, added), ...(await committedVersions(git, name))]);
}

/**
 * The committed version whose metadata has this content key, if any. A substring test first,
 * so a registry of a thousand versions is a thousand reads, not a thousand JSON parses.
 */
export async function findByContentKey(deps: { git: Git; files: Files }, name: string, contentKey: string): Promise<number | undefined> {
  const versions = (await committedVersions(deps.git, name)).reverse();
  // Newest first, in batches read concurrently: a re-run usually matches the latest version.
  for (let i = 0; i < versions.length; i += READ_BATCH) {
    const batch = versions.slice(i, i + READ_BATCH);
    const texts = await Promise.all(batch.map((v) => deps.files.readText(`${versionDir(name, v)}/${METADATA_FILE}`).catch(() => '')));
    for (const [j, text] of texts.entries()) {
      const file = `${versionDir(name, batch[j])}/${METADATA_FILE}`;
      if (text.includes(contentKey) && parseMetadata(text, file).content_key === contentKey) return batch[j];
    }
  }
  return undefined;
}

const READ_BATCH = 64;

/**
 * Clears what an interrupted `register` can leave, so the next one succeeds: staging
 * directories, version directories that were never committed (complete or not: a version exists
 * only once committed, and only `register` writes them), their index entries, and a stale
 * `index.lock`. Committed versions are never touched.
 */
export async function removeLeftovers(deps: { git: Git; files: Files; log: Logger; sleep: (ms: number) => Promise<void> }, name: string): Promise<void> {
  if (await deps.git.tryClearStaleLock(STALE_LOCK_MS)) deps.log.warn(STALE_LOCK_REMOVED);
  const dir = modelDir(name);
  const entries = await deps.files.list(dir);
  if (entries.length === 0) return;
  const committed = new Set(await committedVersions(deps.git, name));
  const stale: string[] = [];
  for (const e of entries) {
    const version = parseVersionDir(e.name);
    if (e.name.startsWith(TEMP_PREFIX) || (version !== undefined && !committed.has(version))) stale.push(`${dir}/${e.name}`);
  }
  for (const path of stale) {
    deps.log.warn(`removing ${path}: left by an interrupted register, never committed`);
    await deps.files.remove(path);
  }
  // Right after a crash mid-commit the killed git's lock is still fresh: wait for it as the commit does.
  const staged = stale.filter((p) => !p.split('/').at(-1)!.startsWith(TEMP_PREFIX));
  await retryWhileLocked(deps, () => deps.git.unstage(staged));
}
