import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { PARALLEL_MIN_DRAWS, type ResampleHelpers, type ResampleJob } from '../evaluate/bootstrap.js';

/**
 * The bootstrap's helper threads (issue 10: the evaluation on both cores): `count` worker
 * threads, started at the first job of `minDraws` draws or more (most runs never start one), kept for
 * the process's next jobs, and unref'd so they never hold the process open. The built CLI runs
 * lib/cli/bootstrap-worker.js, the action's bundle dist/bootstrap-worker.js; under tests and
 * `npm run bench` this module is TypeScript and the worker registers tsx first (as tune-workers.ts).
 */
export function bootstrapWorkers(count: number, minDraws = PARALLEL_MIN_DRAWS): ResampleHelpers & { close: () => Promise<void> } {
  let workers: Worker[] | undefined;
  return {
    count: Math.max(0, count),
    minDraws,
    start(job: ResampleJob) {
      workers ??= Array.from({ length: Math.max(0, count) }, startWorker);
      for (const w of workers) w.postMessage(job);
    },
    async close() {
      await Promise.all((workers ?? []).map((w) => w.terminate()));
      workers = undefined;
    },
  };
}

function startWorker(): Worker {
  let worker: Worker;
  if (!import.meta.url.endsWith('.ts')) {
    worker = new Worker(new URL('./bootstrap-worker.js', import.meta.url));
  } else {
    const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
    const tsx = pathToFileURL(join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
    const entry = new URL('./bootstrap-worker.ts', import.meta.url).href;
    worker = new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
  }
  worker.unref();
  // A worker that cannot start (no worker file beside this one) claims nothing: the caller draws its share.
  worker.on('error', () => undefined);
  return worker;
}

let processWorkers: ReturnType<typeof bootstrapWorkers> | undefined;

/** The process's bootstrap helpers: one per core beyond the first, shared by every run the process makes (the action checks several pipelines). */
export function processBootstrapWorkers(): ResampleHelpers {
  processWorkers ??= bootstrapWorkers(availableParallelism() - 1);
  return processWorkers;
}
