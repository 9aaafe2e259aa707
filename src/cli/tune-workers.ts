import { Worker } from 'node:worker_threads';
import type { TrialTask } from '../tune/objective.js';
import type { TrialRecord } from '../tune/trial.js';
import type { TrialExecutor, TrialSetup } from '../use-cases/tune-pipeline.js';

type Reply = { ok: true; record: TrialRecord } | { ok: false; message: string };

/**
 * A pool of worker_threads running trials. Each worker gets the folds once (structured clone)
 * and then one trial at a time; a group's trials go to whichever worker is free, so trials finish
 * in any order — the study does not care (see runStudy). `abort()` terminates the workers: the
 * trials they were running are lost, the finished ones are already on disk.
 */
export function workerPool(setup: TrialSetup, size: number): TrialExecutor & { close: () => Promise<void>; abort: () => Promise<void> } {
  const url = new URL(import.meta.url.endsWith('.ts') ? './tune-worker.ts' : './tune-worker.js', import.meta.url);
  // Under tests and `npm run bench` the sources are TypeScript: let the worker load them through tsx.
  const execArgv = import.meta.url.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const workers = Array.from({ length: size }, () => new Worker(url, { workerData: setup, execArgv }));
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
