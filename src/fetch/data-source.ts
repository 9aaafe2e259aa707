import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataError } from '../errors.js';
import { dvcObjectPath, dvcRemoteUrl, parseDvcFile, type DvcOutput } from '../data/dvc-file.js';
import { checkNotLfsPointer } from '../data/lfs-pointer.js';
import { dvcPointerPath } from '../data/source-pins.js';
import type { DataFile, WholeDataFile } from '../data/table-engine.js';
import type { DataSource, DataUse, Files, OpenedDataFile } from '../ports.js';
import { isUrlSource, parseRemoteSource } from '../spec/source-url.js';
import type { DataSpec } from '../spec/types.js';
import { dataCacheDir } from './cache-dir.js';
import { downloadPinned, hashFile, type FetchLike, type Pin, type SharedDownloadCache } from './download.js';
import { httpGet } from './http-get.js';
import { s3Access } from './s3.js';

export interface DataSourceDeps {
  files: Files;
  env: NodeJS.ProcessEnv;
  /** Default: the OS cache dir (see dataCacheDir). */
  cacheDir?: string;
  /** Waits between download retries; tests pass one that does not sleep. */
  sleep?: (ms: number) => Promise<void>;
  /** A download that receives no byte for this long is cut and retried (see downloadPinned). Default 30 s. */
  stallTimeoutMs?: number;
  /** A cache shared between machines for downloads and ranges reads (the action passes the Actions cache); none by default. */
  shared?: SharedDownloadCache;
  /** Told what a user may want to know but that does not fail the run (a server ignoring Range). */
  warn?: (message: string) => void;
}

/**
 * The pipeline's data, wherever it lives (issue 10): a repository file (a Git LFS pointer in its
 * place is a DataError); an http(s) or s3 URL downloaded into the cache and checked against
 * `data.sha256`; a DVC-tracked file read from the checkout when present and matching its md5,
 * else fetched from the `.dvc/config` remote (local directory, http(s) or s3) by that md5; with
 * `data.read: ranges`, a remote Parquet file's footer and used column chunks, checked against
 * `data.ranges_sha256` (src/fetch/parquet-ranges.ts).
 */
export function nodeDataSource(deps: DataSourceDeps): DataSource {
  const cacheDir = deps.cacheDir ?? dataCacheDir(deps.env);
  const wait = deps.sleep ?? ((ms: number) => sleep(ms).then(() => undefined));
  const download = async (url: string, fetcher: FetchLike, shown: string, pin: Pin): Promise<string> =>
    downloadPinned({ url, shown, pin, cacheDir, fetch: fetcher, sleep: wait, stallTimeoutMs: deps.stallTimeoutMs, shared: deps.shared });
  const httpFetch: FetchLike = (url, init) => {
    const auth = deps.env.PIPEPILOT_HTTP_AUTHORIZATION;
    return httpGet(url, auth ? { ...init.headers, authorization: auth } : init.headers, init.signal);
  };
  const remoteGet = (url: string, shown: string): { url: string; fetch: FetchLike } => {
    const remote = parseRemoteSource(url);
    if ('problem' in remote) throw new DataError(`${shown}: ${remote.problem}`, { file: shown, rule: 'source' });
    if (remote.kind === 'http') return { url: remote.url, fetch: httpFetch };
    const s3 = s3Access(deps.env);
    return { url: s3.objectUrl(remote.bucket, remote.key), fetch: s3.fetch };
  };
  /** The downloaded file's path (hash checked). */
  const fromUrl = async (url: string, shown: string, pin: Pin): Promise<string> => {
    const get = remoteGet(url, shown);
    return download(get.url, get.fetch, shown, pin);
  };
  const byRanges = async (data: DataSpec, use: DataUse | undefined): Promise<DataFile> => {
    if (!isUrlSource(data.source) || data.ranges_sha256 === undefined) {
      throw new DataError(`${data.source}: data.read: ranges needs a URL source and data.ranges_sha256`, { file: data.source, rule: 'pin' });
    }
    const get = remoteGet(data.source, data.source);
    // Imported here: hyparquet (~30 modules) is only for this way of reading; other runs skip loading it.
    const [{ readParquetByRanges }, { columnsToRead }] = await Promise.all([import('./parquet-ranges.js'), import('../data/parquet-ranges.js')]);
    return readParquetByRanges({
      url: get.url, fetch: get.fetch, shown: data.source, pin: data.ranges_sha256, cacheDir, sleep: wait, stallTimeoutMs: deps.stallTimeoutMs, warn: deps.warn,
      shared: deps.shared, columnsFor: (available) => columnsToRead(data, use?.sliceColumns ?? [], available),
    });
  };
  const refuseRanges = (data: DataSpec) => {
    if (data.read === 'ranges') {
      throw new DataError(`${data.source}: data.read: ranges reads only the columns the pipeline uses, never the whole file`, {
        file: data.source, rule: 'source', hint: 'This command needs the whole file: remove data.read: ranges (and pin data.sha256) to use it.',
      });
    }
  };

  const readWhole = async (data: DataSpec): Promise<WholeDataFile> => {
    refuseRanges(data);
    if (isUrlSource(data.source)) {
      const path = await fromUrl(data.source, data.source, urlPin(data));
      return { bytes: await readFile(path), path };
    }
    const pointer = dvcPointerPath(data.source, (p) => existsSync(join(deps.files.root, p)));
    if (pointer !== undefined) {
      const path = await resolveDvc(pointer, deps.files, fromUrl);
      return { bytes: await readFile(path), path };
    }
    const bytes = await deps.files.readBytes(data.source);
    checkNotLfsPointer(bytes, data.source);
    if (data.sha256 !== undefined) checkPin(bytes, data.source, { algorithm: 'sha256', hex: data.sha256 });
    // The engine opens the file itself: hand it the path these very bytes came from.
    return { bytes, path: deps.files.realpath(data.source) ?? join(deps.files.root, data.source) };
  };
  // data.stream: the same file, resolved and checked the same way, hashed and read as a stream.
  const openDataFile = async (data: DataSpec): Promise<OpenedDataFile> => {
    refuseRanges(data);
    let path: string;
    let pinned: string | undefined;
    if (isUrlSource(data.source)) {
      const pin = urlPin(data);
      path = await fromUrl(data.source, data.source, pin);
      pinned = pin.hex; // downloadPinned checked it before the file took its name
    } else {
      const pointer = dvcPointerPath(data.source, (p) => existsSync(join(deps.files.root, p)));
      if (pointer !== undefined) path = await resolveDvc(pointer, deps.files, fromUrl);
      else {
        path = deps.files.realpath(data.source) ?? join(deps.files.root, data.source);
        await checkFileNotLfsPointer(path, data.source);
      }
    }
    const hex = pinned ?? await hashFile(path, 'sha256');
    if (!pinned && data.sha256 !== undefined) checkDigest(hex, data.source, { algorithm: 'sha256', hex: data.sha256 });
    return openRanges(path, `sha256:${hex}`);
  };
  return {
    openFile: openDataFile,
    readFile: (data: DataSpec, use?: DataUse) => (data.read === 'ranges' ? byRanges(data, use) : readWhole(data)),
    readBytes: async (data: DataSpec) => (await readWhole(data)).bytes,
  };
}

/** The path of a DVC-tracked file's bytes, checked against its md5: the checkout, a local remote's object, or a download. */
async function resolveDvc(
  pointer: string,
  files: Files,
  fromUrl: (url: string, shown: string, pin: Pin) => Promise<string>,
): Promise<string> {
  const output = parseDvcFile(await files.readText(pointer), pointer);
  const pin: Pin = { algorithm: 'md5', hex: output.md5 };
  // `dvc pull` (or a checkout of the data) may already have put the file in place.
  const checkedOut = join(files.root, output.path);
  if (existsSync(checkedOut) && await hashFile(checkedOut, 'md5') === output.md5) return checkedOut;
  const config = await files.readText('.dvc/config').catch((err: unknown) => {
    throw new DataError(`${pointer}: the repository has no .dvc/config naming a remote`, {
      file: pointer, rule: 'dvc', hint: 'Run `dvc remote add -d <name> <url>` and commit .dvc/config.', cause: err,
    });
  });
  const object = dvcObjectPath(dvcRemoteUrl(config, output), output);
  const shown = `${pointer} (${output.path}, md5 ${output.md5})`;
  if (isUrlSource(object)) return fromUrl(object, shown, pin);
  return readLocalObject(isAbsolute(object) ? object : resolve(files.root, '.dvc', object), shown, output);
}

/** A local-directory remote: the object is already on disk, so it is hashed in place rather than copied. */
async function readLocalObject(path: string, shown: string, output: DvcOutput): Promise<string> {
  if (!existsSync(path)) {
    throw new DataError(`${shown}: not in the DVC remote (no ${path})`, {
      file: shown, rule: 'dvc', hint: 'Push the data with `dvc push`, or check the remote in .dvc/config.',
    });
  }
  const actual = await hashFile(path, 'md5');
  if (actual !== output.md5) {
    throw new DataError(`${shown}: the remote's object has md5:${actual}, but the .dvc file pins md5:${output.md5}`, {
      file: shown, rule: 'pin', hint: 'The remote holds other data under this name; push the right data with `dvc push`.',
    });
  }
  return path;
}

/** A Git LFS pointer is a small text file: only a file that small is read to tell. */
async function checkFileNotLfsPointer(path: string, shown: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    const head = new Uint8Array(1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    if (bytesRead < head.length) checkNotLfsPointer(head.subarray(0, bytesRead), shown);
  } finally {
    await handle.close();
  }
}

/** The file as an AsyncBuffer over one open handle: each slice is one positioned read. */
async function openRanges(path: string, fingerprint: string): Promise<OpenedDataFile> {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  return {
    fingerprint,
    byteLength: size,
    path,
    async slice(start, end = size) {
      const buffer = new ArrayBuffer(Math.max(0, end - start));
      const view = new Uint8Array(buffer);
      let done = 0;
      while (done < view.length) {
        const { bytesRead } = await handle.read(view, done, view.length - done, start + done);
        if (bytesRead === 0) throw new Error(`${path}: unexpected end of file at byte ${start + done}`);
        done += bytesRead;
      }
      return buffer;
    },
    close: () => handle.close(),
  };
}

/** A URL source's pin, which it must have. */
function urlPin(data: DataSpec): Pin {
  if (data.sha256 === undefined) throw new DataError(`${data.source}: a URL source needs data.sha256`, { file: data.source, rule: 'pin' });
  return { algorithm: 'sha256', hex: data.sha256 };
}

function checkPin(bytes: Uint8Array, file: string, pin: Pin): void {
  checkDigest(createHash(pin.algorithm).update(bytes).digest('hex'), file, pin);
}

function checkDigest(actual: string, file: string, pin: Pin): void {
  if (actual !== pin.hex) {
    throw new DataError(`${file}: the data has ${pin.algorithm}:${actual}, but data.sha256 pins ${pin.algorithm}:${pin.hex}`, {
      file, rule: 'pin', hint: 'The file changed: check it and update data.sha256.',
    });
  }
}
