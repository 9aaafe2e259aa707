import { RegistryError } from '../errors.js';
import type { Files } from '../ports.js';
import { digestOf } from '../registry/digest.js';
import { ARTIFACT_FILES, METADATA_FILE, MODELS_DIR, assertModelName, manifestPath, modelDir, versionDir } from '../registry/layout.js';
import { parseManifest } from '../registry/manifest.js';
import { parseMetadata, type RegistryMetadata } from '../registry/metadata.js';
import { unknownModel } from './verify-registry.js';

export interface RegisteredModel {
  model: string;
  version: number;
  dir: string;
  metadata: RegistryMetadata;
  /** Reads one artifact file of the version, refusing it (RegistryError) unless its digest matches metadata.json. */
  read(name: string): Promise<Uint8Array>;
}

/**
 * Opens a registered version for a loader (predict, the server): by number, or by what an
 * environment's manifest names (its main version, not the canary). Every byte handed out has
 * been checked against its digest, so a tampered file is never scored.
 */
export async function openRegisteredModel(files: Files, ref: { model: string; version?: number; env?: string }): Promise<RegisteredModel> {
  const model = assertModelName(ref.model);
  if ((await files.list(modelDir(model))).length === 0) {
    throw unknownModel(model, (await files.list(MODELS_DIR)).filter((e) => e.isDirectory).map((e) => e.name));
  }
  const version = ref.version ?? (await deployedVersion(files, model, ref.env ?? 'production'));
  const dir = versionDir(model, version);
  const metaFile = `${dir}/${METADATA_FILE}`;
  const text = await files.readText(metaFile).catch((err: unknown) => {
    throw new RegistryError(`${model} has no version ${version} (${dir}/ not found)`, { version, file: metaFile, hint: 'List the versions in models/<name>/, or use --env to follow a manifest.', cause: err });
  });
  return checkedVersion({ model, version, metadata: parseMetadata(text, metaFile), readBytes: (path) => files.readBytes(path) });
}

/**
 * A version whose metadata is already read, with a `read` that checks each artifact's bytes
 * (fetched by repository path through `readBytes`, from the work tree or from a commit)
 * against the digest in that metadata.
 */
export function checkedVersion(v: { model: string; version: number; metadata: RegistryMetadata; readBytes: (path: string) => Promise<Uint8Array> }): RegisteredModel {
  const { model, version, metadata } = v;
  const dir = versionDir(model, version);
  return {
    model,
    version,
    dir,
    metadata,
    async read(name) {
      if (!(ARTIFACT_FILES as readonly string[]).includes(name)) throw new RegistryError(`${dir}/${name}: not an artifact of a version`, { file: `${dir}/${name}`, version });
      const bytes = await v.readBytes(`${dir}/${name}`);
      const expected = metadata.files[name as (typeof ARTIFACT_FILES)[number]];
      const actual = digestOf(bytes);
      if (actual !== expected) {
        throw new RegistryError(`${dir}/${name}: digest ${actual} does not match metadata.json (${expected}); refusing to load ${model} v${version}`, {
          file: `${dir}/${name}`,
          version,
          digest: { expected, actual },
          hint: 'The file changed after it was registered. Restore it from git (`git checkout -- <file>`), then run `pipepilot verify`.',
        });
      }
      return bytes;
    },
  };
}

async function deployedVersion(files: Files, model: string, env: string): Promise<number> {
  const file = manifestPath(model, env);
  const text = await files.readText(file).catch((err: unknown) => {
    throw new RegistryError(`${model} is not deployed to ${env}: no ${file}`, { file, hint: 'Pass --version N, or promote a version to this environment first.', cause: err });
  });
  const manifest = parseManifest(text, file);
  if (manifest.model !== model) throw new RegistryError(`${file}: names model '${manifest.model}', expected '${model}'`, { file });
  return manifest.version;
}
