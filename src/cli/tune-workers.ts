import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TrialTask } from '../tune/objective.js';
import type { TrialRecord } from '../tune/trial.js';
import type { TrialExecutor, TrialSetup } from '../use-cases/tune-pipeline.js';

/**
 * The built CLI runs lib/cli/tune-worker.js. Under tests and `npm run bench` this module is
 * TypeScript source: the worker then registers tsx (resolved from here, not from the user's cwd)
 * before importing the .ts entry.
 */
function startWorker(setup: TrialSetup): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./tune-worker.js', import.meta.url), { workerData: setup });
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  const entry = new URL('./tune-worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true, workerData: setup });
}

type Reply = { ok: true; record: TrialRecord } | { ok: false; message: string };

/**
 * A pool of worker_threads running trials. Each worker gets the folds once (structured clone)
 * and then one trial at a time; a group's trials go to whichever worker is free, so trials finish
 * in any order — the study does not care (see runStudy). `abort()` terminates the workers: the
 * trials they were running are lost, the finished ones are already on disk.
 */
export function workerPool(setup: TrialSetup, size: number): TrialExecutor & { close: () => Promise<void>; abort: () => Promise<void> } {
  const workers = Array.from({ length: size }, () => startWorker(setup));
  let aborted = false;

  const execute = async (tasks: TrialTask[], onTrial: (t: TrialRecord) => void): Promise<void> => {
    const queue = [...tasks];
    const run = async (w: Worker): Promise<void> => {
      for (let task = queue.shift(); task !== undefined && !aborted; task = queue.shift()) {
        const reply = await new Promise<Reply | undefined>((resolve, reject) => {
          const onMessage = (r: Reply) => done(r);
          const onError = (e: Error) => (aborted ? done(undefined) : (cleanup(), reject(e)));
          const onExit = () => done(undefined);
          const cleanup = () => {
            w.off('message', onMessage).off('error', onError).off('exit', onExit);
          };
          const done = (r: Reply | undefined) => (cleanup(), resolve(r));
          w.on('message', onMessage).on('error', onError).on('exit', onExit);
          w.postMessage(task);
        });
        if (reply === undefined) return;
        if (!reply.ok) throw new Error(`a tune worker failed: ${reply.message}`);
        onTrial(reply.record);
      }
    };
    await Promise.all(workers.map(run));
  };
  const close = async () => {
    await Promise.all(workers.map((w) => w.terminate()));
  };
  const abort = async () => {
    aborted = true;
    // Terminating a busy worker emits 'exit', which settles the trial it was running as not finished.
    await close();
  };
  return Object.assign(execute, { close, abort });
}
