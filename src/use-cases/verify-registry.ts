import { RegistryError, UsageError } from '../errors.js';
import type { Files } from '../ports.js';
import { DEPLOYMENTS_DIR, MODELS_DIR, TEMP_PREFIX, assertModelName, modelDir, parseVersionDir } from '../registry/layout.js';
import { parseManifest } from '../registry/manifest.js';
import { verifyVersion, type RegistryProblem } from '../registry/verify-version.js';

export interface VerifyReport {
  models: { name: string; versions: number; manifests: number }[];
  problems: RegistryProblem[];
}

/**
 * Checks the registry in the work tree: every version's files against its digests, and every
 * manifest against the schema and the versions that exist. All problems are reported, each
 * naming its file. `model` limits the check to one model (unknown → UsageError).
 */
export async function verifyRegistry(deps: { files: Files }, req: { model?: string } = {}): Promise<VerifyReport> {
  const names = (await deps.files.list(MODELS_DIR)).filter((e) => e.isDirectory).map((e) => e.name);
  if (req.model !== undefined) {
    assertModelName(req.model);
    if (!names.includes(req.model)) throw unknownModel(req.model, names);
  }
  const report: VerifyReport = { models: [], problems: [] };
  for (const name of req.model !== undefined ? [req.model] : names) {
    const problems = report.problems;
    if (req.model === undefined && !/^[a-z0-9][a-z0-9_-]{0,63}$/.test(name)) {
      problems.push({ file: `${MODELS_DIR}/${name}`, message: 'not a model name (lowercase letters, digits, - and _)' });
      continue;
    }
    const counts = await verifyModel(deps.files, name, problems);
    report.models.push({ name, ...counts });
  }
  return report;
}

export function unknownModel(name: string, known: string[]): UsageError {
  return new UsageError(`unknown model '${name}': no ${MODELS_DIR}/${name}/ in this repository`, {
    hint: known.length > 0 ? `Registered models: ${known.join(', ')}.` : 'Nothing is registered yet: run `pipepilot register <pipeline>`.',
  });
}

async function verifyModel(files: Files, name: string, problems: RegistryProblem[]): Promise<{ versions: number; manifests: number }> {
  const dir = modelDir(name);
  const versions = new Set<number>();
  let deployments = false;
  const versionDirs: { name: string; version: number }[] = [];
  for (const e of await files.list(dir)) {
    const version = parseVersionDir(e.name);
    if (version !== undefined && e.isDirectory) {
      versions.add(version);
      versionDirs.push({ name: e.name, version });
    } else if (e.name === DEPLOYMENTS_DIR && e.isDirectory) {
      deployments = true;
    } else if (!e.name.startsWith(TEMP_PREFIX)) {
      problems.push({ file: `${dir}/${e.name}`, message: `not a version directory (v1, v2, …) or ${DEPLOYMENTS_DIR}/` });
    }
  }
  // Versions are read in concurrent batches (I/O overlaps hashing); problems keep directory order.
  for (let i = 0; i < versionDirs.length; i += READ_BATCH) {
    const batch = versionDirs.slice(i, i + READ_BATCH);
    const found = await Promise.all(
      batch.map(async (v) => verifyVersion({ model: name, version: v.version, dir: `${dir}/${v.name}`, entries: await readEntries(files, `${dir}/${v.name}`) })),
    );
    problems.push(...found.flat());
  }
  const manifests = deployments ? await verifyManifests(files, name, versions, problems) : 0;
  return { versions: versions.size, manifests };
}

async function verifyManifests(files: Files, name: string, versions: Set<number>, problems: RegistryProblem[]): Promise<number> {
  const dir = `${modelDir(name)}/${DEPLOYMENTS_DIR}`;
  let count = 0;
  for (const e of await files.list(dir)) {
    const file = `${dir}/${e.name}`;
    if (e.isDirectory || !/^[a-z0-9][a-z0-9_-]{0,63}\.yaml$/.test(e.name)) {
      problems.push({ file, message: 'not a manifest: expected <env>.yaml, e.g. production.yaml' });
      continue;
    }
    count++;
    try {
      const m = parseManifest(await files.readText(file), file);
      if (m.model !== name) problems.push({ file, message: `names model '${m.model}' but is in ${modelDir(name)}/` });
      for (const [what, v] of [['version', m.version], ['canary.version', m.canary?.version]] as const) {
        if (v !== undefined && !versions.has(v)) problems.push({ file, message: `${what} ${v} does not exist: no ${modelDir(name)}/v${v}/` });
      }
    } catch (err) {
      if (!(err instanceof RegistryError)) throw err;
      problems.push({ file, message: err.message.replace(`${file}: `, '') });
    }
  }
  return count;
}

const READ_BATCH = 32;

async function readEntries(files: Files, dir: string): Promise<Map<string, Uint8Array | undefined>> {
  const entries = new Map<string, Uint8Array | undefined>();
  for (const e of await files.list(dir)) entries.set(e.name, e.isDirectory ? undefined : await files.readBytes(`${dir}/${e.name}`));
  return entries;
}
