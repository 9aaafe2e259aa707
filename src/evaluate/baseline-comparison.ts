import { PipePilotError } from '../errors.js';
import { LOWER_IS_BETTER, TASK_METRICS, type Task } from '../spec/types.js';
import { type ResampleHelpers, budgetedBootstrapSamples, pairedDifferenceSamples, percentileInterval } from './bootstrap.js';
import { type OutputReading, gatherRows, outputWidth, sliceGroups, taskResampler, taskScorer } from './evaluation.js';

/** One metric of the candidate against the baseline, both scored on the same test rows. */
export interface MetricComparison {
  candidate: number;
  baseline: number;
  /** candidate − baseline; NaN when either is undefined. */
  difference: number;
  /** Percentile interval of the paired-bootstrap difference; NaN bounds when the bootstrap is off or the metric never defined. */
  low: number;
  high: number;
  /** Share of resamples (where both are defined) with difference <= 0; NaN without resamples. */
  shareAtMostZero: number;
  /**
   * One-sided bootstrap p-value for "the candidate is worse than the baseline": the share of
   * resamples where it is not worse (difference >= 0, or <= 0 for a lower-is-better metric).
   * Small means a real drop. NaN without resamples.
   */
  pValueWorse: number;
  lowerIsBetter: boolean;
}

export interface SliceComparison {
  value: string;
  n: number;
  /** n >= minSliceRows: only these are checked by slice gates. */
  gated: boolean;
  metrics: Record<string, MetricComparison>;
}

export interface BaselineComparison {
  task: Task;
  rows: number;
  /** Coverage of the difference intervals, e.g. 0.95. */
  confidence: number;
  /** Resamples actually drawn on all rows (the requested count, cut on huge test sets). */
  bootstrapSamples: number;
  /** Every metric of the task (TASK_METRICS). */
  metrics: Record<string, MetricComparison>;
  slices: { column: string; rows: SliceComparison[] }[];
}

export interface ComparisonRequest {
  task: Task;
  /** Binary: 0 | 1 (1 = classes[1]); multiclass: class index; regression: the target. */
  yTrue: Float64Array;
  /** The candidate's and the baseline's outputs on the same rows, in the layout of EvaluationRequest.output. */
  candidate: Float32Array;
  baseline: Float32Array;
  /** Class labels in output order (both outputs use the candidate's order); [] for regression. */
  classes: string[];
  /** Binary: the candidate's decision threshold. */
  threshold: number;
  /** Binary: the baseline's own threshold, as it is served; default `threshold`. */
  baselineThreshold?: number;
  bootstrap: { samples: number; seed: number; confidence: number };
  /** Slice columns to compare per value (test-row values, aligned with yTrue; null = missing). */
  slices?: { column: string; values: (string | null)[] }[];
  /** Slices with fewer rows are compared but marked not gated. Default 1. */
  minSliceRows?: number;
  /** Threads that share a large bootstrap (the shell's worker pool); the same bits without them. */
  helpers?: ResampleHelpers;
}

/**
 * Compares the candidate with the baseline on the same test rows: every task metric for both,
 * their difference (candidate − baseline), and a paired bootstrap of the difference (both models
 * scored on the same resampled rows, so row-to-row noise shared by both cancels). Slices, when
 * asked, are compared on their own rows. Pure and deterministic given bootstrap.seed; the
 * resample count is cut by budgetedBootstrapSamples on huge test sets, per slice too.
 */
export function compareWithBaseline(req: ComparisonRequest): BaselineComparison {
  checkShape(req);
  const samples = budgetedBootstrapSamples(req.bootstrap.samples, req.yTrue.length);
  const width = outputWidth(req);
  const minSliceRows = req.minSliceRows ?? 1;
  return {
    task: req.task,
    rows: req.yTrue.length,
    confidence: req.bootstrap.confidence,
    bootstrapSamples: samples,
    metrics: compareRows(req, req.yTrue, req.candidate, req.baseline),
    slices: (req.slices ?? []).map((s) => ({
      column: s.column,
      rows: sliceGroups(s.values).map(({ value, rows }) => ({
        value,
        n: rows.length,
        gated: rows.length >= minSliceRows,
        metrics: compareRows(req, gatherRows(req.yTrue, rows, 1), gatherRows(req.candidate, rows, width), gatherRows(req.baseline, rows, width)),
      })),
    })),
  };
}

function compareRows(req: ComparisonRequest, yTrue: Float64Array, candidate: Float32Array, baseline: Float32Array): Record<string, MetricComparison> {
  const candidateReading: OutputReading = { task: req.task, classes: req.classes, threshold: req.threshold };
  const baselineReading: OutputReading = { ...candidateReading, threshold: req.baselineThreshold ?? req.threshold };
  const names = [...TASK_METRICS[req.task]];
  const c = taskScorer(candidateReading)(yTrue, candidate);
  const b = taskScorer(baselineReading)(yTrue, baseline);
  const samples = budgetedBootstrapSamples(req.bootstrap.samples, yTrue.length);
  // Baseline first: the paired differences are B − A = candidate − baseline.
  const diffs = pairedDifferenceSamples(
    taskResampler(baselineReading, yTrue, baseline),
    taskResampler(candidateReading, yTrue, candidate),
    yTrue.length,
    { ...req.bootstrap, samples, metrics: names },
    req.helpers,
  );
  return Object.fromEntries(names.map((m) => [m, metricComparison(m, c[m], b[m], diffs[m], req.bootstrap.confidence)]));
}

function metricComparison(metric: string, candidate: number, baseline: number, diffs: Float64Array | undefined, confidence: number): MetricComparison {
  const lowerIsBetter = LOWER_IS_BETTER.has(metric);
  const defined = diffs === undefined ? new Float64Array(0) : diffs.filter((d) => !Number.isNaN(d));
  const share = (keep: (d: number) => boolean) => (defined.length === 0 ? NaN : defined.filter(keep).length / defined.length);
  return {
    candidate,
    baseline,
    difference: candidate - baseline,
    ...percentileInterval(defined, confidence),
    shareAtMostZero: share((d) => d <= 0),
    pValueWorse: share(lowerIsBetter ? (d) => d <= 0 : (d) => d >= 0),
    lowerIsBetter,
  };
}

export type ChangeVerdict = 'worse' | 'better' | 'unclear' | 'unknown';

/**
 * Whether the difference is significant at the comparison's confidence: 'worse' when the whole
 * interval of the difference lies on the metric's bad side (below 0, or above 0 for a
 * lower-is-better metric), 'better' on the good side, 'unclear' when it includes 0, and
 * 'unknown' without an interval (bootstrap off, or the metric undefined).
 */
export function changeVerdict(m: MetricComparison): ChangeVerdict {
  if (Number.isNaN(m.low) || Number.isNaN(m.high)) return 'unknown';
  if (m.high < 0) return m.lowerIsBetter ? 'better' : 'worse';
  if (m.low > 0) return m.lowerIsBetter ? 'worse' : 'better';
  return 'unclear';
}

function checkShape(req: ComparisonRequest): void {
  const rows = req.yTrue.length;
  const width = outputWidth(req);
  for (const [who, output] of [['candidate', req.candidate], ['baseline', req.baseline]] as const) {
    if (output.length !== rows * width) {
      throw new PipePilotError(
        `compare with baseline: ${rows} test rows need ${rows * width} ${who} outputs (${width} per row), got ${output.length}`,
        { hint: 'score both models on the same test rows, with the same class list' },
      );
    }
  }
  for (const s of req.slices ?? []) {
    if (s.values.length !== rows) {
      throw new PipePilotError(`compare with baseline: slice column '${s.column}' has ${s.values.length} values for ${rows} test rows`, {
        hint: 'take slice values from the same test rows as the labels',
      });
    }
  }
}
