import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { normalisePath, type PipelineInputs } from './pipeline-inputs.js';

/**
 * Files under `root` matching any of `patterns` (`*` within a name, `**` across directories,
 * `?` one character), as sorted paths relative to `root` with '/'. `.git` and `node_modules` are
 * never searched.
 */
export async function findPipelineFiles(root: string, patterns: string[]): Promise<string[]> {
  const regexes = patterns.map(globRegex);
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (e.name === '.git' || e.name === 'node_modules') continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) await walk(path);
      else if (e.isFile()) {
        const rel = relative(root, path).split(sep).join('/');
        if (regexes.some((r) => r.test(rel))) found.push(rel);
      }
    }
  };
  await walk(root);
  return found.sort();
}

export function globRegex(pattern: string): RegExp {
  const p = pattern.replace(/^\.\//, '');
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*' && p[i + 1] === '*') {
      out += p[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += p[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/**
 * Paths whose change can change every pipeline's result: PipePilot's own code and its
 * dependencies (when the repository is PipePilot itself, or vendors it), and the action.
 */
const CODE_PATHS = [/^src\//, /^schemas\//, /^dist\//, /^package(-lock)?\.json$/, /^action\.ya?ml$/];

export interface PipelineTouch {
  file: string;
  /** Why it runs, for the log: 'pipeline changed', 'data changed', 'code changed', 'all' … */
  reason: string;
  /** The newest version of its model the change added (a merged registration pull request), when that is why it runs. */
  merged?: number;
}

/**
 * The pipelines a change touches: the YAML itself, one of its inputs (its data file, normalised,
 * and a symlink's target: see `pipelineInputs`), or code every pipeline depends on (then all).
 * Pure: paths relative to the same root (the working directory) on both sides.
 */
export function touchedPipelines(pipelines: PipelineInputs[], changed: string[] | 'all'): PipelineTouch[] {
  if (changed === 'all') return pipelines.map((p) => ({ file: p.file, reason: 'every pipeline runs (changed files unknown)' }));
  const set = new Set(changed.map(normalisePath));
  const code = changed.find((p) => CODE_PATHS.some((r) => r.test(p)));
  if (code !== undefined) return pipelines.map((p) => ({ file: p.file, reason: `${code} changed (code every pipeline uses)` }));
  return pipelines.flatMap((p) => {
    if (set.has(normalisePath(p.file))) return [{ file: p.file, reason: `${p.file} changed` }];
    const input = p.inputs.find((i) => set.has(i));
    if (input !== undefined) return [{ file: p.file, reason: `its data ${input} changed` }];
    return [];
  });
}

/**
 * The pipelines whose model gained a version in this change (`models/<name>/v<N>/metadata.json`):
 * a merged registration pull request, after which the release opens the deployment pull request.
 * Those `touched` already lists are left out. Pure, like `touchedPipelines`.
 */
export function registrationsMerged(pipelines: { file: string; name: string }[], changed: string[] | 'all', touched: PipelineTouch[]): PipelineTouch[] {
  if (changed === 'all') return [];
  const listed = new Set(touched.map((t) => t.file));
  return pipelines.flatMap((p) => {
    if (listed.has(p.file)) return [];
    const versions = changed.map((c) => REGISTERED.exec(c)).filter((m) => m !== null && m[1] === p.name).map((m) => Number(m![2]));
    if (versions.length === 0) return [];
    return [{ file: p.file, reason: `its registration ${versions.map((v) => `v${v}`).join(', ')} was merged`, merged: Math.max(...versions) }];
  });
}

const REGISTERED = /^models\/([a-z0-9][a-z0-9_-]*)\/v([1-9][0-9]*)\/metadata\.json$/;

/**
 * Repository paths (from the API or `git diff`) made relative to the working directory; those
 * outside it are dropped. The directory is compared in normal form: a leading `./` goes, but the
 * dot of a hidden directory (`.github/ml`) stays (issue 15: stripping it selected nothing).
 */
export function relativeToWorkingDirectory(paths: string[], workingDirectory: string): string[] {
  const prefix = normalisePath(workingDirectory);
  if (prefix === '.' || prefix === '') return paths; // '.' from '' and '.', '' from './'
  return paths.filter((p) => p.startsWith(`${prefix}/`)).map((p) => p.slice(prefix.length + 1));
}
