import { RegistryError, UsageError } from '../errors.js';
import type { Files } from '../ports.js';
import { METADATA_FILE, MODELS_DIR, assertModelName, manifestPath, modelDir, parseVersionDir, versionDir } from '../registry/layout.js';
import { parseManifest } from '../registry/manifest.js';
import { parseMetadata } from '../registry/metadata.js';
import { diffVersions, type VersionDiff } from '../registry/version-diff.js';
import { unknownModel } from './verify-registry.js';

export interface DiffRequest {
  model: string;
  /** `3`, `v3`, or an environment name (`production`) resolving through its manifest. */
  from: string;
  to: string;
}

/**
 * What changed between two registered versions, read from the work tree's metadata. Unknown
 * versions are reported together, each named, with the versions that exist.
 */
export async function diffRegisteredVersions(deps: { files: Files }, req: DiffRequest): Promise<VersionDiff> {
  const model = assertModelName(req.model);
  const entries = await deps.files.list(modelDir(model));
  if (entries.length === 0) throw unknownModel(model, (await deps.files.list(MODELS_DIR)).filter((e) => e.isDirectory).map((e) => e.name));
  const existing = entries.filter((e) => e.isDirectory).map((e) => parseVersionDir(e.name)).filter((v): v is number => v !== undefined).sort((a, b) => a - b);
  const from = await resolveVersionRef(deps.files, model, req.from);
  const to = await resolveVersionRef(deps.files, model, req.to);
  const unknown = [...new Set([from.version, to.version])].filter((v) => !existing.includes(v));
  if (unknown.length > 0) {
    const named = [from, to].filter((r) => unknown.includes(r.version)).map((r) => (r.env ? `v${r.version} (named by ${r.env}'s manifest)` : `v${r.version}`));
    throw new UsageError(`${model} has no version ${[...new Set(named)].join(', ')}`, {
      hint: existing.length > 0 ? `Registered versions: ${describeVersions(existing)}.` : 'Nothing is registered for this model yet.',
    });
  }
  const read = async (v: number) => {
    const file = `${versionDir(model, v)}/${METADATA_FILE}`;
    return parseMetadata(await deps.files.readText(file), file);
  };
  return diffVersions(await read(from.version), await read(to.version), { from: from.env, to: to.env });
}

/** `3` or `v3` is a version; anything else an environment whose manifest names one. */
async function resolveVersionRef(files: Files, model: string, ref: string): Promise<{ version: number; env?: string }> {
  const m = /^v?([1-9][0-9]{0,8})$/.exec(ref);
  if (m) return { version: Number(m[1]) };
  if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(ref)) {
    throw new UsageError(`'${ref}' is neither a version nor an environment`, { hint: 'Name a version as 3 or v3, or an environment such as production.' });
  }
  const file = manifestPath(model, ref);
  const text = await files.readText(file).catch(() => undefined);
  if (text === undefined) {
    const envs = (await files.list(`${modelDir(model)}/deployments`)).filter((e) => e.name.endsWith('.yaml')).map((e) => e.name.slice(0, -5));
    throw new UsageError(`'${ref}' is not a version of ${model}, and ${model} is not deployed to an environment '${ref}' (no ${file})`, {
      hint: `Name a version as 3 or v3${envs.length > 0 ? `, or one of the environments: ${envs.join(', ')}` : ''}.`,
    });
  }
  const manifest = parseManifest(text, file);
  if (manifest.model !== model) throw new RegistryError(`${file}: names model '${manifest.model}', expected '${model}'`, { file });
  return { version: manifest.version, env: ref };
}

/** `v1–v3, v5`: ranges keep the hint short on a model with a thousand versions. */
function describeVersions(versions: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < versions.length; i++) {
    let j = i;
    while (j + 1 < versions.length && versions[j + 1] === versions[j] + 1) j++;
    parts.push(j === i ? `v${versions[i]}` : `v${versions[i]}–v${versions[j]}`);
    i = j;
  }
  return parts.join(', ');
}
