import { setTimeout as sleep } from 'node:timers/promises';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { UsageError } from '../errors.js';
import { selectBackend } from '../model/backend.js';
import { assertEnvName } from '../registry/layout.js';
import { useDrain } from '../serve/drain.js';
import { startPoller } from '../serve/poller.js';
import { formatLogger, useRequestLog, type LogFormat } from '../serve/request-log.js';
import { createServer } from '../serve/server.js';
import { EXIT, reportError, type CliIo } from './cli-io.js';
import { openServeRepository } from './serve-repository.js';

export interface ServeOptions {
  env?: string;
  port?: string;
  host?: string;
  repo?: string;
  pollSeconds?: string;
  backend?: string;
  pendingRows?: string;
  liveWindow?: string;
  cacheDir?: string;
  branch?: string;
  drainSeconds?: string;
  logFormat?: string;
  logInputs?: boolean;
  maxBodyBytes?: string;
  maxBatchBodyBytes?: string;
  maxConcurrentRequests?: string;
}

/**
 * `pipepilot serve`: listens, loads what the environment's manifests name (read from git, every
 * file digest-checked), then polls git and swaps models as manifests change, until SIGINT or
 * SIGTERM (or `until` settles, in tests), when it stops accepting connections, lets the requests
 * in flight finish (at most `--drain-seconds`) and unloads the models.
 */
export async function serveCommand(io: CliIo, opts: ServeOptions, until?: Promise<unknown>): Promise<number> {
  try {
    const settings = serveSettings(opts);
    const clock = { now: () => Date.now() };
    const log = formatLogger(settings.logFormat, clock, settings.logFormat === 'json' ? io.stdout : io.stderr);
    const backend = await selectBackend(asBackend(opts.backend ?? io.env.PIPEPILOT_BACKEND));
    log.info(`backend: ${backend.name} (${backend.reason})`);
    const env = opts.env ?? 'production';
    const repository = await openServeRepository({ repo: opts.repo, cacheDir: opts.cacheDir, branch: opts.branch, env }, { cwd: io.cwd, env: io.env, log });
    const metrics = new Registry();
    // process_resident_memory_bytes, nodejs_heap_size_used_bytes, event-loop lag…: the runbook's OOM and latency checks.
    collectDefaultMetrics({ register: metrics });
    const app = createServer({
      loadDeployment: repository.load,
      clock,
      log,
      metrics,
      drift: (model) => (repository.psiMax.has(model) ? { psiMax: repository.psiMax.get(model) } : {}),
      limits: { singleBytes: settings.maxBodyBytes, batchBytes: settings.maxBatchBodyBytes },
      live: settings.live,
    });
    const drain = useDrain(app, { maxConcurrent: settings.maxConcurrentRequests });
    if (settings.logFormat === 'json') useRequestLog(app, { write: io.stdout, clock, logInputs: opts.logInputs === true, answerOf: app.answerOf });
    const address = await app.listen({ port: settings.port, host: opts.host ?? '127.0.0.1' });
    const listening = `listening on ${address} (env ${env}, following ${repository.describe}, every ${settings.pollSeconds} s)`;
    if (settings.logFormat === 'json') log.info(listening);
    else io.stdout(`${listening}\n`);
    await app.refresh();
    const poller = startPoller({ refresh: () => app.refresh(), intervalMs: settings.pollSeconds * 1000, sleep: (ms, signal) => sleep(ms, undefined, { signal }), log });
    const reason = await (until ?? shutdownSignal());
    log.info(`${typeof reason === 'string' ? reason : 'stop'}: shutting down, draining ${drain.inFlight} request(s) in flight (at most ${settings.drainSeconds} s)`);
    await poller.stop();
    const left = await drain.drainAndClose(settings.drainSeconds * 1000);
    log.info(left === 0 ? 'drained: every request in flight was answered; exiting' : `drain timed out: ${left} request(s) cut after ${settings.drainSeconds} s`);
    return EXIT.ok;
  } catch (err) {
    return reportError(io, err);
  }
}

interface ServeSettings {
  port: number;
  pollSeconds: number;
  drainSeconds: number;
  logFormat: LogFormat;
  maxBodyBytes: number;
  maxBatchBodyBytes: number;
  maxConcurrentRequests: number;
  /** The live-outcome windows (`--pending-rows`, `--live-window`; docs/monitoring.md). */
  live: { pendingRows: number; windowRows: number };
}

/** Every numeric and enumerated flag checked before anything starts: a bad one is a usage error (exit 2). */
export function serveSettings(opts: ServeOptions): ServeSettings {
  const logFormat = opts.logFormat ?? 'text';
  if (logFormat !== 'text' && logFormat !== 'json') throw new UsageError(`--log-format ${logFormat}: expected text or json`);
  if (opts.env !== undefined) assertEnvName(opts.env);
  return {
    port: integerOption('--port', opts.port ?? '8080', 0, 65535),
    pollSeconds: integerOption('--poll-seconds', opts.pollSeconds ?? '10', 1, 86400),
    drainSeconds: integerOption('--drain-seconds', opts.drainSeconds ?? String(DEFAULT_DRAIN_SECONDS), 0, 3600),
    logFormat,
    maxBodyBytes: integerOption('--max-body-bytes', opts.maxBodyBytes ?? String(1024 * 1024), 1024, 1024 ** 3),
    maxBatchBodyBytes: integerOption('--max-batch-body-bytes', opts.maxBatchBodyBytes ?? String(32 * 1024 * 1024), 1024, 1024 ** 3),
    maxConcurrentRequests: integerOption('--max-concurrent-requests', opts.maxConcurrentRequests ?? String(DEFAULT_MAX_CONCURRENT), 0, 1_000_000),
    live: { pendingRows: integerOption('--pending-rows', opts.pendingRows ?? '10000', 0, 10_000_000), windowRows: integerOption('--live-window', opts.liveWindow ?? '10000', 1, 10_000_000) },
  };
}

/** Below Kubernetes' default 30 s grace period, leaving time for the preStop pause (deploy/kubernetes). */
export const DEFAULT_DRAIN_SECONDS = 20;
/** Far above what two cores score at once; it bounds memory under a burst (each request holds its parsed body). */
export const DEFAULT_MAX_CONCURRENT = 256;

function shutdownSignal(): Promise<string> {
  return new Promise((done) => {
    const on = (signal: NodeJS.Signals) => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      done(signal);
    };
    process.once('SIGINT', on);
    process.once('SIGTERM', on);
  });
}

function integerOption(name: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || n < min || n > max) throw new UsageError(`${name} ${text}: expected a whole number from ${min} to ${max}`);
  return n;
}

function asBackend(name: string | undefined): 'tensorflow' | 'wasm' | 'cpu' | undefined {
  return name === 'tensorflow' || name === 'wasm' || name === 'cpu' ? name : undefined;
}
