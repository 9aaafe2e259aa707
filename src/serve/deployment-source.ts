import { didYouMean } from '../data/column-suggestion.js';
import { RegistryError } from '../errors.js';
import type { Git } from '../git/git.js';
import { DEPLOYMENTS_DIR, METADATA_FILE, MODELS_DIR, assertEnvName, versionDir } from '../registry/layout.js';
import { parseManifest, type Manifest } from '../registry/manifest.js';
import { parseMetadata } from '../registry/metadata.js';
import { checkedVersion, type RegisteredModel } from '../use-cases/registered-model.js';

/** One model's manifest for the environment, or why it could not be read. */
export interface DeployedModel {
  model: string;
  file: string;
  manifest?: Manifest;
  problem?: string;
}

/** What the environment serves at one revision of the repository. */
export interface DeploymentSnapshot {
  /** The commit read (or another stable label of the revision). */
  revision: string;
  models: DeployedModel[];
  /** When `models` is empty: which environment was looked for and which ones have manifests. */
  nothingDeployed?: string;
  /** A version as of this revision; every artifact is checked against metadata.json's digests as it is read. */
  open(model: string, version: number): Promise<RegisteredModel>;
}

export type LoadDeployment = () => Promise<DeploymentSnapshot>;

export interface GitDeploymentOptions {
  env: string;
  /** The remote to follow; read `HEAD` instead when the current branch has no remote-tracking ref there. */
  remote?: string;
  /**
   * Follow this ref instead, calling `fetch` before each load (the `--repo URL` cache, whose
   * repository has no current branch): set, it replaces the remote-tracking logic above.
   */
  follow?: { ref: string; fetch(): Promise<void>; label: string };
}

/**
 * Deployments read from git, pull-based (like Argo CD): when the current branch has a
 * remote-tracking ref (`refs/remotes/origin/main`), each load fetches it and reads that commit,
 * so a merged deployment PR is picked up without touching the work tree; otherwise each load
 * reads `HEAD` (a local repository, changed by local commits). Never the uncommitted work tree:
 * only committed manifests and versions are served.
 */
export async function gitDeploymentSource(git: Git, opts: GitDeploymentOptions): Promise<{ load: LoadDeployment; follows: string }> {
  const env = assertEnvName(opts.env);
  if (opts.follow) {
    const { ref, fetch, label } = opts.follow;
    return { load: async () => {
      await fetch();
      return readSnapshot(git, await resolved(git, ref), env);
    }, follows: label };
  }
  const remote = opts.remote ?? 'origin';
  const { branch } = await git.status();
  const tracking = branch === undefined ? undefined : `refs/remotes/${remote}/${branch}`;
  const follow = tracking !== undefined && (await git.tryResolveCommit(tracking)) !== undefined ? { branch: branch!, ref: tracking } : undefined;
  const load: LoadDeployment = async () => {
    if (follow) await git.fetch(remote, follow.branch);
    return readSnapshot(git, await resolved(git, follow?.ref ?? 'HEAD'), env);
  };
  return { load, follows: follow ? `${remote}/${follow.branch}` : 'HEAD' };
}

async function resolved(git: Git, ref: string): Promise<string> {
  const revision = await git.tryResolveCommit(ref);
  if (revision === undefined) throw new RegistryError(`${ref} names no commit yet; nothing is deployed`, { file: MODELS_DIR });
  return revision;
}

async function readSnapshot(git: Git, revision: string, env: string): Promise<DeploymentSnapshot> {
  const pattern = new RegExp(`^${MODELS_DIR}/([a-z0-9][a-z0-9_-]{0,63})/${DEPLOYMENTS_DIR}/${env}\\.yaml$`);
  const all = await git.committedFiles(MODELS_DIR, { ref: revision });
  const files = all.filter((f) => pattern.test(f)).sort();
  const models: DeployedModel[] = [];
  for (const file of files) {
    const model = pattern.exec(file)![1];
    const text = await git.tryShowFile(revision, file);
    try {
      const manifest = parseManifest(text ?? '', file);
      if (manifest.model !== model) throw new RegistryError(`${file}: names model '${manifest.model}', expected '${model}'`, { file });
      models.push({ model, file, manifest });
    } catch (err) {
      models.push({ model, file, problem: (err as Error).message });
    }
  }
  const nothingDeployed = models.length === 0 ? noManifestFor(env, all, revision) : undefined;
  return { revision, models, ...(nothingDeployed ? { nothingDeployed } : {}), open: (model, version) => versionAt(git, revision, model, version) };
}

/** "no manifest names environment 'qa' …", with the environments that do have manifests (a typo shows). */
function noManifestFor(env: string, files: readonly string[], revision: string): string {
  const any = new RegExp(`^${MODELS_DIR}/[a-z0-9][a-z0-9_-]{0,63}/${DEPLOYMENTS_DIR}/([a-z0-9][a-z0-9_-]*)\\.yaml$`);
  const envs = [...new Set(files.flatMap((f) => any.exec(f)?.[1] ?? []))].sort();
  const known = envs.length > 0 ? `environments with manifests: ${envs.join(', ')}${didYouMean(env, envs)}` : 'no environment has a manifest yet (promote a version first)';
  return `no manifest names environment '${env}' at ${revision.slice(0, 12)} (no ${MODELS_DIR}/*/${DEPLOYMENTS_DIR}/${env}.yaml); ${known}`;
}

async function versionAt(git: Git, revision: string, model: string, version: number): Promise<RegisteredModel> {
  const metaFile = `${versionDir(model, version)}/${METADATA_FILE}`;
  const text = await git.tryShowFile(revision, metaFile);
  if (text === undefined) {
    throw new RegistryError(`${model} v${version} is not registered at ${revision.slice(0, 12)} (no ${metaFile})`, {
      file: metaFile, version, hint: 'The manifest names a version that was never committed; fix the manifest.',
    });
  }
  const metadata = parseMetadata(text, metaFile);
  if (metadata.model !== model || metadata.version !== version) {
    throw new RegistryError(`${metaFile}: describes ${metadata.model} v${metadata.version}, not ${model} v${version}`, { file: metaFile, version });
  }
  return checkedVersion({
    model, version, metadata,
    async readBytes(path) {
      const bytes = await git.tryShowFileBytes(revision, path);
      if (bytes === undefined) throw new RegistryError(`${path}: missing at ${revision.slice(0, 12)}`, { file: path, version, hint: 'Run `pipepilot verify`.' });
      return bytes;
    },
  });
}
