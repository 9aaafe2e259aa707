import { PipePilotError } from '../errors.js';
import type { Task } from '../spec/types.js';
import { binaryConfusion, binaryMetrics, binaryResampler } from './binary-metrics.js';
import { type ComputeMetrics, type Interval, type ResampleHelpers, bootstrapIntervals } from './bootstrap.js';
import type { Scores } from './metric-inputs.js';
import {
  type ClassReport, multiclassConfusion, multiclassMetrics, multiclassPerClass, multiclassResampler,
} from './multiclass-metrics.js';
import { type ResidualSummary, regressionMetrics, regressionResampler, residualSummary } from './regression-metrics.js';

/** The metrics that get bootstrap intervals and lead reports, per task. */
export const HEADLINE_METRICS: Record<Task, string[]> = {
  binary_classification: ['accuracy', 'roc_auc', 'f1', 'pr_auc', 'log_loss'],
  multiclass_classification: ['accuracy', 'f1_macro', 'balanced_accuracy', 'log_loss'],
  regression: ['r2', 'rmse', 'mae'],
};

/** The one metric a report leads with and a comparison ranks by. */
export function primaryMetric(task: Task): string {
  return { binary_classification: 'roc_auc', multiclass_classification: 'accuracy', regression: 'r2' }[task];
}

/** Slice value under which rows with a missing value are reported. */
export const MISSING_SLICE_VALUE = '(missing)';

export interface SliceRow {
  value: string;
  n: number;
  metrics: Record<string, number>;
  /** n >= minSliceRows: only these rows are checked by slice gates. */
  gated: boolean;
}

export interface Evaluation {
  task: Task;
  rows: number;
  /** Every metric of the task (TASK_METRICS); NaN where undefined (see src/evaluate/metrics.ts). */
  metrics: Record<string, number>;
  /** Percentile bootstrap intervals of HEADLINE_METRICS; {} when bootstrap.samples is 0. */
  intervals: Record<string, Interval>;
  confusion?: { labels: string[]; matrix: number[][] };
  perClass?: ClassReport[];
  residuals?: ResidualSummary;
  slices: { column: string; rows: SliceRow[] }[];
}

export interface EvaluationRequest {
  task: Task;
  /** Binary: 0 | 1 (1 = classes[1]); multiclass: class index; regression: the target. */
  yTrue: Float64Array;
  /** Binary: probability of classes[1] per row; multiclass: rows × k, row-major; regression: values. */
  output: Float32Array;
  /** Class labels in model-output order; [] for regression. */
  classes: string[];
  /** Binary: predict classes[1] when its probability is >= threshold. */
  threshold: number;
  bootstrap: { samples: number; seed: number; confidence: number };
  /** Test-row values of each slice column, aligned with yTrue; null = missing. */
  slices: { column: string; values: (string | null)[] }[];
  minSliceRows: number;
  /** Threads that share a large bootstrap (the shell's worker pool); the intervals are the same bits without them. */
  helpers?: ResampleHelpers;
}

/**
 * Scores a model's test-set output: all task metrics, bootstrap intervals for the headline
 * metrics, confusion matrix and per-class table (classification) or residual summary
 * (regression), and the metrics of every slice. Pure and deterministic given bootstrap.seed.
 */
export function evaluatePredictions(req: EvaluationRequest): Evaluation {
  checkShape(req);
  const { task, yTrue, output, classes } = req;
  const score = taskScorer(req);
  const evaluation: Evaluation = {
    task,
    rows: yTrue.length,
    metrics: score(yTrue, output),
    intervals: bootstrapIntervals(taskResampler(req, yTrue, output), yTrue.length, {
      ...req.bootstrap, metrics: HEADLINE_METRICS[task],
    }, req.helpers),
    slices: req.slices.map((s) => ({ column: s.column, rows: sliceRows(req, s.values, score) })),
  };
  if (task === 'binary_classification') {
    evaluation.confusion = binaryConfusion(yTrue, output, req.threshold, [classes[0], classes[1]]);
  } else if (task === 'multiclass_classification') {
    evaluation.confusion = multiclassConfusion(yTrue, output, classes.length, classes);
    evaluation.perClass = multiclassPerClass(yTrue, output, classes.length, classes);
  } else {
    evaluation.residuals = residualSummary(yTrue, output);
  }
  return evaluation;
}

/** All metrics of the task for one model output on the given rows. */
export type Score = (yTrue: Float64Array, output: Scores) => Record<string, number>;

/** How a model's output is read, besides the output itself: shared by evaluation and the baseline comparison. */
export interface OutputReading {
  task: Task;
  /** Class labels in model-output order; [] for regression. */
  classes: string[];
  /** Binary: predict classes[1] when its probability is >= threshold. */
  threshold: number;
}

/** Every metric of the task on all rows, with the exact (unweighted) metric functions. */
export function taskScorer(reading: OutputReading): Score {
  switch (reading.task) {
    case 'binary_classification': return (y, out) => binaryMetrics(y, out, reading.threshold);
    case 'multiclass_classification': return (y, out) => multiclassMetrics(y, out, reading.classes.length);
    case 'regression': return (y, out) => regressionMetrics(y, out);
  }
}

/**
 * A bootstrap `compute` for the task. Each resample is scored from per-row draw counts over
 * work done once (the binary score sort, the argmax), never by copying the drawn rows: test sets
 * can have hundreds of thousands of rows.
 */
export function taskResampler(reading: OutputReading, yTrue: Float64Array, output: Scores): ComputeMetrics {
  const compute: ComputeMetrics = reading.task === 'binary_classification' ? binaryResampler(yTrue, output, reading.threshold)
    : reading.task === 'multiclass_classification' ? multiclassResampler(yTrue, output, reading.classes.length)
      : regressionResampler(yTrue, output);
  // Its inputs as data, so a helper thread can build the same scorer (bootstrap.ts, ResampleHelpers).
  compute.source = { task: reading.task, classes: reading.classes, threshold: reading.threshold, yTrue, output };
  return compute;
}

/** Model outputs per row: k for multiclass, else 1. */
export function outputWidth(reading: OutputReading): number {
  return reading.task === 'multiclass_classification' ? reading.classes.length : 1;
}

/** Rows `indices` of a row-major matrix with `width` columns. */
export function gatherRows<T extends Float32Array | Float64Array>(values: T, indices: ArrayLike<number>, width: number): T {
  const out = new (values.constructor as new (n: number) => T)(indices.length * width);
  for (let i = 0; i < indices.length; i++) {
    const from = indices[i] * width;
    for (let c = 0; c < width; c++) out[i * width + c] = values[from + c];
  }
  return out;
}

/** The test rows of each slice value, sorted by value with '(missing)' last. */
export function sliceGroups(values: (string | null)[]): { value: string; rows: number[] }[] {
  const groups = new Map<string, number[]>();
  values.forEach((v, row) => {
    const key = v ?? MISSING_SLICE_VALUE;
    const rows = groups.get(key);
    if (rows === undefined) groups.set(key, [row]);
    else rows.push(row);
  });
  const keys = [...groups.keys()].sort((a, b) => sliceOrder(a) - sliceOrder(b) || (a < b ? -1 : a > b ? 1 : 0));
  return keys.map((value) => ({ value, rows: groups.get(value)! }));
}

/** One row per slice value, in sliceGroups order. */
function sliceRows(req: EvaluationRequest, values: (string | null)[], score: Score): SliceRow[] {
  const width = outputWidth(req);
  return sliceGroups(values).map(({ value, rows }) => ({
    value,
    n: rows.length,
    metrics: score(gatherRows(req.yTrue, rows, 1), gatherRows(req.output, rows, width)),
    gated: rows.length >= req.minSliceRows,
  }));
}

function sliceOrder(value: string): number {
  return value === MISSING_SLICE_VALUE ? 1 : 0;
}

function checkShape(req: EvaluationRequest): void {
  const rows = req.yTrue.length;
  const k = req.classes.length;
  const expected = { binary_classification: 'exactly 2', multiclass_classification: 'at least 2', regression: '' }[req.task];
  const classesOk = req.task === 'regression' || (req.task === 'binary_classification' ? k === 2 : k >= 2);
  if (!classesOk) {
    throw new PipePilotError(`evaluate: a ${req.task} model needs ${expected} class labels, got ${k}`, {
      hint: 'pass the class labels in model-output order',
    });
  }
  const width = outputWidth(req);
  if (req.output.length !== rows * width) {
    throw new PipePilotError(
      `evaluate: ${rows} test rows need ${rows * width} model outputs (${width} per row), got ${req.output.length}`,
      { hint: 'predictions and labels must come from the same test rows and the same class list' },
    );
  }
  for (const s of req.slices) {
    if (s.values.length !== rows) {
      throw new PipePilotError(`evaluate: slice column '${s.column}' has ${s.values.length} values for ${rows} test rows`, {
        hint: 'take slice values from the same test rows as the labels',
      });
    }
  }
}
