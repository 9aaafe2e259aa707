import { PipePilotError } from '../errors.js';
import { Rng } from '../rng.js';
import type { Task } from '../spec/types.js';
import type { Scores } from './metric-inputs.js';
import { sortedQuantile } from './statistics.js';

/**
 * Percentile bootstrap over test rows. Deterministic: the same seed, rows and compute give the
 * same intervals bit for bit (resamples come from src/rng.ts only).
 *
 * `compute` receives the row indices of one resample (drawn with replacement, `rows` of them).
 * The buffer is reused between resamples: read it, do not keep it. Each resample is scored for
 * `metrics`; resamples where a metric is NaN (e.g. roc_auc on a resample with one class) are left
 * out of that metric's interval, and a metric NaN on every resample gets a NaN interval.
 */
export interface BootstrapOptions {
  /** Number of resamples; 0 turns the bootstrap off. */
  samples: number;
  seed: number;
  /** Coverage of the interval in (0, 1), e.g. 0.95 → the 2.5th and 97.5th percentiles. */
  confidence: number;
  metrics: string[];
}

export interface Interval {
  low: number;
  high: number;
}

/** Per-row draw counts of one resample: bytes where the draws kernel can count them (almost always), else 32-bit. */
export type DrawCounts = Int32Array | Uint8Array;

export type ComputeMetrics = ((indices: Uint32Array) => Record<string, number>) & {
  /**
   * The same scores from per-row draw counts (countingResampler sets it). When every scorer of a
   * bootstrap has it, draws go straight into one counts array: no index buffer, no second pass.
   */
  fromCounts?: (counts: DrawCounts, metrics: readonly string[]) => Record<string, number>;
  /** What the scorer was built from (taskResampler sets it): a helper thread builds the same scorer from it. */
  source?: ResampleSource;
};

/** A task scorer's inputs as plain data, so they cross a worker_threads boundary. */
export interface ResampleSource {
  task: Task;
  classes: string[];
  threshold: number;
  yTrue: Float64Array;
  output: Scores;
}

/**
 * Threads besides the caller's that score resamples: the shell's worker pool
 * (src/cli/bootstrap-workers.ts). A helper builds the job's scorers from their sources and runs
 * helpResamples; the caller runs the same code, so the values are the same bits whatever the
 * number of helpers, or none.
 */
export interface ResampleHelpers {
  /** Helper threads a job gets. */
  readonly count: number;
  /** Bootstraps of fewer draws in all (resamples × rows) stay on the calling thread; the shell's pool uses PARALLEL_MIN_DRAWS. */
  readonly minDraws: number;
  /** Hands `job` to every helper and returns at once; a helper that never starts leaves its share to the caller. */
  start(job: ResampleJob): void;
}

/**
 * One bootstrap spread over threads, in shared memory. The caller draws resamples [0, from)
 * alone; the rest are claimed `block` at a time through control[NEXT] by whichever thread is
 * free, each having passed the draws before its block (Rng.skipInts), so every resample gets
 * exactly the draws it gets on one thread.
 */
export interface ResampleJob {
  rows: number;
  seed: number;
  samples: number;
  metrics: string[];
  sources: ResampleSource[];
  from: number;
  block: number;
  /** [next unclaimed resample, stop, a helper failed] (Int32Array over a SharedArrayBuffer). */
  control: Int32Array;
  /** 1 where a resample's values are in (Int32Array over a SharedArrayBuffer). */
  done: Int32Array;
  /** values[(source · metrics + metric) · samples + resample] (Float64Array over a SharedArrayBuffer). */
  values: Float64Array;
}

const NEXT = 0;
const STOP = 1;
const FAILED = 2;

/**
 * A resample scorer from weighted metrics: turns the drawn row indices into per-row draw counts
 * and scores with those as weights, so no resample ever copies rows (test sets can be 600k rows).
 */
export function countingResampler(rows: number, scoreWeighted: (counts: DrawCounts, metrics?: readonly string[]) => Record<string, number>): ComputeMetrics {
  // Int32: half the bytes of float64 counts, and the random increments are a resample's largest cost.
  const counts = new Int32Array(rows);
  const compute: ComputeMetrics = (indices) => {
    counts.fill(0);
    for (let i = 0; i < indices.length; i++) counts[indices[i]] += 1;
    return scoreWeighted(counts);
  };
  compute.fromCounts = scoreWeighted;
  return compute;
}

export function bootstrapIntervals(
  compute: ComputeMetrics,
  rows: number,
  opts: BootstrapOptions,
  helpers?: ResampleHelpers,
): Record<string, Interval> {
  checkOptions(rows, opts);
  if (opts.samples === 0) return {};
  const values = resampleValues(rows, opts, [compute], helpers);
  return Object.fromEntries(opts.metrics.map((m, j) => [m, percentileInterval(values[0][j], opts.confidence)]));
}

/** A paired bootstrap of metric(B) − metric(A), both scored on the same resampled rows. */
export interface PairedDifference extends Interval {
  /** metric(B) − metric(A) on all rows. */
  estimate: number;
  /**
   * Share of resamples (where both are defined) with a difference <= 0: a one-sided
   * p-value-like figure for "B is higher than A". For a lower-is-better metric read it the
   * other way round. NaN when no resample defines the difference.
   */
  shareAtMostZero: number;
}

export function pairedBootstrapDifference(
  computeA: ComputeMetrics,
  computeB: ComputeMetrics,
  rows: number,
  opts: BootstrapOptions,
): Record<string, PairedDifference> {
  checkOptions(rows, opts);
  if (opts.samples === 0) return {};
  const all = new Uint32Array(rows);
  for (let i = 0; i < rows; i++) all[i] = i;
  const fullA = pick(computeA(all), opts.metrics);
  const fullB = pick(computeB(all), opts.metrics);
  const samples = pairedDifferenceSamples(computeA, computeB, rows, opts);
  return Object.fromEntries(
    opts.metrics.map((m, j) => {
      const diffs = samples[m];
      const defined = diffs.filter((d) => !Number.isNaN(d));
      const atMostZero = defined.filter((d) => d <= 0).length;
      return [m, {
        estimate: fullB[j] - fullA[j],
        ...percentileInterval(diffs, opts.confidence),
        shareAtMostZero: defined.length === 0 ? NaN : atMostZero / defined.length,
      }];
    }),
  );
}

/**
 * The raw paired resamples: per metric, metric(B) − metric(A) on each of `samples` resamples of
 * the same rows (NaN where either is undefined). For callers that need more than an interval,
 * e.g. a one-sided p-value whose direction depends on the metric. {} when samples is 0.
 */
export function pairedDifferenceSamples(
  computeA: ComputeMetrics,
  computeB: ComputeMetrics,
  rows: number,
  opts: BootstrapOptions,
  helpers?: ResampleHelpers,
): Record<string, Float64Array> {
  checkOptions(rows, opts);
  if (opts.samples === 0) return {};
  const [a, b] = resampleValues(rows, opts, [computeA, computeB], helpers);
  return Object.fromEntries(opts.metrics.map((m, j) => [m, b[j].map((x, s) => x - a[j][s])]));
}

/**
 * Below this many draws in all (resamples × test rows) the bootstrap stays on the calling thread.
 * Sharing costs a worker's start-up (~50 ms of CPU: 30 ms to online, 20 ms importing the
 * metrics), a fresh isolate's JIT warm-up, and the helper's pass over the draws before its share
 * (Rng.skipInts: ~2.3 ns a draw against ~6-16 ns for a drawn and scored one). By those costs a
 * free second core pays from ~10-20M draws. Measured (8 December, 2 cores, other sessions busy):
 * the built lib, a fresh process per run, binary, 250 resamples, none vs 1 helper, best of 3 at
 * load 4.9-6.4: 8M draws 216 → 391 ms wall, 25M 546 → 661 ms, 50M 1212 → 1219 ms; the scale
 * run's 100M (600k regression rows × 166), warm, best of 5: 1.78 → 2.12 s at load 8, and
 * 0.835 → 0.692 s (1.21×) with this session given the cores (autogroup nice −10, as a CI runner
 * would). The kernel shares CPU per session, so a second thread gains nothing while others keep
 * both cores busy. 32M: past the sizes where sharing lost even on a loaded machine's terms
 * (25M), above the free-core break-even; every example pipeline stays on one thread.
 */
export const PARALLEL_MIN_DRAWS = 32_000_000;

/**
 * Draws `samples` resamples and returns values[source][metric][sample], one source per scorer
 * (one for intervals, two for a paired comparison). Every scorer sees the same resamples; with
 * counts (Rng.countInts) or indices (Rng.fillInts), the draws are the same numbers. With
 * helpers, large bootstraps are shared with them (spreadResamples): the same values, bit for bit.
 */
function resampleValues(rows: number, opts: BootstrapOptions, computes: ComputeMetrics[], helpers?: ResampleHelpers): Float64Array[][] {
  const sources = computes.map((c) => c.source);
  const shared = helpers !== undefined && helpers.count > 0 && opts.samples > 1 && rows * opts.samples >= helpers.minDraws &&
    sources.every((src) => src !== undefined);
  const flat = shared
    ? spreadResamples(rows, opts, computes, sources as ResampleSource[], helpers)
    : serialResamples(rows, opts, computes);
  const m = opts.metrics.length;
  return computes.map((_, source) => opts.metrics.map((_, j) => flat.subarray((source * m + j) * opts.samples, (source * m + j + 1) * opts.samples)));
}

function serialResamples(rows: number, opts: BootstrapOptions, computes: ComputeMetrics[]): Float64Array {
  const values = new Float64Array(computes.length * opts.metrics.length * opts.samples);
  const drawer = new ResampleDrawer(rows, opts.seed, computes);
  for (let s = 0; s < opts.samples; s++) drawer.scoreNext(opts.metrics, values, opts.samples);
  return values;
}

/**
 * The caller's side of a shared bootstrap: hands the job to the helpers, draws [0, from) itself,
 * then claims blocks like a helper. A block a helper claimed and has not finished is waited for
 * briefly, then drawn here too (same bits: a late helper writes what is already there), so a
 * helper that is slow, failed or never started costs time, never a result.
 */
function spreadResamples(rows: number, opts: BootstrapOptions, computes: ComputeMetrics[], sources: ResampleSource[], helpers: ResampleHelpers): Float64Array {
  const samples = opts.samples;
  const threads = helpers.count + 1;
  const words = (n: number) => new Int32Array(new SharedArrayBuffer(4 * n));
  const job: ResampleJob = {
    rows,
    seed: opts.seed,
    samples,
    metrics: opts.metrics,
    sources,
    from: Math.ceil(samples / threads),
    // Blocks, not single resamples: a thread passes the draws of every resample between its blocks.
    block: Math.max(1, Math.ceil(samples / (8 * threads))),
    control: words(3),
    done: words(samples),
    values: new Float64Array(new SharedArrayBuffer(8 * computes.length * opts.metrics.length * samples)),
  };
  job.control[NEXT] = job.from;
  helpers.start(job);
  const drawer = new ResampleDrawer(rows, opts.seed, computes);
  const t0 = performance.now();
  for (let s = 0; s < job.from; s++) drawer.scoreNext(opts.metrics, job.values, samples);
  const perResampleMs = (performance.now() - t0) / job.from;
  helpResamples(computes, job, drawer);
  Atomics.store(job.control, STOP, 1);
  let late: ResampleDrawer | undefined;
  for (let s = job.from; s < samples; s++) {
    if (Atomics.load(job.done, s) === 1) continue;
    // Twice a resample's time here: a helper mid-way through it finishes within that unless it is starved or gone.
    if (Atomics.load(job.control, FAILED) === 0) Atomics.wait(job.done, s, 0, 2 * perResampleMs + 1);
    if (Atomics.load(job.done, s) === 1) continue;
    if (late === undefined || late.position > s) late = new ResampleDrawer(rows, opts.seed, computes);
    late.skipTo(s);
    late.scoreNext(opts.metrics, job.values, samples);
  }
  return job.values.slice(); // a plain copy: helpers never touch what callers keep
}

/**
 * A helper's work on a job (the caller runs it too, after its own share): claims blocks of
 * resamples until none is left, scoring each into job.values and marking it done.
 */
export function helpResamples(computes: ComputeMetrics[], job: ResampleJob, drawer?: ResampleDrawer): void {
  let d = drawer;
  for (;;) {
    if (Atomics.load(job.control, STOP) === 1) return;
    const first = Atomics.add(job.control, NEXT, job.block);
    if (first >= job.samples) return;
    d ??= new ResampleDrawer(job.rows, job.seed, computes);
    d.skipTo(first);
    for (let s = first; s < Math.min(first + job.block, job.samples); s++) {
      d.scoreNext(job.metrics, job.values, job.samples);
      Atomics.store(job.done, s, 1);
      Atomics.notify(job.done, s);
    }
  }
}

/** Marks a job's helper as failed: the caller stops waiting for its blocks and draws them itself. */
export function helperFailed(job: ResampleJob): void {
  Atomics.store(job.control, FAILED, 1);
  for (let s = 0; s < job.samples; s++) Atomics.notify(job.done, s);
}

/** The resamples of one seed in order: draws each one's counts (or indices) and scores it with every scorer. */
export class ResampleDrawer {
  /** The resample the generator is at. */
  position = 0;
  private readonly rng: Rng;
  private readonly fromCounts: ComputeMetrics['fromCounts'][];
  // Byte counts first (Rng.countBytes: the same counts, faster); 32-bit ones, made only if needed, when it cannot.
  private readonly countBytes: Uint8Array | undefined;
  private countWords: Int32Array | undefined;
  private readonly indices: Uint32Array | undefined;

  constructor(private readonly rows: number, seed: number, private readonly computes: ComputeMetrics[]) {
    this.rng = new Rng(seed);
    this.fromCounts = computes.map((c) => c.fromCounts);
    const byCounts = this.fromCounts.every((f) => f !== undefined);
    this.countBytes = byCounts ? new Uint8Array(rows) : undefined;
    this.indices = byCounts ? undefined : new Uint32Array(rows);
  }

  /** Passes the draws of the resamples before `s` (s >= position). */
  skipTo(s: number): void {
    if (s > this.position) this.rng.skipInts(this.rows, (s - this.position) * this.rows);
    this.position = Math.max(this.position, s);
  }

  /** Draws resample `position`, scores it, and writes values[(source · metrics + metric) · samples + position]. */
  scoreNext(metrics: string[], values: Float64Array, samples: number): void {
    const { rows, rng } = this;
    let records: Record<string, number>[];
    if (this.countBytes !== undefined) {
      let counts: DrawCounts = this.countBytes;
      this.countBytes.fill(0);
      if (!rng.countBytes(this.countBytes, rows, rows)) {
        counts = this.countWords ??= new Int32Array(rows);
        this.countWords.fill(0);
        rng.countInts(this.countWords, rows, rows);
      }
      records = this.fromCounts.map((f) => f!(counts, metrics));
    } else {
      rng.fillInts(this.indices!, rows);
      records = this.computes.map((c) => c(this.indices!));
    }
    const m = metrics.length;
    records.forEach((record, source) => {
      pick(record, metrics).forEach((v, j) => { values[(source * m + j) * samples + this.position] = v; });
    });
    this.position++;
  }
}

function pick(record: Record<string, number>, metrics: string[]): number[] {
  return metrics.map((m) => {
    const v = record[m];
    if (typeof v !== 'number') {
      throw new PipePilotError(`bootstrap: the metric function returned no '${m}'`, {
        hint: `ask only for metrics it computes: ${Object.keys(record).join(', ')}`,
      });
    }
    return v;
  });
}

/** Percentile interval over the defined (non-NaN) values, numpy-style linear interpolation; NaN bounds when none is. */
export function percentileInterval(values: Float64Array, confidence: number): Interval {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort();
  const tail = (1 - confidence) / 2;
  return { low: sortedQuantile(sorted, tail), high: sortedQuantile(sorted, 1 - tail) };
}

function checkOptions(rows: number, opts: BootstrapOptions): void {
  if (!Number.isInteger(opts.samples) || opts.samples < 0) {
    throw new PipePilotError(`bootstrap: samples is ${opts.samples}, expected a whole number >= 0`, {
      hint: 'set evaluate.bootstrap.samples, e.g. 1000, or 0 to turn intervals off',
    });
  }
  if (!(opts.confidence > 0 && opts.confidence < 1)) {
    throw new PipePilotError(`bootstrap: confidence is ${opts.confidence}, expected a number in (0, 1)`, {
      hint: 'set evaluate.bootstrap.confidence, e.g. 0.95',
    });
  }
  if (opts.samples > 0 && (!Number.isInteger(rows) || rows < 1)) {
    throw new PipePilotError(`bootstrap: cannot resample ${rows} rows`, {
      hint: 'the test split is empty; lower data.split.test or add data',
    });
  }
}

/**
 * Resamples cost one random draw per test row each; past this many draws in all, fewer
 * resamples are taken. On a test set that large the intervals are already narrow, and 1000
 * resamples of 600k rows would cost ~20 s for digits nobody reads.
 */
export const BOOTSTRAP_DRAW_BUDGET = 100_000_000;
const MIN_BUDGETED_SAMPLES = 100;

/** The resample count actually used for `rows` test rows: `requested`, cut to the draw budget (never below 100). */
export function budgetedBootstrapSamples(requested: number, rows: number): number {
  if (rows <= 0 || requested * rows <= BOOTSTRAP_DRAW_BUDGET) return requested;
  return Math.min(requested, Math.max(MIN_BUDGETED_SAMPLES, Math.floor(BOOTSTRAP_DRAW_BUDGET / rows)));
}
