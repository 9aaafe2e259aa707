/**
 * Entry of a bootstrap helper thread (src/cli/bootstrap-workers.ts): for each job, builds the
 * scorers from their sources as the calling thread built them, and claims resamples beside it
 * (helpResamples, the same code the caller runs). A failure tells the caller, which then draws
 * this thread's blocks itself.
 */
import { parentPort } from 'node:worker_threads';
import { type ResampleJob, helpResamples, helperFailed } from '../evaluate/bootstrap.js';
import { taskResampler } from '../evaluate/evaluation.js';

parentPort?.on('message', (job: ResampleJob) => {
  try {
    helpResamples(job.sources.map((s) => taskResampler(s, s.yTrue, s.output)), job);
  } catch {
    helperFailed(job);
  }
});
