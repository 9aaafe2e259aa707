import { createRequire as __pipepilotCreateRequire } from 'node:module';
import { fileURLToPath as __pipepilotFileURLToPath } from 'node:url';
const require = __pipepilotCreateRequire(import.meta.url);
var __filename = __pipepilotFileURLToPath(import.meta.url);
var __dirname = __pipepilotFileURLToPath(new URL('.', import.meta.url));
import {
  DEFAULT_STALL_TIMEOUT_MS,
  TransientDownloadError,
  causeText,
  httpError,
  retry,
  saveBodyTo,
  stallWatchdog
} from "./chunk-Q7WINJAH.js";
import {
  TAIL_BYTES,
  coversExactly,
  decodeRanges,
  encodedParts,
  footerMetadata,
  footerRange,
  planRanges,
  rangesDigest,
  topColumns
} from "./chunk-OOSRC25T.js";
import {
  DataError
} from "./chunk-5VPJA5XD.js";
import "./chunk-FT3D6YK5.js";

// src/fetch/parquet-ranges.ts
import { createHash } from "node:crypto";
import { mkdir, open, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
function sharedRangesKey(pin) {
  return `pipepilot-data-ranges-sha256-${pin}`;
}
var CONCURRENCY = 6;
async function readParquetByRanges(req) {
  const target = join(req.cacheDir, "parquet-ranges", req.pin);
  const cached = await fromCache(target, req);
  if (cached !== void 0) return cached;
  if (req.shared !== void 0) {
    await mkdir(join(req.cacheDir, "parquet-ranges"), { recursive: true });
    if (await req.shared.tryRestore(target, sharedRangesKey(req.pin))) {
      const restored = await fromCache(target, req);
      if (restored !== void 0) return restored;
    }
  }
  let read;
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
      `${req.shown}: the ranges read (footer and the chunks of ${read.columns.length} column${read.columns.length === 1 ? "" : "s"}, ${used} of ${read.ranges.fileSize} bytes) has sha256:${actual}, but data.ranges_sha256 pins sha256:${req.pin}`,
      { file: req.shown, rule: "pin", hint: "The file, or the columns the pipeline uses, changed, or the pin is wrong: check the data and set data.ranges_sha256 to the value read." }
    );
  }
  await mkdir(join(req.cacheDir, "parquet-ranges"), { recursive: true });
  await writeFile(`${target}.partial`, encodedParts(read.ranges));
  await rename(`${target}.partial`, target);
  await req.shared?.save(target, sharedRangesKey(req.pin));
  return { ranges: read.ranges, columns: read.columns, fingerprint: `sha256:${req.pin}` };
}
async function fromCache(path, req) {
  const bytes = await readFile(path).catch(() => void 0);
  if (bytes === void 0) return void 0;
  const ranges = createHash("sha256").update(bytes).digest("hex") === req.pin ? decodeRanges(bytes) : void 0;
  const footer = ranges?.ranges.at(-1);
  if (ranges === void 0 || footer === void 0) {
    await rm(path, { force: true });
    return void 0;
  }
  const metadata = footerMetadata(footer.bytes, req.shown);
  const columns = req.columnsFor(topColumns(metadata));
  const plan = planRanges(metadata, columns, { start: footer.start, end: ranges.fileSize }, req.shown);
  return coversExactly(ranges, plan) ? { ranges, columns, fingerprint: `sha256:${req.pin}` } : void 0;
}
async function readRemote(req, source) {
  const tail = await source.tail(TAIL_BYTES);
  const footer = footerRange(tail.bytes, tail.fileSize, req.shown);
  const tailStart = tail.fileSize - tail.bytes.length;
  const footerBytes = footer.start >= tailStart ? tail.bytes.subarray(footer.start - tailStart) : concat(await source.range({ start: footer.start, end: tailStart }), tail.bytes);
  const metadata = footerMetadata(footerBytes, req.shown);
  const columns = req.columnsFor(topColumns(metadata));
  const plan = planRanges(metadata, columns, footer, req.shown).slice(0, -1);
  const chunks = await inParallel(plan, (range) => source.range(range));
  const ranges = [...plan.map((range, i) => ({ start: range.start, bytes: chunks[i] })), { start: footer.start, bytes: footerBytes }];
  return { ranges: { fileSize: tail.fileSize, ranges }, columns };
}
var RangeIgnored = class extends Error {
};
var SuffixMisread = class extends Error {
};
var RemoteRanges = class {
  constructor(req) {
    this.req = req;
  }
  req;
  identity;
  async tail(length) {
    try {
      const bytes = await this.get(`bytes=-${length}`, void 0);
      return { bytes, fileSize: this.identity.fileSize };
    } catch (err) {
      if (!(err instanceof SuffixMisread)) throw err;
      const fileSize = this.identity.fileSize;
      return { bytes: await this.range({ start: Math.max(0, fileSize - length), end: fileSize }), fileSize };
    }
  }
  range(range) {
    return this.get(`bytes=${range.start}-${range.end - 1}`, range);
  }
  /** One Range GET, retried while transient; `want` undefined for the suffix request that learns the size. */
  get(header, want) {
    const attempts = this.req.attempts ?? 5;
    return retry(() => this.once(header, want), {
      attempts,
      isRetryable: (err) => err instanceof TransientDownloadError,
      sleep: this.req.sleep,
      delayMs: (attempt) => 250 * 2 ** (attempt - 1)
    }).catch((err) => {
      if (!(err instanceof TransientDownloadError)) throw err;
      throw new DataError(`${this.req.shown}: reading ${header} failed after ${attempts} tries: ${err.message}`, {
        file: this.req.shown,
        rule: "download",
        hint: "Check the network and the server; a rerun reads again."
      });
    });
  }
  conditions() {
    const id = this.identity;
    if (id?.etag !== void 0 && !id.etag.startsWith("W/")) return { "if-match": id.etag };
    if (id?.lastModified !== void 0) return { "if-unmodified-since": id.lastModified };
    return {};
  }
  async once(header, want) {
    const watchdog = stallWatchdog(this.req.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS);
    try {
      let res;
      try {
        res = await this.req.fetch(this.req.url, { headers: { range: header, ...this.conditions() }, signal: watchdog.signal });
      } catch (err) {
        throw new TransientDownloadError(watchdog.stalled() ?? `cannot connect (${causeText(err)})`);
      }
      if (res.status === 412) {
        res.discard();
        throw this.changed("the server says it no longer matches (HTTP 412)");
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
        throw res.status === 416 ? new DataError(`${this.req.shown}: the server refused the range ${header} (HTTP 416); the file is empty or shorter than its footer says`, { file: this.req.shown, rule: "parquet" }) : httpError(this.req.shown, res.status);
      }
      const span = this.checkAnswer(res, header, want);
      const bytes = await readBody(res, watchdog).catch((err) => {
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
  checkAnswer(res, header, want) {
    const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(String(res.headers["content-range"] ?? ""));
    if (match === null) {
      res.discard();
      throw new TransientDownloadError(`an answer to ${header} without a valid Content-Range`);
    }
    const [start, last, fileSize] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const etag = typeof res.headers.etag === "string" ? res.headers.etag : void 0;
    const lastModified = typeof res.headers["last-modified"] === "string" ? res.headers["last-modified"] : void 0;
    const id = this.identity;
    if (id === void 0) this.identity = { fileSize, etag, lastModified };
    else if (fileSize !== id.fileSize) {
      res.discard();
      throw this.changed(`its size went from ${id.fileSize} to ${fileSize} bytes`);
    } else if (etag !== void 0 && id.etag !== void 0 && etag !== id.etag) {
      res.discard();
      throw this.changed(`its ETag went from ${id.etag} to ${etag}`);
    }
    const expected = want ?? { start: Math.max(0, fileSize - Number(/\d+$/.exec(header)?.[0])), end: fileSize };
    if (start !== expected.start || last + 1 !== expected.end) {
      res.discard();
      if (want === void 0) throw new SuffixMisread();
      throw new TransientDownloadError(`the server answered ${header} with bytes ${start}-${last}`);
    }
    return expected;
  }
  changed(how) {
    return new DataError(`${this.req.shown}: the file changed while it was being read by ranges: ${how}`, {
      file: this.req.shown,
      rule: "download",
      hint: "Rerun once the file stops changing; if it was replaced on purpose, the run then prints the new data.ranges_sha256."
    });
  }
};
function readBody(res, watchdog) {
  return new Promise((resolve, reject) => {
    const parts = [];
    res.body.on("data", (chunk) => {
      watchdog.alive();
      parts.push(chunk);
    });
    res.body.on("aborted", () => reject(new Error("aborted")));
    res.body.on("error", reject);
    res.body.on("end", () => resolve(new Uint8Array(Buffer.concat(parts))));
    res.body.on("close", () => reject(new Error("closed before the end")));
  });
}
async function readWholeBody(req, target) {
  const copy = `${target}.whole`;
  await mkdir(join(req.cacheDir, "parquet-ranges"), { recursive: true });
  const attempts = req.attempts ?? 5;
  try {
    await retry(() => downloadWhole(req, copy), {
      attempts,
      isRetryable: (err) => err instanceof TransientDownloadError,
      sleep: req.sleep,
      delayMs: (attempt) => 250 * 2 ** (attempt - 1)
    }).catch((err) => {
      if (!(err instanceof TransientDownloadError)) throw err;
      throw new DataError(`${req.shown}: download failed after ${attempts} tries: ${err.message}`, {
        file: req.shown,
        rule: "download",
        hint: "Check the network and the server; a rerun starts again."
      });
    });
    const fileSize = (await stat(copy)).size;
    const handle = await open(copy, "r");
    try {
      const range = async ({ start, end }) => {
        const bytes = new Uint8Array(end - start);
        await handle.read(bytes, 0, bytes.length, start);
        return bytes;
      };
      return await readRemote(req, {
        tail: async (length) => ({ bytes: await range({ start: Math.max(0, fileSize - length), end: fileSize }), fileSize }),
        range
      });
    } finally {
      await handle.close();
    }
  } finally {
    await rm(copy, { force: true });
  }
}
async function downloadWhole(req, copy) {
  const watchdog = stallWatchdog(req.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS);
  try {
    let res;
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
    await saveBodyTo(res.body, copy, "w", watchdog);
    const length = Number(res.headers["content-length"]);
    const size = (await stat(copy)).size;
    if (Number.isFinite(length) && size !== length) throw new TransientDownloadError(`a short body: ${size} of ${length} bytes`);
  } finally {
    watchdog.stop();
  }
}
function concat(a, b) {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
async function inParallel(items, fn) {
  const out = new Array(items.length);
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
export {
  readParquetByRanges,
  sharedRangesKey
};
