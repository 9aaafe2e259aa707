/**
 * Entry of a `pipepilot tune` worker thread: receives the trial setup once, then trials one at
 * a time, and posts each finished trial back. The work is the same runTrial the inline executor calls.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runTrial, type TrialTask } from '../tune/objective.js';
import { modelTrainer } from '../tune/model-trainer.js';
import type { TrialSetup } from '../use-cases/tune-pipeline.js';

const setup = workerData as TrialSetup;
const ctx = { ...setup, trainer: modelTrainer(setup.model, setup.classCount), now: () => performance.now() };

parentPort?.on('message', (task: TrialTask) => {
  try {
    parentPort?.postMessage({ ok: true, record: runTrial(task, ctx) });
  } catch (err) {
    parentPort?.postMessage({ ok: false, message: err instanceof Error ? err.stack ?? err.message : String(err) });
  }
});
