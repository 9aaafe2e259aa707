import { RegistryError, UsageError } from '../errors.js';
import type { Git } from '../git/git.js';
import { METADATA_FILE, MODELS_DIR, modelDir, versionDir } from '../registry/layout.js';
import { parseManifest, type Manifest } from '../registry/manifest.js';
import { parseMetadata, type RegistryMetadata } from '../registry/metadata.js';
import { verifyVersion } from '../registry/verify-version.js';
import { unknownModel } from './verify-registry.js';
import { committedVersions } from './registry-state.js';

/**
 * What promote and rollback share: they read everything from the commit they start from (HEAD),
 * never from the work tree, and write one commit on their branch through a temporary work tree.
 * So what is checked is exactly what is deployed, and the user's branch, index and uncommitted
 * files are never touched.
 */

/** HEAD's commit, the start of the branch; refuses an empty repository and standing on `branch` itself. */
export async function startingPoint(git: Git, branch: string): Promise<string> {
  const status = await git.status();
  if (!status.head) throw new UsageError('this repository has no commits yet', { hint: 'Register a version and commit it first.' });
  if (status.branch === branch) {
    throw new UsageError(`you are on ${branch}, the branch this command rewrites`, {
      hint: 'Switch to the branch the change starts from (e.g. `git switch main`) and run it again.',
    });
  }
  return status.head;
}

/** The manifest at `ref` as text and parsed (undefined when absent; a RegistryError when invalid). */
export async function manifestAt(git: Git, ref: string, path: string): Promise<{ text: string; manifest: Manifest } | undefined> {
  const text = await git.tryShowFile(ref, path);
  return text === undefined ? undefined : { text, manifest: parseManifest(text, path) };
}

export type VersionCheck = { ok: true; metadata: RegistryMetadata } | { ok: false; message: string; hint: string };

/** Paths committed at HEAD under `models/<model>/`; an unknown model is a UsageError listing the known ones. */
export async function committedModelFiles(git: Git, model: string): Promise<string[]> {
  const paths = await git.committedFiles(`${modelDir(model)}/`);
  if (paths.length === 0) {
    const known = new Set((await git.committedFiles(`${MODELS_DIR}/`)).map((p) => p.split('/')[1]));
    throw unknownModel(model, [...known].sort());
  }
  return paths;
}

/**
 * Whether `version` is committed at `head` (HEAD's commit) and every file of it matches its digest
 * there: the bytes the branch deploys. A missing or tampered version is a refusal, not an exception.
 */
export async function checkVersionAt(git: Git, head: string, model: string, version: number): Promise<VersionCheck> {
  const dir = versionDir(model, version);
  const paths = await committedModelFiles(git, model);
  const inVersion = paths.filter((p) => p.startsWith(`${dir}/`));
  if (inVersion.length === 0) {
    const versions = await committedVersions(git, model);
    return { ok: false, message: `${model} has no version ${version} committed (no ${dir}/)`, hint: `Committed versions: ${versions.map((v) => `v${v}`).join(', ') || 'none'}.` };
  }
  const entries = new Map<string, Uint8Array | undefined>();
  for (const p of inVersion) {
    const rest = p.slice(dir.length + 1);
    // A nested path is not a version file: keep its first component as a directory entry so verifyVersion names it.
    if (rest.includes('/')) entries.set(rest.split('/')[0], undefined);
    else entries.set(rest, await git.tryShowFileBytes(head, p));
  }
  const problems = verifyVersion({ model, version, dir, entries });
  if (problems.length > 0) {
    return {
      ok: false,
      message: `${model} v${version} fails verification, refusing to deploy it:\n${problems.map((p) => `  ${p.file}: ${p.message}`).join('\n')}`,
      hint: 'Restore the version from the commit that registered it (git log -- ' + dir + '), then run `pipepilot verify`.',
    };
  }
  return { ok: true, metadata: parseMetadata(new TextDecoder().decode(entries.get(METADATA_FILE)), `${dir}/${METADATA_FILE}`) };
}

export type BranchWrite = { action: 'created' | 'updated'; commit: string } | { action: 'unchanged'; commit: string };

/**
 * Puts one commit on top of `head` on `branch`, made by `change` in a temporary work tree, unless
 * the branch already is exactly that: one commit on `head` whose `path` reads `text` (then a
 * rerun changes nothing). An existing branch is reset, like a pull request branch rebuilt from
 * its base: commits added to it by hand are dropped (they stay in the reflog and on the remote).
 */
export async function commitOnBranch(
  git: Git,
  w: { head: string; branch: string; path: string; text: string; change: (worktree: Git) => Promise<string> },
): Promise<BranchWrite> {
  const tip = await git.tryResolveCommit(`refs/heads/${w.branch}`);
  if (tip !== undefined && (await git.tryResolveCommit(`${tip}^`)) === w.head && (await git.tryShowFile(tip, w.path)) === w.text) {
    return { action: 'unchanged', commit: tip };
  }
  const commit = await git.withWorktree(w.head, async (worktree) => {
    const made = await w.change(worktree);
    const written = await worktree.tryShowFile(made, w.path);
    if (written !== w.text) {
      throw new RegistryError(`${w.path}: the commit made on ${w.branch} does not hold the planned manifest`, {
        file: w.path,
        hint: 'This is unexpected; nothing was changed. Make the change by hand (docs/registry.md, "by hand with plain git").',
      });
    }
    return made;
  });
  await git.setBranch(w.branch, commit);
  return { action: tip === undefined ? 'created' : 'updated', commit };
}
