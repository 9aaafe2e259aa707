import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataError } from '../errors.js';
import {
  coversExactly, decodeRanges, encodedParts, footerMetadata, footerRange, planRanges, rangesDigest, TAIL_BYTES, topColumns,
  type ByteRange, type ParquetRanges, type RangedParquetFile,
} from '../data/parquet-ranges.js';
import { retry } from '../retry.js';
import {
  causeText, DEFAULT_STALL_TIMEOUT_MS, httpError, saveBodyTo, stallWatchdog, TransientDownloadError, type FetchLike, type SharedDownloadCache,
} from './download.js';
import type { GetResponse } from './http-get.js';

export interface RangesRequest {
  /** Where to GET the bytes (may be signed by `fetch`; never printed). */
  url: string;
  /** What messages name: `data.source` as written, which never holds credentials. */
  shown: string;
  /** data.ranges_sha256: 64 lowercase hex digits. */
  pin: string;
  cacheDir: string;
  fetch: FetchLike;
  sleep: (ms: number) => Promise<void>;
  /** The columns to read, from the file's columns (src/data/parquet-ranges.ts columnsToRead). */
  columnsFor: (available: string[]) => string[];
  /** Tries per request. Default 5. */
  attempts?: number;
  stallTimeoutMs?: number;
  /** Told when the server ignores Range and the whole file is downloaded instead. */
  warn?: (message: string) => void;
  /** A cache shared between machines (the Actions cache in a workflow): tried before the requests, filled after a verified read. */
  shared?: SharedDownloadCache;
}

/**
 * The shared cache's key of a verified ranges read: its pin, named apart from whole downloads'
 * keys (`pipepilot-data-sha256-…`) because it holds other bytes (the encoded ranges, not the file).
 */
export function sharedRangesKey(pin: string): string {
  return `pipepilot-data-ranges-sha256-${pin}`;
}

/** Range requests in flight at once: enough to hide a remote store's latency, few enough to be polite. */
const CONCURRENCY = 6;

/**
 * Reads a remote Parquet file by HTTP Range requests (issue 10, `data.read: ranges`): the last
 * 64 KiB (the footer of most files; the rest of a longer footer next), then the chunks of the
 * columns the pipeline uses, several requests at once. Every byte is checked against the pin
 * before the reader sees any: the footer is parsed only to plan the requests, and a mismatch is
 * a DataError naming both hashes. Between requests the file must stay the same: each request
 * after the first carries If-Match (its strong ETag) or If-Unmodified-Since (its Last-Modified),
 * and each answer's size and ETag are compared, so a file replaced mid-read fails as such rather
 * than as a wrong pin. Transient failures (5xx, 429, a cut or short body, a stall) are retried
 * with backoff like a whole download. A server that ignores Range (200, the whole body) is
 * handled by streaming that body to disk and reading the ranges from it. Verified reads are cached
 * by pin under `<cacheDir>/parquet-ranges/`, and in the shared cache when there is one (`req.shared`):
 * an entry restored from it is checked like the machine's own (hash and coverage) before use.
 */
export async function readParquetByRanges(req: RangesRequest): Promise<RangedParquetFile> {
  const target = join(req.cacheDir, 'parquet-ranges', req.pin);
  const cached = await fromCache(target, req);
  if (cached !== undefined) return cached;
  if (req.shared !== undefined) {
    await mkdir(join(req.cacheDir, 'parquet-ranges'), { recursive: true });
    if (await req.shared.tryRestore(target, sharedRangesKey(req.pin))) {
      const restored = await fromCache(target, req);
      if (restored !== undefined) return restored;
    }
  }
  let read: { ranges: ParquetRanges; columns: string[] };
  try {
    read = await readRemote(req, new RemoteRanges(req));
  } catch (err) {
    if (!(err instanceof RangeIgnored)) throw err;
    req.warn?.(`${req.shown}: the server ignores Range requests (HTTP 200): downloading the whole file to read its columns`);
    read = await readWholeBody(req, target);
  }
  const actual = rangesDigest(read.ranges);
  if (actual !== req.pin) {
    const used = read.ranges.ranges.reduce((n, r) => n + r.bytes.length, 0);
    throw new DataError(
      `${req.shown}: the ranges read (footer and the chunks of ${read.columns.length} column${read.columns.length === 1 ? '' : 's'}, ${used} of ${read.ranges.fileSize} bytes) has sha256:${actual}, but data.ranges_sha256 pins sha256:${req.pin}`,
      { file: req.shown, rule: 'pin', hint: 'The file, or the columns the pipeline uses, changed, or the pin is wrong: check the data and set data.ranges_sha256 to the value read.' },
    );
  }
  await mkdir(join(req.cacheDir, 'parquet-ranges'), { recursive: true });
  // Written in parts (writeFile takes an iterable): the ranges are not copied into one buffer.
  await writeFile(`${target}.partial`, encodedParts(read.ranges));
  await rename(`${target}.partial`, target);
  await req.shared?.save(target, sharedRangesKey(req.pin));
  return { ranges: read.ranges, columns: read.columns, fingerprint: `sha256:${req.pin}` };
}

/** A cached read is used when it still hashes to the pin and holds the ranges today's columns need (else the network decides). */
async function fromCache(path: string, req: RangesRequest): Promise<RangedParquetFile | undefined> {
  const bytes = await readFile(path).catch(() => undefined);
  if (bytes === undefined) return undefined;
  const ranges = createHash('sha256').update(bytes).digest('hex') === req.pin ? decodeRanges(bytes) : undefined;
  const footer = ranges?.ranges.at(-1);
  if (ranges === undefined || footer === undefined) {
    await rm(path, { force: true });
    return undefined;
  }
  const metadata = footerMetadata(footer.bytes, req.shown);
  const columns = req.columnsFor(topColumns(metadata));
  const plan = planRanges(metadata, columns, { start: footer.start, end: ranges.fileSize }, req.shown);
  return coversExactly(ranges, plan) ? { ranges, columns, fingerprint: `sha256:${req.pin}` } : undefined;
}

/** Where the bytes come from: the remote file by ranges, or a local copy of a body sent whole. */
interface RangeSource {
  /** The last `length` bytes and the file's size. */
  tail(length: number): Promise<{ bytes: Uint8Array; fileSize: number }>;
  range(range: ByteRange): Promise<Uint8Array>;
}

async function readRemote(req: RangesRequest, source: RangeSource): Promise<{ ranges: ParquetRanges; columns: string[] }> {
  const tail = await source.tail(TAIL_BYTES);
  const footer = footerRange(tail.bytes, tail.fileSize, req.shown);
  const tailStart = tail.fileSize - tail.bytes.length;
  const footerBytes = footer.start >= tailStart
    ? tail.bytes.subarray(footer.start - tailStart)
    : concat(await source.range({ start: footer.start, end: tailStart }), tail.bytes);
  const metadata = footerMetadata(footerBytes, req.shown);
  const columns = req.columnsFor(topColumns(metadata));
  const plan = planRanges(metadata, columns, footer, req.shown).slice(0, -1);
  const chunks = await inParallel(plan, (range) => source.range(range));
  const ranges = [...plan.map((range, i) => ({ start: range.start, bytes: chunks[i] })), { start: footer.start, bytes: footerBytes }];
  return { ranges: { fileSize: tail.fileSize, ranges }, columns };
}

/** The server answered 200 (the whole body) to a Range request. */
class RangeIgnored extends Error {}

/** The server answered the suffix range `bytes=-n` with other bytes of the file (its size is known from them). */
class SuffixMisread extends Error {}

/** The file's identity as the first answer gave it; later answers must match it. */
interface Identity {
  fileSize: number;
  etag?: string;
  lastModified?: string;
}

class RemoteRanges implements RangeSource {
  private identity: Identity | undefined;
  constructor(private readonly req: RangesRequest) {}

  async tail(length: number) {
    try {
      const bytes = await this.get(`bytes=-${length}`, undefined);
      return { bytes, fileSize: (this.identity as Identity).fileSize };
    } catch (err) {
      if (!(err instanceof SuffixMisread)) throw err;
      // Some servers (s3rver among them) answer a suffix range from the start: ask again by offsets, now that the size is known.
      const fileSize = (this.identity as Identity).fileSize;
      return { bytes: await this.range({ start: Math.max(0, fileSize - length), end: fileSize }), fileSize };
    }
  }

  range(range: ByteRange): Promise<Uint8Array> {
    return this.get(`bytes=${range.start}-${range.end - 1}`, range);
  }

  /** One Range GET, retried while transient; `want` undefined for the suffix request that learns the size. */
  private get(header: string, want: ByteRange | undefined): Promise<Uint8Array> {
    const attempts = this.req.attempts ?? 5;
    return retry(() => this.once(header, want), {
      attempts,
      isRetryable: (err) => err instanceof TransientDownloadError,
      sleep: this.req.sleep,
      delayMs: (attempt) => 250 * 2 ** (attempt - 1),
    }).catch((err: unknown) => {
      if (!(err instanceof TransientDownloadError)) throw err;
      throw new DataError(`${this.req.shown}: reading ${header} failed after ${attempts} tries: ${err.message}`, {
        file: this.req.shown, rule: 'download', hint: 'Check the network and the server; a rerun reads again.',
      });
    });
  }

  private conditions(): Record<string, string> {
    const id = this.identity;
    if (id?.etag !== undefined && !id.etag.startsWith('W/')) return { 'if-match': id.etag };
    if (id?.lastModified !== undefined) return { 'if-unmodified-since': id.lastModified };
    return {};
  }

  private async once(header: string, want: ByteRange | undefined): Promise<Uint8Array> {
    const watchdog = stallWatchdog(this.req.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS);
    try {
      let res: GetResponse;
      try {
        res = await this.req.fetch(this.req.url, { headers: { range: header, ...this.conditions() }, signal: watchdog.signal });
      } catch (err) {
        throw new TransientDownloadError(watchdog.stalled() ?? `cannot connect (${causeText(err)})`);
      }
      if (res.status === 412) {
        res.discard();
        throw this.changed('the server says it no longer matches (HTTP 412)');
      }
      if (res.status >= 500 || res.status === 429) {
        res.discard();
        throw new TransientDownloadError(`HTTP ${res.status}`);
      }
      if (res.status === 200) {
        res.discard();
        throw new RangeIgnored();
      }
      if (res.status !== 206) {
        res.discard();
        throw res.status === 416
          ? new DataError(`${this.req.shown}: the server refused the range ${header} (HTTP 416); the file is empty or shorter than its footer says`, { file: this.req.shown, rule: 'parquet' })
          : httpError(this.req.shown, res.status);
      }
      const span = this.checkAnswer(res, header, want);
      const bytes = await readBody(res, watchdog).catch((err: unknown) => {
        throw new TransientDownloadError(watchdog.stalled() ?? `the connection was cut mid-range (${causeText(err)})`);
      });
      if (bytes.length !== span.end - span.start) {
        throw new TransientDownloadError(`a short answer to ${header}: ${bytes.length} of ${span.end - span.start} bytes`);
      }
      return bytes;
    } finally {
      watchdog.stop();
    }
  }

  /** The 206's Content-Range must be the range asked for, of the same file (size, ETag) as the first answer. */
  private checkAnswer(res: GetResponse, header: string, want: ByteRange | undefined): ByteRange {
    const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(res.headers['content-range'] ?? ''));
    if (match === null) {
      res.discard();
      throw new TransientDownloadError(`an answer to ${header} without a valid Content-Range`);
    }
    const [start, last, fileSize] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const etag = typeof res.headers.etag === 'string' ? res.headers.etag : undefined;
    const lastModified = typeof res.headers['last-modified'] === 'string' ? res.headers['last-modified'] : undefined;
    const id = this.identity;
    if (id === undefined) this.identity = { fileSize, etag, lastModified };
    else if (fileSize !== id.fileSize) {
      res.discard();
      throw this.changed(`its size went from ${id.fileSize} to ${fileSize} bytes`);
    } else if (etag !== undefined && id.etag !== undefined && etag !== id.etag) {
      res.discard();
      throw this.changed(`its ETag went from ${id.etag} to ${etag}`);
    }
    const expected = want ?? { start: Math.max(0, fileSize - Number(/\d+$/.exec(header)?.[0])), end: fileSize };
    if (start !== expected.start || last + 1 !== expected.end) {
      res.discard();
      if (want === undefined) throw new SuffixMisread();
      throw new TransientDownloadError(`the server answered ${header} with bytes ${start}-${last}`);
    }
    return expected;
  }

  private changed(how: string): DataError {
    return new DataError(`${this.req.shown}: the file changed while it was being read by ranges: ${how}`, {
      file: this.req.shown, rule: 'download',
      hint: 'Rerun once the file stops changing; if it was replaced on purpose, the run then prints the new data.ranges_sha256.',
    });
  }
}

function readBody(res: GetResponse, watchdog: { alive(): void }): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    res.body.on('data', (chunk: Buffer) => {
      watchdog.alive();
      parts.push(chunk);
    });
    res.body.on('aborted', () => reject(new Error('aborted')));
    res.body.on('error', reject);
    res.body.on('end', () => resolve(new Uint8Array(Buffer.concat(parts))));
    res.body.on('close', () => reject(new Error('closed before the end')));
  });
}

/**
 * A server that ignores Range: its whole body streamed to `<target>.whole` (never held in
 * memory), retried while transient (a body shorter than its Content-Length included), then the
 * same ranges read from that copy, which is deleted afterwards (only the verified ranges are cached).
 */
async function readWholeBody(req: RangesRequest, target: string): Promise<{ ranges: ParquetRanges; columns: string[] }> {
  const copy = `${target}.whole`;
  await mkdir(join(req.cacheDir, 'parquet-ranges'), { recursive: true });
  const attempts = req.attempts ?? 5;
  try {
    await retry(() => downloadWhole(req, copy), {
      attempts,
      isRetryable: (err) => err instanceof TransientDownloadError,
      sleep: req.sleep,
      delayMs: (attempt) => 250 * 2 ** (attempt - 1),
    }).catch((err: unknown) => {
      if (!(err instanceof TransientDownloadError)) throw err;
      throw new DataError(`${req.shown}: download failed after ${attempts} tries: ${err.message}`, {
        file: req.shown, rule: 'download', hint: 'Check the network and the server; a rerun starts again.',
      });
    });
    const fileSize = (await stat(copy)).size;
    const handle = await open(copy, 'r');
    try {
      const range = async ({ start, end }: ByteRange) => {
        const bytes = new Uint8Array(end - start);
        await handle.read(bytes, 0, bytes.length, start);
        return bytes;
      };
      return await readRemote(req, {
        tail: async (length) => ({ bytes: await range({ start: Math.max(0, fileSize - length), end: fileSize }), fileSize }),
        range,
      });
    } finally {
      await handle.close();
    }
  } finally {
    await rm(copy, { force: true });
  }
}

async function downloadWhole(req: RangesRequest, copy: string): Promise<void> {
  const watchdog = stallWatchdog(req.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS);
  try {
    let res: GetResponse;
    try {
      res = await req.fetch(req.url, { headers: {}, signal: watchdog.signal });
    } catch (err) {
      throw new TransientDownloadError(watchdog.stalled() ?? `cannot connect (${causeText(err)})`);
    }
    if (res.status >= 500 || res.status === 429) {
      res.discard();
      throw new TransientDownloadError(`HTTP ${res.status}`);
    }
    if (res.status !== 200) {
      res.discard();
      throw httpError(req.shown, res.status);
    }
    await saveBodyTo(res.body, copy, 'w', watchdog);
    const length = Number(res.headers['content-length']);
    const size = (await stat(copy)).size;
    if (Number.isFinite(length) && size !== length) throw new TransientDownloadError(`a short body: ${size} of ${length} bytes`);
  } finally {
    watchdog.stop();
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** `fn` over `items`, at most CONCURRENCY at once, results in order; the first failure fails all. */
async function inParallel<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  return out;
}
