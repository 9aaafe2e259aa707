import { RegistryError, UsageError } from '../errors.js';
import type { Git } from '../git/git.js';
import type { Files } from '../ports.js';
import { METADATA_FILE, assertModelName, manifestPath, versionDir } from '../registry/layout.js';
import { parseManifest } from '../registry/manifest.js';
import { parseMetadata } from '../registry/metadata.js';
import { loadScoringModel } from './predict.js';
import { checkedVersion, openRegisteredModel, type RegisteredModel } from './registered-model.js';
import type { BaselineSource } from './score-baseline.js';

export interface ProductionBaseline extends BaselineSource {
  /** The commit `ref` named, whose production manifest chose the version. */
  commit: string;
  /** Where the version's files are read: the work tree, or the commit (a version the work tree no longer holds). */
  filesFrom: 'work tree' | 'commit';
}

/**
 * The baseline of `vs: production` gates: the version `models/<model>/deployments/production.yaml`
 * names at `ref` (in CI the pull request's base, so a change is judged against what production
 * ran before it). None when the manifest does not exist there, or `ref` is HEAD of a repository
 * without commits. A `ref` that names no commit is a UsageError, not "no baseline": a typo must
 * not silently switch the gates off.
 *
 * Resolved now (manifest and metadata read and checked, so a broken baseline fails before
 * training); the model files are read by `load`, digest-checked, from the work tree's version
 * directory, else from `ref`'s tree.
 */
export async function findProductionBaseline(deps: { git: Git; files: Files }, req: { model: string; ref: string }): Promise<ProductionBaseline | undefined> {
  const model = assertModelName(req.model);
  const commit = await deps.git.tryResolveCommit(req.ref);
  if (commit === undefined) {
    if (req.ref === 'HEAD') return undefined;
    throw new UsageError(`--baseline-ref '${req.ref}' names no commit in this repository`, {
      hint: 'Pass a commit, branch or tag that exists locally (in CI: the pull request\'s base sha, checked out with fetch-depth: 0).',
    });
  }
  const path = manifestPath(model, 'production');
  const text = await deps.git.tryShowFile(commit, path);
  if (text === undefined) return undefined;
  const where = `${path} at ${req.ref}`;
  const manifest = parseManifest(text, where);
  if (manifest.model !== model) throw new RegistryError(`${where}: names model '${manifest.model}', expected '${model}'`, { file: path });
  const version = manifest.version;
  const inTree = (await deps.files.list(versionDir(model, version))).length > 0;
  const registered = inTree ? await openRegisteredModel(deps.files, { model, version }) : await versionAtCommit(deps.git, { model, version, commit, ref: req.ref });
  return {
    version,
    commit,
    filesFrom: inTree ? 'work tree' : 'commit',
    load: () => loadScoringModel(registered.read, registered.dir),
  };
}

/** A version read from a commit's tree, each file checked against the metadata's digests there. */
async function versionAtCommit(git: Git, v: { model: string; version: number; commit: string; ref: string }): Promise<RegisteredModel> {
  const dir = versionDir(v.model, v.version);
  const metaFile = `${dir}/${METADATA_FILE}`;
  const text = await git.tryShowFile(v.commit, metaFile);
  if (text === undefined) {
    throw new RegistryError(`production at ${v.ref} is ${v.model} v${v.version}, but ${dir}/ is neither in the work tree nor at ${v.ref}`, {
      file: metaFile,
      version: v.version,
      hint: 'The manifest names a version that was never registered on that line of history; fix the manifest, or pass another --baseline-ref.',
    });
  }
  const metadata = parseMetadata(text, `${metaFile} at ${v.ref}`);
  if (metadata.model !== v.model || metadata.version !== v.version) {
    throw new RegistryError(`${metaFile} at ${v.ref}: describes ${metadata.model} v${metadata.version}, not ${v.model} v${v.version}`, { file: metaFile, version: v.version });
  }
  return checkedVersion({
    model: v.model,
    version: v.version,
    metadata,
    async readBytes(path) {
      const bytes = await git.tryShowFileBytes(v.commit, path);
      if (bytes === undefined) throw new RegistryError(`${path}: missing at ${v.ref}`, { file: path, version: v.version, hint: 'Run `pipepilot verify` on that commit.' });
      return bytes;
    },
  });
}
