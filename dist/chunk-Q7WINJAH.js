import { createRequire as __pipepilotCreateRequire } from 'node:module';
import { fileURLToPath as __pipepilotFileURLToPath } from 'node:url';
const require = __pipepilotCreateRequire(import.meta.url);
var __filename = __pipepilotFileURLToPath(import.meta.url);
var __dirname = __pipepilotFileURLToPath(new URL('.', import.meta.url));
import {
  DataError
} from "./chunk-5VPJA5XD.js";

// src/retry.ts
async function retry(fn, options) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (attempt >= options.attempts || !options.isRetryable(err)) throw err;
      await options.sleep(options.delayMs?.(attempt) ?? 0);
    }
  }
}

// src/fetch/download.ts
import { createHash } from "node:crypto";
import { closeSync, createReadStream, openSync, writeSync } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
function sharedCacheKey(pin) {
  return `pipepilot-data-${pin.algorithm}-${pin.hex}`;
}
var DEFAULT_STALL_TIMEOUT_MS = 3e4;
var TransientDownloadError = class extends Error {
};
function cachedPath(cacheDir, pin) {
  return join(cacheDir, pin.algorithm, pin.hex);
}
async function downloadPinned(req) {
  const target = cachedPath(req.cacheDir, req.pin);
  if (await exists(target)) return target;
  await mkdir(dirname(target), { recursive: true });
  if (req.shared !== void 0 && await tryRestoreShared(req.shared, target, req.pin)) return target;
  const partial = `${target}.partial`;
  await retry(() => fetchOnce(req, partial), {
    attempts: req.attempts ?? 5,
    isRetryable: (err) => err instanceof TransientDownloadError,
    sleep: req.sleep,
    delayMs: (attempt) => 250 * 2 ** (attempt - 1)
  }).catch((err) => {
    if (!(err instanceof TransientDownloadError)) throw err;
    throw new DataError(`${req.shown}: download failed after ${req.attempts ?? 5} tries: ${err.message}`, {
      file: req.shown,
      rule: "download",
      hint: "Check the network and the server; a rerun resumes where this one stopped."
    });
  });
  const actual = await hashFile(partial, req.pin.algorithm);
  if (actual !== req.pin.hex) {
    await rm(partial, { force: true });
    throw new DataError(`${req.shown}: downloaded data has ${req.pin.algorithm}:${actual}, but the pin says ${req.pin.algorithm}:${req.pin.hex}`, {
      file: req.shown,
      rule: "pin",
      hint: "The data changed at its source or the pin is wrong: check the file and update the pin (data.sha256, or `dvc add` for DVC)."
    });
  }
  await rename(partial, target);
  await req.shared?.save(target, sharedCacheKey(req.pin));
  return target;
}
async function tryRestoreShared(shared, target, pin) {
  if (!await shared.tryRestore(target, sharedCacheKey(pin))) return false;
  if (await exists(target) && await hashFile(target, pin.algorithm) === pin.hex) return true;
  await rm(target, { force: true });
  return false;
}
async function fetchOnce(req, partial) {
  const have = await exists(partial) ? (await stat(partial)).size : 0;
  const watchdog = stallWatchdog(req.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS);
  try {
    let res;
    try {
      res = await req.fetch(req.url, { headers: have > 0 ? { range: `bytes=${have}-` } : {}, signal: watchdog.signal });
    } catch (err) {
      throw new TransientDownloadError(watchdog.stalled() ?? `cannot connect (${causeText(err)})`);
    }
    if (res.status === 416) {
      res.discard();
      await rm(partial, { force: true });
      throw new TransientDownloadError("the server refused the resume range; starting over");
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
    await saveBodyTo(res.body, partial, append ? "a" : "w", watchdog);
  } finally {
    watchdog.stop();
  }
}
function stallWatchdog(timeoutMs) {
  const controller = new AbortController();
  let fired = false;
  const fire = () => {
    fired = true;
    controller.abort(new Error("stalled"));
  };
  let timer = setTimeout(fire, timeoutMs);
  return {
    signal: controller.signal,
    alive: () => {
      clearTimeout(timer);
      timer = setTimeout(fire, timeoutMs);
    },
    stalled: () => fired ? `the download stalled: no byte for ${timeoutMs / 1e3} s` : void 0,
    stop: () => clearTimeout(timer)
  };
}
async function saveBodyTo(body, path, flags, watchdog) {
  const fd = openSync(path, flags);
  try {
    await saveBody(body, fd, watchdog.alive);
  } catch (err) {
    throw new TransientDownloadError(watchdog.stalled() ?? `the connection was cut mid-download (${causeText(err)})`);
  } finally {
    closeSync(fd);
  }
}
function saveBody(body, fd, alive) {
  return new Promise((resolve, reject) => {
    body.on("data", (chunk) => {
      alive();
      try {
        writeSync(fd, chunk);
      } catch (err) {
        body.destroy(err);
      }
    });
    body.on("aborted", () => reject(new Error("aborted")));
    body.on("error", reject);
    body.on("end", resolve);
    body.on("close", () => reject(new Error("closed before the end")));
  });
}
function httpError(shown, status) {
  if (status === 404) {
    return new DataError(`${shown}: not found (HTTP 404)`, { file: shown, rule: "download", hint: "Check data.source; for DVC, push the data with `dvc push`." });
  }
  if (status === 401 || status === 403) {
    return new DataError(`${shown}: access denied (HTTP ${status})`, {
      file: shown,
      rule: "download",
      hint: "Give credentials through the environment (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY for s3://, PIPEPILOT_HTTP_AUTHORIZATION for https://)."
    });
  }
  return new DataError(`${shown}: download failed (HTTP ${status})`, { file: shown, rule: "download" });
}
function causeText(err) {
  const cause = err?.cause;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}
async function hashFile(path, algorithm) {
  const hash = createHash(algorithm);
  for await (const chunk of createReadStream(path)) hash.update(chunk);
  return hash.digest("hex");
}
async function exists(path) {
  return stat(path).then(() => true, () => false);
}

export {
  retry,
  DEFAULT_STALL_TIMEOUT_MS,
  TransientDownloadError,
  downloadPinned,
  stallWatchdog,
  saveBodyTo,
  httpError,
  causeText,
  hashFile
};
