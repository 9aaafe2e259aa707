import type { FeatureSchema } from '../data/feature-schema.js';
import { type ChangeVerdict, type MetricComparison, changeVerdict } from './baseline-comparison.js';
import type { Evaluation } from './evaluation.js';
import type { GateBaseline, GateResult } from './gates.js';
import type { TrainedModel } from '../model/types.js';
import { paramsUsedBy } from '../spec/model-params.js';
import type { LoadedPipeline, ModelParams, PreprocessSpec, Task } from '../spec/types.js';

/** `metrics.json` of a run bundle; its contract is `schemas/metrics.schema.json`. */
export interface MetricsDoc {
  schema_version: 1;
  content_key: string;
  pipeline: { name: string; file: string; description?: string };
  task: Task;
  /** `params`: only those the model type reads (paramsUsedBy); versions registered before carry every default. */
  model: { type: string; params: Partial<ModelParams>; seed: number; trainer: string };
  backend: { name: string; reason: string };
  versions: { pipepilot: string };
  data: {
    source: string;
    format: string;
    fingerprint: string;
    rows: { read: number; dropped_missing_target: number; used: number; train: number; test: number };
    target: string;
    classes: string[];
    features: {
      numeric: string[];
      categorical: string[];
      excluded: { column: string; reason: string }[];
      /** Present when features.infer was on: the features inference added (not listed in the pipeline). */
      inferred?: string[];
      /** Features imputed with a missing-indicator input. */
      missing_indicators?: string[];
    };
    input_columns: number;
    warnings: string[];
    /** Present (true) when the file was streamed by row groups (data.stream): split by row hash, reference statistics on a sample. */
    streamed?: true;
  };
  /** The spec's preprocess block, defaults applied. Optional: documents written before it was recorded lack it. */
  preprocess?: PreprocessSpec;
  /** Overall test-set values, keyed by metric name. NaN (undefined metric) is written as null. */
  metrics: Record<string, number | null>;
  intervals: Record<string, { low: number | null; high: number | null }>;
  confidence: number;
  bootstrap_samples: number;
  confusion?: { labels: string[]; matrix: number[][] };
  per_class?: { label: string; precision: number | null; recall: number | null; f1: number | null; support: number }[];
  residuals?: Record<string, number | null>;
  slices: { column: string; rows: { value: string; n: number; metrics: Record<string, number | null>; gated: boolean }[] }[];
  gates: GateResult[];
  gates_passed: boolean;
  /** Present when the run was compared with a production model (the baseline of `vs: production` gates). */
  baseline?: BaselineSection;
  /** gbdt only: gain importance of each input column, largest first. */
  importance?: FeatureImportance[];
  training: { epochs_run?: number; best_epoch?: number; iterations?: number; final_loss?: number; final_val_loss?: number };
  durations_ms: Record<string, number>;
}

/** One metric of the candidate against the baseline, as written to metrics.json. */
export interface ComparedMetric {
  candidate: number | null;
  baseline: number | null;
  /** candidate − baseline. */
  difference: number | null;
  /** Paired-bootstrap interval of the difference at `confidence`. */
  low: number | null;
  high: number | null;
  /** One-sided bootstrap p-value for "the candidate is worse". */
  p_value_worse: number | null;
  lower_is_better: boolean;
  /** worse / better: the whole interval on that side of 0; unclear: it includes 0; unknown: no interval. */
  verdict: ChangeVerdict;
}

/** gbdt: one feature's total split gain and its share of the whole, largest first. */
export interface FeatureImportance {
  feature: string;
  gain: number;
  share: number;
}

export interface BaselineSection {
  version: number;
  /** The baseline's own metrics on the candidate's test rows. */
  metrics: Record<string, number | null>;
  comparison: {
    rows: number;
    confidence: number;
    bootstrap_samples: number;
    metrics: Record<string, ComparedMetric>;
    slices: { column: string; rows: { value: string; n: number; gated: boolean; metrics: Record<string, ComparedMetric> }[] }[];
  };
}

export interface MetricsDocInput {
  pipeline: LoadedPipeline;
  contentKey: string;
  codeVersion: string;
  backend: { name: string; reason: string };
  data: {
    fingerprint: string;
    rowsRead: number;
    droppedMissingTarget: number;
    rowsUsed: number;
    train: number;
    test: number;
    schema: FeatureSchema;
    warnings: string[];
    classes: string[];
    inputColumns: number;
  };
  /** What training reports: its loss history, the epoch kept, solver iterations (any model type). */
  trained: Pick<TrainedModel, 'history' | 'bestEpoch' | 'iterations'>;
  evaluation: Evaluation;
  gates: GateResult[];
  /** The production model's comparison with the candidate, when there is one. */
  baseline?: GateBaseline;
  /** Resamples actually drawn (the requested count, cut on huge test sets). */
  bootstrapSamples: number;
  importance?: FeatureImportance[];
  durationsMs: Record<string, number>;
}

export function buildMetricsDoc(input: MetricsDocInput): MetricsDoc {
  const { spec } = input.pipeline;
  const { evaluation: ev, trained, data } = input;
  const last = trained.history.at(-1);
  return {
    schema_version: 1,
    content_key: input.contentKey,
    pipeline: { name: spec.name, file: input.pipeline.file, ...(spec.description ? { description: spec.description } : {}) },
    task: spec.model.task,
    model: { type: spec.model.type, params: paramsUsedBy(spec.model.type, spec.model.params), seed: spec.model.seed, trainer: 'pipepilot-typed-array/1' },
    backend: input.backend,
    versions: { pipepilot: input.codeVersion },
    data: {
      source: spec.data.source,
      format: spec.data.format,
      fingerprint: data.fingerprint,
      rows: {
        read: data.rowsRead,
        dropped_missing_target: data.droppedMissingTarget,
        used: data.rowsUsed,
        train: data.train,
        test: data.test,
      },
      target: data.schema.target,
      classes: data.classes,
      features: {
        numeric: data.schema.numeric, categorical: data.schema.categorical, excluded: data.schema.excluded,
        ...(spec.data.features.infer && { inferred: inferredFeatures(data.schema, spec.data.features) }),
        ...(data.schema.missingIndicators && { missing_indicators: data.schema.missingIndicators }),
      },
      input_columns: data.inputColumns,
      warnings: data.warnings,
      ...(spec.data.stream === true && { streamed: true as const }),
    },
    preprocess: spec.preprocess,
    metrics: finiteOrNull(ev.metrics),
    intervals: Object.fromEntries(
      Object.entries(ev.intervals).map(([k, v]) => [k, { low: fin(v.low), high: fin(v.high) }]),
    ),
    confidence: spec.evaluate.bootstrap.confidence,
    bootstrap_samples: input.bootstrapSamples,
    ...(ev.confusion ? { confusion: ev.confusion } : {}),
    ...(ev.perClass
      ? {
          per_class: ev.perClass.map((c) => ({
            label: c.label,
            precision: fin(c.precision),
            recall: fin(c.recall),
            f1: fin(c.f1),
            support: c.support,
          })),
        }
      : {}),
    ...(ev.residuals ? { residuals: finiteOrNull(ev.residuals as unknown as Record<string, number>) } : {}),
    slices: ev.slices.map((s) => ({
      column: s.column,
      rows: s.rows.map((r) => ({ value: r.value, n: r.n, metrics: finiteOrNull(r.metrics), gated: r.gated })),
    })),
    gates: input.gates,
    gates_passed: input.gates.every((g) => g.status !== 'failed'),
    ...(input.baseline ? { baseline: baselineSection(input.baseline) } : {}),
    ...(input.importance ? { importance: input.importance } : {}),
    training: {
      ...(trained.iterations === undefined && trained.history.length > 0 ? { epochs_run: trained.history.length } : {}),
      ...(trained.bestEpoch !== undefined ? { best_epoch: trained.bestEpoch } : {}),
      ...(trained.iterations !== undefined ? { iterations: trained.iterations } : {}),
      ...(last ? { final_loss: last.loss } : {}),
      ...(last?.valLoss !== undefined ? { final_val_loss: last.valLoss } : {}),
    },
    durations_ms: input.durationsMs,
  };
}

function baselineSection({ version, comparison }: GateBaseline): BaselineSection {
  const compared = (metrics: Record<string, MetricComparison>) =>
    Object.fromEntries(Object.entries(metrics).map(([name, m]) => [name, comparedMetric(m)]));
  return {
    version,
    metrics: Object.fromEntries(Object.entries(comparison.metrics).map(([name, m]) => [name, fin(m.baseline)])),
    comparison: {
      rows: comparison.rows,
      confidence: comparison.confidence,
      bootstrap_samples: comparison.bootstrapSamples,
      metrics: compared(comparison.metrics),
      slices: comparison.slices.map((s) => ({
        column: s.column,
        rows: s.rows.map((r) => ({ value: r.value, n: r.n, gated: r.gated, metrics: compared(r.metrics) })),
      })),
    },
  };
}

function comparedMetric(m: MetricComparison): ComparedMetric {
  return {
    candidate: fin(m.candidate),
    baseline: fin(m.baseline),
    difference: fin(m.difference),
    low: fin(m.low),
    high: fin(m.high),
    p_value_worse: fin(m.pValueWorse),
    lower_is_better: m.lowerIsBetter,
    verdict: changeVerdict(m),
  };
}

function fin(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

function finiteOrNull(record: Record<string, number>): Record<string, number | null> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, typeof v === 'number' ? fin(v) : v]));
}

function inferredFeatures(schema: FeatureSchema, listed: { numeric: string[]; categorical: string[] }): string[] {
  const named = new Set([...listed.numeric, ...listed.categorical]);
  return [...schema.numeric, ...schema.categorical].filter((name) => !named.has(name));
}
