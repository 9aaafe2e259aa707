import { PipePilotError } from '../errors.js';
import { Rng } from '../rng.js';
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
};

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
): Record<string, Interval> {
  checkOptions(rows, opts);
  if (opts.samples === 0) return {};
  const values = resampleValues(rows, opts, [compute]);
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
): Record<string, Float64Array> {
  checkOptions(rows, opts);
  if (opts.samples === 0) return {};
  const [a, b] = resampleValues(rows, opts, [computeA, computeB]);
  return Object.fromEntries(opts.metrics.map((m, j) => [m, b[j].map((x, s) => x - a[j][s])]));
}

/**
 * Draws `samples` resamples and returns values[source][metric][sample], one source per scorer
 * (one for intervals, two for a paired comparison). Every scorer sees the same resamples; with
 * counts (Rng.countInts) or indices (Rng.fillInts), the draws are the same numbers.
 */
function resampleValues(rows: number, opts: BootstrapOptions, computes: ComputeMetrics[]): Float64Array[][] {
  const rng = new Rng(opts.seed);
  const values = computes.map(() => opts.metrics.map(() => new Float64Array(opts.samples)));
  const fromCounts = computes.map((c) => c.fromCounts);
  const byCounts = fromCounts.every((f) => f !== undefined);
  // Byte counts first (Rng.countBytes: the same counts, faster); 32-bit ones, made only if needed, when it cannot.
  const countBytes = byCounts ? new Uint8Array(rows) : undefined;
  let countWords: Int32Array | undefined;
  const indices = byCounts ? undefined : new Uint32Array(rows);
  for (let s = 0; s < opts.samples; s++) {
    let records: Record<string, number>[];
    if (countBytes !== undefined) {
      let counts: DrawCounts = countBytes;
      countBytes.fill(0);
      if (!rng.countBytes(countBytes, rows, rows)) {
        counts = countWords ??= new Int32Array(rows);
        countWords.fill(0);
        rng.countInts(countWords, rows, rows);
      }
      records = fromCounts.map((f) => f!(counts, opts.metrics));
    } else {
      rng.fillInts(indices!, rows);
      records = computes.map((c) => c(indices!));
    }
    records.forEach((record, source) => {
      pick(record, opts.metrics).forEach((v, j) => { values[source][j][s] = v; });
    });
  }
  return values;
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
