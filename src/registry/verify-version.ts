import { digestOf } from './digest.js';
import { ARTIFACT_FILES, METADATA_FILE } from './layout.js';
import { parseMetadata } from './metadata.js';

/** One thing wrong in the registry, named by its file. */
export interface RegistryProblem {
  file: string;
  message: string;
}

export interface VersionContents {
  model: string;
  version: number;
  /** `models/<name>/v<N>`. */
  dir: string;
  /** Every entry in the directory, by name; undefined bytes for a sub-directory. */
  entries: Map<string, Uint8Array | undefined>;
}

/**
 * What is wrong with one version directory: metadata missing or invalid or naming another
 * version, a digest that does not match the file's bytes, a file missing, or a file no digest
 * covers. An empty list means every byte is what `register` wrote.
 */
export function verifyVersion(v: VersionContents): RegistryProblem[] {
  const at = (name: string) => `${v.dir}/${name}`;
  const metaBytes = v.entries.get(METADATA_FILE);
  if (!metaBytes) return [{ file: at(METADATA_FILE), message: 'missing: a version without metadata cannot be verified' }];
  let meta;
  try {
    meta = parseMetadata(new TextDecoder().decode(metaBytes), at(METADATA_FILE));
  } catch (err) {
    return [{ file: at(METADATA_FILE), message: (err as Error).message.replace(`${at(METADATA_FILE)}: `, '') }];
  }
  const problems: RegistryProblem[] = [];
  if (meta.model !== v.model || meta.version !== v.version) {
    problems.push({ file: at(METADATA_FILE), message: `describes ${meta.model} v${meta.version}, not ${v.model} v${v.version}` });
  }
  for (const name of ARTIFACT_FILES) {
    const bytes = v.entries.get(name);
    if (!bytes) {
      problems.push({ file: at(name), message: 'missing' });
      continue;
    }
    const actual = digestOf(bytes);
    if (actual !== meta.files[name]) problems.push({ file: at(name), message: `digest ${actual} does not match metadata.json (${meta.files[name]})` });
  }
  for (const name of v.entries.keys()) {
    if (name !== METADATA_FILE && !(ARTIFACT_FILES as readonly string[]).includes(name)) {
      problems.push({ file: at(name), message: 'not part of a registered version (no digest covers it)' });
    }
  }
  return problems;
}
