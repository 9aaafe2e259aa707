import { setTimeout as sleep } from 'node:timers/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Registry } from 'prom-client';
import { UsageError } from '../errors.js';
import { createGit } from '../git/simple-git-client.js';
import { selectBackend } from '../model/backend.js';
import type { Logger } from '../ports.js';
import { gitDeploymentSource } from '../serve/deployment-source.js';
import { startPoller } from '../serve/poller.js';
import { createServer } from '../serve/server.js';
import { loadSpec } from '../spec/load-spec.js';
import { EXIT, reportError, type CliIo } from './cli-io.js';

export interface ServeOptions {
  env?: string;
  port?: string;
  host?: string;
  repo?: string;
  pollSeconds?: string;
  backend?: string;
  pendingRows?: string;
  liveWindow?: string;
}

/**
 * `pipepilot serve`: listens, loads what the environment's manifests name (read from git, every
 * file digest-checked), then polls git and swaps models as manifests change, until SIGINT or
 * SIGTERM (or `until` settles, in tests), when it stops taking requests, lets the ones in flight
 * finish and unloads the models.
 */
export async function serveCommand(io: CliIo, opts: ServeOptions, until?: Promise<unknown>): Promise<number> {
  try {
    const port = integerOption('--port', opts.port ?? '8080', 0, 65535);
    const pollSeconds = integerOption('--poll-seconds', opts.pollSeconds ?? '10', 1, 86400);
    const env = opts.env ?? 'production';
    const live = { pendingRows: integerOption('--pending-rows', opts.pendingRows ?? '10000', 1, 10_000_000), windowRows: integerOption('--live-window', opts.liveWindow ?? '10000', 1, 10_000_000) };
    const log: Logger = { info: (m) => io.stderr(`${m}\n`), warn: (m) => io.stderr(`warning: ${m}\n`) };
    const backend = await selectBackend(asBackend(opts.backend ?? io.env.PIPEPILOT_BACKEND));
    log.info(`backend: ${backend.name} (${backend.reason})`);
    const git = await createGit(resolve(io.cwd, opts.repo ?? '.'));
    const source = await gitDeploymentSource(git, { env });
    const psiMax = driftThresholds(git.root, log);
    const app = createServer({
      loadDeployment: source.load,
      clock: { now: () => Date.now() },
      log,
      metrics: new Registry(),
      drift: (model) => (psiMax.has(model) ? { psiMax: psiMax.get(model) } : {}),
      live,
    });
    const address = await app.listen({ port, host: opts.host ?? '127.0.0.1' });
    io.stdout(`listening on ${address} (env ${env}, following ${source.follows} in ${git.root}, every ${pollSeconds} s)\n`);
    await app.refresh();
    const poller = startPoller({ refresh: () => app.refresh(), intervalMs: pollSeconds * 1000, sleep: (ms, signal) => sleep(ms, undefined, { signal }), log });
    const reason = await (until ?? shutdownSignal());
    log.info(`${typeof reason === 'string' ? reason : 'stop'}: shutting down`);
    await poller.stop();
    await app.close();
    return EXIT.ok;
  } catch (err) {
    return reportError(io, err);
  }
}

/**
 * Each model's `deploy.drift.psi_max`, from the pipelines in the repository's `pipelines/` at
 * start-up (keyed by the pipeline's name, which is the model's). A pipeline that does not load is
 * skipped with a warning: its model is still served, with the default threshold (0.2).
 */
function driftThresholds(root: string, log: Logger): Map<string, number> {
  const thresholds = new Map<string, number>();
  let names: string[] = [];
  try {
    names = readdirSync(join(root, 'pipelines')).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    return thresholds;
  }
  for (const name of names) {
    const file = `pipelines/${name}`;
    try {
      const { spec } = loadSpec(readFileSync(join(root, file), 'utf8'), { file, root });
      if (spec.deploy.drift) thresholds.set(spec.name, spec.deploy.drift.psi_max);
    } catch (err) {
      log.warn(`${file}: not read for its drift threshold (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`);
    }
  }
  return thresholds;
}

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
