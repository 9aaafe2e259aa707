import { afterAll, describe, expect, it } from 'vitest';
import {
  PARALLEL_MIN_DRAWS, type ResampleHelpers, type ResampleJob, bootstrapIntervals, pairedDifferenceSamples,
} from '../../../src/evaluate/bootstrap.js';
import { compareWithBaseline } from '../../../src/evaluate/baseline-comparison.js';
import { HEADLINE_METRICS, taskResampler } from '../../../src/evaluate/evaluation.js';
import { bootstrapWorkers } from '../../../src/cli/bootstrap-workers.js';
import { Rng } from '../../../src/rng.js';

/**
 * The bootstrap shared with helper threads (issue 10): real worker threads (the shell's pool),
 * and the same intervals, bit for bit, with 0, 1 or 2 helpers. The pinned figures were computed
 * by the single-threaded code of main at b42dfb3 on this data.
 */
const N = 20_000;
const SAMPLES = 250;
/** The pools share from 1M draws (5M here); the shell's share from PARALLEL_MIN_DRAWS, which would make these tests slow. */
const MIN_DRAWS = 1_000_000;
const rng = new Rng(31);
const y = new Float64Array(N);
const p = new Float32Array(N);
const q = new Float32Array(N);
for (let i = 0; i < N; i++) {
  y[i] = rng.next() < 0.3 ? 1 : 0;
  p[i] = Math.round(100 / (1 + Math.exp(-(2 * y[i] - 1 + rng.normal())))) / 100; // ties, as real scores have
  q[i] = Math.round(100 / (1 + Math.exp(-(1.5 * y[i] - 0.75 + rng.normal())))) / 100;
}
const reading = { task: 'binary_classification' as const, classes: ['no', 'yes'], threshold: 0.5 };
const opts = { samples: SAMPLES, seed: 11, confidence: 0.95, metrics: HEADLINE_METRICS.binary_classification };
const intervals = (helpers?: ResampleHelpers) => bootstrapIntervals(taskResampler(reading, y, p), N, opts, helpers);
const paired = (helpers?: ResampleHelpers) => pairedDifferenceSamples(taskResampler(reading, y, q), taskResampler(reading, y, p), N, opts, helpers);

const one = bootstrapWorkers(1, MIN_DRAWS);
const two = bootstrapWorkers(2, MIN_DRAWS);
afterAll(async () => {
  await Promise.all([one.close(), two.close()]);
});

/** A helper that records the jobs it is given and does nothing with them: the caller must draw everything. */
function idleHelper(): ResampleHelpers & { jobs: ResampleJob[] } {
  const jobs: ResampleJob[] = [];
  return { count: 1, minDraws: MIN_DRAWS, jobs, start: (job) => { jobs.push(job); } };
}

describe('the bootstrap on several threads', () => {
  it('gives the pinned intervals with 0, 1 and 2 helper threads', () => {
    const alone = intervals();
    expect(alone.roc_auc).toEqual({ low: 0.917121875493672, high: 0.9254510812501185 });
    // Twice each: the second job finds the workers started and takes a larger share.
    for (const pool of [one, two, one, two]) expect(intervals(pool)).toEqual(alone);
  });

  it('gives the same paired differences, resample by resample, with helpers', () => {
    const alone = paired();
    expect([alone.roc_auc[0], alone.roc_auc[137], alone.log_loss[249]]).toEqual([0.06912812377613897, 0.06597447144475221, -0.09079147818837063]);
    for (const pool of [one, two]) {
      const shared = paired(pool);
      for (const m of opts.metrics) expect(shared[m]).toEqual(alone[m]);
    }
  });

  it('gives the same baseline comparison with helpers (the run passes its pool through)', () => {
    const req = { task: reading.task, yTrue: y, candidate: p, baseline: q, classes: reading.classes, threshold: 0.5, bootstrap: { samples: SAMPLES, seed: 3, confidence: 0.9 } };
    expect(compareWithBaseline({ ...req, helpers: one })).toEqual(compareWithBaseline(req));
  });

  it('uses what a worker thread drew: the pinned intervals when the worker draws every shared resample', () => {
    // Starts the job on the real worker, then waits until it has done every resample past the
    // caller's own, so none of those comes from the calling thread.
    let byWorker = 0;
    const patient: ResampleHelpers = {
      count: 1,
      minDraws: MIN_DRAWS,
      start: (job) => {
        one.start(job);
        for (let s = job.from; s < job.samples; s++) {
          Atomics.wait(job.done, s, 0, 30_000);
          byWorker += Atomics.load(job.done, s);
        }
      },
    };
    expect(intervals(patient).roc_auc).toEqual({ low: 0.917121875493672, high: 0.9254510812501185 });
    expect(byWorker).toBe(SAMPLES / 2);
  });

  it('draws every resample itself when a helper never starts', () => {
    const idle = idleHelper();
    expect(intervals(idle)).toEqual(intervals());
    expect(idle.jobs).toHaveLength(1);
    expect(idle.jobs[0].from).toBe(SAMPLES / 2); // the caller's own half; the rest is claimed in blocks
  });

  it('draws a block a helper claimed and never finished, after a short wait', () => {
    // This helper claims the first shared block and then stops answering.
    const stuck: ResampleHelpers = { count: 1, minDraws: MIN_DRAWS, start: (job) => { Atomics.add(job.control, 0, job.block); } };
    expect(intervals(stuck)).toEqual(intervals());
  });

  it('shares from minDraws draws on, and not one draw below; the pool of a run from PARALLEL_MIN_DRAWS', () => {
    expect(bootstrapWorkers(1).minDraws).toBe(PARALLEL_MIN_DRAWS);
    const rows = 8000;
    const at = MIN_DRAWS / rows;
    expect(Number.isInteger(at)).toBe(true);
    const ys = y.subarray(0, rows);
    const ps = p.subarray(0, rows);
    const started = (samples: number, r: number) => {
      const idle = idleHelper();
      bootstrapIntervals(taskResampler(reading, ys.subarray(0, r), ps.subarray(0, r)), r, { ...opts, samples }, idle);
      return idle.jobs.length;
    };
    expect(started(at, rows)).toBe(1);
    expect(started(at, rows - 1)).toBe(0);
  });

  it('stays on the calling thread for a scorer without sources (a custom compute) or with no helper threads', () => {
    const idle = idleHelper();
    const compute = taskResampler(reading, y, p);
    delete compute.source;
    expect(bootstrapIntervals(compute, N, opts, idle)).toEqual(intervals());
    expect(bootstrapIntervals(taskResampler(reading, y, p), N, opts, { ...idle, count: 0 })).toEqual(intervals());
    expect(idle.jobs).toHaveLength(0);
  });
});
