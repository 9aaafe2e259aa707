import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, writeSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { dirname, join } from 'node:path';
import { DataError } from '../errors.js';
import { retry } from '../retry.js';

import type { GetResponse } from './http-get.js';

/** GETs a URL with the given headers (plain, with an Authorization header, or S3-signed); `signal` aborts it. */
export type FetchLike = (url: string, init: { headers: Record<string, string>; signal?: AbortSignal }) => Promise<GetResponse>;

export interface Pin {
  algorithm: 'sha256' | 'md5';
  hex: string;
}

export interface DownloadRequest {
  /** Where to GET the bytes (may be signed by `fetch`; never printed). */
  url: string;
  /** What messages name: `data.source` as written, which never holds credentials. */
  shown: string;
  pin: Pin;
  cacheDir: string;
  fetch: FetchLike;
  sleep: (ms: number) => Promise<void>;
  /** Tries in all, resuming where the last one stopped. Default 5. */
  attempts?: number;
  /**
   * A try that receives no byte for this long (no response, or a body that stops) is cut and
   * retried like a cut connection. Default DEFAULT_STALL_TIMEOUT_MS.
   */
  stallTimeoutMs?: number;
  /** A cache shared between machines (the Actions cache in a workflow): tried before downloading, filled after. */
  shared?: SharedDownloadCache;
}

/**
 * A download cache beyond this machine, keyed by the pin (sharedCacheKey). Best effort: an
 * implementation reports its own failures and never throws, so a cache outage costs a download.
 */
export interface SharedDownloadCache {
  /** Puts the object stored under `key` at `path`; true when it did. The caller checks its hash. */
  tryRestore(path: string, key: string): Promise<boolean>;
  /** Stores the verified object at `path` under `key`. */
  save(path: string, key: string): Promise<void>;
}

/** The shared cache's key of a pinned object: the pin itself, so equal keys mean equal bytes. */
export function sharedCacheKey(pin: Pin): string {
  return `pipepilot-data-${pin.algorithm}-${pin.hex}`;
}

/**
 * 30 s without a byte: long enough for a slow object store to start answering a large Range
 * request, short enough that a dead connection costs a CI job seconds rather than its whole timeout
 * (a TCP connection whose peer vanished can otherwise wait for hours).
 */
export const DEFAULT_STALL_TIMEOUT_MS = 30_000;

/** A failure a second try may not meet: a 5xx, a 429, a connection cut mid-body, a stall. */
export class TransientDownloadError extends Error {}

/** The cache path of a pinned object: `<cacheDir>/<algorithm>/<hex>`. */
export function cachedPath(cacheDir: string, pin: Pin): string {
  return join(cacheDir, pin.algorithm, pin.hex);
}

/**
 * Brings the pinned object into the cache and returns its path. Streamed to `<path>.partial`,
 * never held in memory; a failed try resumes from the bytes already on disk with a Range request
 * (a server that ignores Range sends it all again); 5xx, 429 and cut connections are retried with
 * backoff, 4xx are not. The file's hash is checked before it is renamed into place, so the cache
 * only ever holds verified objects: a mismatch deletes the download and is a DataError naming both.
 */
export async function downloadPinned(req: DownloadRequest): Promise<string> {
  const target = cachedPath(req.cacheDir, req.pin);
  if (await exists(target)) return target;
  await mkdir(dirname(target), { recursive: true });
  if (req.shared !== undefined && (await tryRestoreShared(req.shared, target, req.pin))) return target;
  const partial = `${target}.partial`;
  await retry(() => fetchOnce(req, partial), {
    attempts: req.attempts ?? 5,
    isRetryable: (err) => err instanceof TransientDownloadError,
    sleep: req.sleep,
    delayMs: (attempt) => 250 * 2 ** (attempt - 1),
  }).catch((err: unknown) => {
    if (!(err instanceof TransientDownloadError)) throw err;
    throw new DataError(`${req.shown}: download failed after ${req.attempts ?? 5} tries: ${err.message}`, {
      file: req.shown, rule: 'download', hint: 'Check the network and the server; a rerun resumes where this one stopped.',
    });
  });
  const actual = await hashFile(partial, req.pin.algorithm);
  if (actual !== req.pin.hex) {
    await rm(partial, { force: true });
    throw new DataError(`${req.shown}: downloaded data has ${req.pin.algorithm}:${actual}, but the pin says ${req.pin.algorithm}:${req.pin.hex}`, {
      file: req.shown, rule: 'pin',
      hint: 'The data changed at its source or the pin is wrong: check the file and update the pin (data.sha256, or `dvc add` for DVC).',
    });
  }
  await rename(partial, target);
  await req.shared?.save(target, sharedCacheKey(req.pin));
  return target;
}

/**
 * The object from the shared cache, kept only when its hash matches the pin (a cache entry is
 * trusted no more than a download); a mismatch is deleted and the object downloaded instead.
 */
async function tryRestoreShared(shared: SharedDownloadCache, target: string, pin: Pin): Promise<boolean> {
  if (!(await shared.tryRestore(target, sharedCacheKey(pin)))) return false;
  if ((await exists(target)) && (await hashFile(target, pin.algorithm)) === pin.hex) return true;
  await rm(target, { force: true });
  return false;
}

async function fetchOnce(req: DownloadRequest, partial: string): Promise<void> {
  const have = (await exists(partial)) ? (await stat(partial)).size : 0;
  const watchdog = stallWatchdog(req.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS);
  try {
    let res: GetResponse;
    try {
      res = await req.fetch(req.url, { headers: have > 0 ? { range: `bytes=${have}-` } : {}, signal: watchdog.signal });
    } catch (err) {
      throw new TransientDownloadError(watchdog.stalled() ?? `cannot connect (${causeText(err)})`);
    }
    if (res.status === 416) {
      // Our partial file is as long as the object or longer (it changed at the source): start over.
      res.discard();
      await rm(partial, { force: true });
      throw new TransientDownloadError('the server refused the resume range; starting over');
    }
    if (res.status >= 500 || res.status === 429) {
      res.discard();
      throw new TransientDownloadError(`HTTP ${res.status}`);
    }
    if (res.status !== 200 && res.status !== 206) {
      res.discard();
      throw httpError(req.shown, res.status);
    }
    const append = res.status === 206 && have > 0;
    await saveBodyTo(res.body, partial, append ? 'a' : 'w', watchdog);
  } finally {
    watchdog.stop();
  }
}

/**
 * Aborts a try (through `signal`) once `timeoutMs` pass without `alive()` being called: no
 * response, or a body that stops mid-way. `stalled()` says so in words once it has fired.
 */
export function stallWatchdog(timeoutMs: number) {
  const controller = new AbortController();
  let fired = false;
  const fire = () => {
    fired = true;
    controller.abort(new Error('stalled'));
  };
  let timer = setTimeout(fire, timeoutMs);
  return {
    signal: controller.signal,
    alive: () => {
      clearTimeout(timer);
      timer = setTimeout(fire, timeoutMs);
    },
    stalled: () => (fired ? `the download stalled: no byte for ${timeoutMs / 1000} s` : undefined),
    stop: () => clearTimeout(timer),
  };
}

/**
 * Writes each chunk synchronously as it arrives (flowing mode), so every byte received before
 * a cut is on disk for the resume; a paused or async-iterated stream would drop its buffered
 * chunks when the early end destroys it.
 */
/**
 * Streams a response body into `path` (`'w'` from the start, `'a'` to resume); a stall or a cut
 * connection becomes a TransientDownloadError, so the caller's retry tries again.
 */
export async function saveBodyTo(body: Readable, path: string, flags: 'w' | 'a', watchdog: ReturnType<typeof stallWatchdog>): Promise<void> {
  const fd = openSync(path, flags);
  try {
    await saveBody(body, fd, watchdog.alive);
  } catch (err) {
    throw new TransientDownloadError(watchdog.stalled() ?? `the connection was cut mid-download (${causeText(err)})`);
  } finally {
    closeSync(fd);
  }
}

function saveBody(body: Readable, fd: number, alive: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    body.on('data', (chunk: Buffer) => {
      alive();
      try {
        writeSync(fd, chunk);
      } catch (err) {
        body.destroy(err as Error);
      }
    });
    body.on('aborted', () => reject(new Error('aborted')));
    body.on('error', reject);
    body.on('end', resolve);
    // A body destroyed without an error (an abort) emits only 'close'; after 'end' this is a no-op.
    body.on('close', () => reject(new Error('closed before the end')));
  });
}

export function httpError(shown: string, status: number): DataError {
  if (status === 404) {
    return new DataError(`${shown}: not found (HTTP 404)`, { file: shown, rule: 'download', hint: 'Check data.source; for DVC, push the data with `dvc push`.' });
  }
  if (status === 401 || status === 403) {
    return new DataError(`${shown}: access denied (HTTP ${status})`, {
      file: shown, rule: 'download',
      hint: 'Give credentials through the environment (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY for s3://, PIPEPILOT_HTTP_AUTHORIZATION for https://).',
    });
  }
  return new DataError(`${shown}: download failed (HTTP ${status})`, { file: shown, rule: 'download' });
}

export function causeText(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}

/** Hash of a file, streamed (a data set may be larger than memory). */
export async function hashFile(path: string, algorithm: Pin['algorithm']): Promise<string> {
  const hash = createHash(algorithm);
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}
