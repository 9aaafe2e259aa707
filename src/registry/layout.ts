import { UsageError } from '../errors.js';

/**
 * Where things live in the git-native registry:
 *
 *   models/<name>/v<N>/{metadata.json, model.json, weights.bin, preprocessor.json, card.md}
 *   models/<name>/deployments/<env>.yaml
 *
 * Pure path arithmetic; every path is relative to the repository root and uses '/'.
 */
export const MODELS_DIR = 'models';
export const DEPLOYMENTS_DIR = 'deployments';
export const METADATA_FILE = 'metadata.json';
/** The files whose digests metadata.json records, in the order they are written. */
export const ARTIFACT_FILES = ['model.json', 'weights.bin', 'preprocessor.json', 'card.md'] as const;
export type ArtifactFile = (typeof ARTIFACT_FILES)[number];
/** Staging directories start with this; they are never committed and an interrupted one is removed. */
export const TEMP_PREFIX = '.tmp-';

// The pipeline schema's rule for `name`, so every pipeline's model has a registry folder.
const MODEL_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const ENV_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;
// v1, v2, … v10: no leading zeros, so one version has one directory name.
const VERSION_DIR = /^v([1-9][0-9]{0,8})$/;

/** Throws a UsageError unless `name` is a model name (which also keeps `..` and `/` out of paths). */
export function assertModelName(name: string): string {
  if (!MODEL_NAME.test(name)) {
    throw new UsageError(`'${name}' is not a model name`, {
      hint: 'Model names are lowercase letters, digits, - and _, starting with a letter or digit (the pipeline `name`).',
    });
  }
  return name;
}

export function assertEnvName(env: string): string {
  if (!ENV_NAME.test(env)) {
    throw new UsageError(`'${env}' is not an environment name`, { hint: 'Use lowercase letters, digits, - and _, e.g. production.' });
  }
  return env;
}

export function modelDir(name: string): string {
  return `${MODELS_DIR}/${assertModelName(name)}`;
}

export function versionDir(name: string, version: number): string {
  return `${modelDir(name)}/v${version}`;
}

export function manifestPath(name: string, env: string): string {
  return `${modelDir(name)}/${DEPLOYMENTS_DIR}/${assertEnvName(env)}.yaml`;
}

/** The version a directory name stands for (`v12` → 12), or undefined for anything else. */
export function parseVersionDir(entry: string): number | undefined {
  const m = VERSION_DIR.exec(entry);
  return m ? Number(m[1]) : undefined;
}

/** Versions named by repository paths such as `models/churn/v4/metadata.json` (others ignored). */
export function versionsInPaths(name: string, paths: Iterable<string>): Set<number> {
  const prefix = `${modelDir(name)}/`;
  const out = new Set<number>();
  for (const p of paths) {
    if (!p.startsWith(prefix)) continue;
    const v = parseVersionDir(p.slice(prefix.length).split('/')[0]);
    if (v !== undefined) out.add(v);
  }
  return out;
}

/**
 * The next version: one more than the highest ever used. `everUsed` must include versions seen
 * in history, not just the tree, so a version deleted by a revert is never handed out again.
 */
export function nextVersion(everUsed: Iterable<number>): number {
  let max = 0;
  for (const v of everUsed) if (v > max) max = v;
  return max + 1;
}
