import { parse as parseIni } from 'ini';
import { posix } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DataError } from '../errors.js';

/** One file a `.dvc` pointer tracks: its md5 (DVC's pin), where it lies, and where a remote keeps it. */
export interface DvcOutput {
  md5: string;
  size?: number;
  /** Repository path of the tracked file. */
  path: string;
  /** The remote the output names (`remote:` in the .dvc file), else the config's default. */
  remote?: string;
  /** DVC 3 (`hash: md5`) keeps objects under `files/md5/`; DVC 2 at the remote's root. */
  layout: 'files/md5' | 'legacy';
}

const MD5 = /^[0-9a-f]{32}$/;

function dvcError(file: string, message: string, hint: string): DataError {
  return new DataError(`${file}: ${message}`, { file, rule: 'dvc', hint });
}

/**
 * Reads a `.dvc` pointer file (YAML with `outs: [{md5, size, path, hash?, remote?}]`), as
 * committed at `dvcPath`. Only single-file outputs: a directory output (md5 ending `.dir`) is a
 * DataError, as is anything malformed; no Python or DVC needed.
 */
export function parseDvcFile(text: string, dvcPath: string): DvcOutput {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    throw dvcError(dvcPath, `not a valid .dvc file (${err instanceof Error ? err.message.split('\n')[0] : 'YAML error'})`, 'Restore the file with `git checkout`, or re-add the data with `dvc add`.');
  }
  const outs = (doc as { outs?: unknown } | null)?.outs;
  if (!Array.isArray(outs) || outs.length !== 1) {
    throw dvcError(dvcPath, 'expected one entry under outs:', 'Point data.source at a .dvc file tracking a single data file.');
  }
  const out = outs[0] as Record<string, unknown>;
  const md5 = typeof out.md5 === 'string' ? out.md5 : '';
  if (md5.endsWith('.dir')) {
    throw dvcError(dvcPath, 'tracks a directory; PipePilot reads one data file', 'Track the data file itself (`dvc add data/train.csv`) and point data.source at it.');
  }
  if (!MD5.test(md5) || typeof out.path !== 'string' || out.path === '') {
    throw dvcError(dvcPath, 'outs[0] needs an md5 (32 hex digits) and a path', 'Re-add the data with `dvc add`.');
  }
  const path = posix.normalize(posix.join(posix.dirname(dvcPath), out.path));
  if (path.startsWith('../') || posix.isAbsolute(out.path)) {
    throw dvcError(dvcPath, `tracks '${out.path}', outside the repository`, 'Track a file inside the repository.');
  }
  return {
    md5,
    ...(typeof out.size === 'number' && { size: out.size }),
    path,
    ...(typeof out.remote === 'string' && { remote: out.remote }),
    layout: out.hash === 'md5' ? 'files/md5' : 'legacy',
  };
}

/**
 * The URL of the remote a DVC output is pushed to, from `.dvc/config` (INI: `[core] remote = name`,
 * `['remote "name"'] url = ...`). A local remote path is resolved against `.dvc/`, as DVC does.
 * Returns an absolute path, or an `s3://`/`https://`/`http://` URL.
 */
export function dvcRemoteUrl(configText: string, output: DvcOutput, configPath = '.dvc/config'): string {
  const config = parseIni(configText) as Record<string, unknown>;
  const name = output.remote ?? (config.core as Record<string, unknown> | undefined)?.remote;
  if (typeof name !== 'string' || name === '') {
    throw dvcError(configPath, 'names no default remote ([core] remote = ...)', 'Run `dvc remote add -d <name> <url>` and commit .dvc/config.');
  }
  // `ini` splits section names at dots, so a remote called "s3.eu" sits at config['remote "s3']['eu"'].
  const section = `remote "${name}"`.split('.').reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], config);
  const url = (section as { url?: unknown } | undefined)?.url;
  if (typeof url !== 'string' || url === '') {
    throw dvcError(configPath, `has no url for the remote '${name}'`, `Run \`dvc remote add ${name} <url>\` and commit .dvc/config.`);
  }
  return url;
}

/** Where a remote keeps an object: `<remote>/files/md5/ab/cdef…` (DVC 3) or `<remote>/ab/cdef…` (DVC 2). */
export function dvcObjectPath(remoteUrl: string, output: DvcOutput): string {
  const prefix = output.layout === 'files/md5' ? 'files/md5/' : '';
  return `${remoteUrl.replace(/\/+$/, '')}/${prefix}${output.md5.slice(0, 2)}/${output.md5.slice(2)}`;
}
