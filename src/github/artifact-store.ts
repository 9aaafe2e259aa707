import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArtifactClient } from '@actions/artifact';
import { ModelFileError, PipePilotError } from '../errors.js';
import type { GitHub } from './github.js';

/**
 * Where run bundles (metrics.json, report.md, model/) are kept between runs, by content key: the
 * pull request's run stores its bundle, the push run after the merge fetches it instead of
 * training again. Content-addressed, so storing a key that is already there changes nothing.
 */
export interface RunBundleStore {
  upload(key: string, dir: string): Promise<{ action: 'uploaded' | 'unchanged'; name: string }>;
  /** Copies the bundle stored under `key` into `dir`; false when there is none. */
  tryDownload(key: string, dir: string): Promise<boolean>;
}

const SAFE = /^[A-Za-z0-9._-]+$/;
const MAX_KEY_CHARS = 100;

/**
 * `key` as a file and artifact name: kept as is when it is already plain (a sha256 hex key is),
 * else its unsafe characters become `-` and a hash of the original is appended, so two different
 * keys never share a name. Artifact names may not hold " : < > | * ? \ / or line breaks.
 */
export function safeBundleKey(key: string): string {
  if (key.length === 0) throw new PipePilotError('a run bundle key is empty', { hint: 'This is a bug in PipePilot; please report it.' });
  if (SAFE.test(key) && key.length <= MAX_KEY_CHARS && !/^\.+$/.test(key)) return key;
  const readable = key.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '').slice(0, MAX_KEY_CHARS - 13);
  const digest = createHash('sha256').update(key).digest('hex').slice(0, 12);
  return readable ? `${readable}-${digest}` : digest;
}

/** The artifact a bundle is uploaded as: `pipepilot-bundle-<key>`. */
export function bundleArtifactName(key: string): string {
  return `pipepilot-bundle-${safeBundleKey(key)}`;
}

/** The two calls of @actions/artifact's client we make (its default export satisfies it). */
export type BundleArtifactClient = Pick<ArtifactClient, 'uploadArtifact' | 'downloadArtifact'>;

/**
 * Bundles as GitHub Actions artifacts. The client comes in (the action passes @actions/artifact's
 * default export), so the CLI never loads it. A bundle is looked up repository-wide by name
 * through the REST API, whichever run uploaded it, then downloaded from that run (`findBy`).
 *
 * Tested: names and the wiring (what is passed to the client), with a recording client and the
 * REST stand-in. Not tested here: the client's own upload and download, which need the Actions
 * runtime (ACTIONS_RUNTIME_TOKEN and the results service); the example workflow in CI covers them.
 */
export function createActionsBundleStore(deps: {
  client: BundleArtifactClient;
  github: Pick<GitHub, 'tryFindArtifact'>;
  /** A token with `actions: read`, for downloads from another run. */
  token: string;
  owner: string;
  repo: string;
  retentionDays?: number;
}): RunBundleStore {
  return {
    async upload(key, dir) {
      const name = bundleArtifactName(key);
      if ((await deps.github.tryFindArtifact(name)) !== undefined) return { action: 'unchanged', name };
      const files = await bundleFiles(dir);
      try {
        await deps.client.uploadArtifact(name, files, dir, { retentionDays: deps.retentionDays });
      } catch (err) {
        throw new PipePilotError(`uploading run bundle '${name}' failed: ${(err as Error).message}`, {
          hint: 'Artifacts can be uploaded only inside a GitHub Actions job; locally the bundle stays in .pipepilot/bundles/.',
          cause: err,
        });
      }
      return { action: 'uploaded', name };
    },
    async tryDownload(key, dir) {
      const found = await deps.github.tryFindArtifact(bundleArtifactName(key));
      if (found === undefined) return false;
      await deps.client.downloadArtifact(found.id, {
        path: dir,
        findBy: { token: deps.token, workflowRunId: found.workflowRunId, repositoryOwner: deps.owner, repositoryName: deps.repo },
      });
      return true;
    },
  };
}

/** Absolute paths of every file under `dir`, sorted; a missing or empty bundle is refused. */
export async function bundleFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (err) {
    throw new ModelFileError(`run bundle directory ${dir} cannot be read`, { file: dir, cause: err, hint: 'Run the pipeline first (pipepilot run).' });
  }
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
  if (files.length === 0) throw new ModelFileError(`run bundle directory ${dir} holds no files`, { file: dir, hint: 'Run the pipeline first (pipepilot run).' });
  return files;
}
