import { formatFromPath } from './data-format.js';
import type { RawData, RawParams, RawPipeline } from './raw-pipeline.js';
import {
  LOWER_IS_BETTER,
  type DataSpec,
  type EarlyStoppingSpec,
  type EvaluateSpec,
  type ModelParams,
  type ModelType,
  type PipelineSpec,
  type PreprocessSpec,
  type RolloutSpec,
  type Task,
  type TuneSpec,
} from './types.js';

/** Cell texts read as missing unless `data.missing_values` says otherwise (pandas' usual set, plus `.` and `?`). */
export const DEFAULT_MISSING_VALUES: readonly string[] = ['', 'NA', 'N/A', 'null', 'NULL', 'NaN', 'nan', '.', '?'];

export const DEFAULT_SEED = 42;

/** Defaults of early stopping, used for mlp unless `early_stopping: false`. */
export const DEFAULT_EARLY_STOPPING: Readonly<EarlyStoppingSpec> = {
  validation_fraction: 0.1,
  patience: 10,
  min_delta: 0,
  restore_best: true,
};

/**
 * `deploy.rollout` with its defaults (docs/monitoring.md says why each): three steps, 200
 * requests and 200 labelled rows before judging (with fewer, a one-point accuracy change is
 * noise), one point more 5xx, 1.5× the stable p99. No live-metric limit unless asked for.
 */
export function rolloutDefaults(raw: Partial<RolloutSpec> = {}): RolloutSpec {
  return {
    steps: [...(raw.steps ?? [10, 50, 100])],
    min_requests: raw.min_requests ?? 200,
    min_labels: raw.min_labels ?? 200,
    max_error_rate_increase: raw.max_error_rate_increase ?? 0.01,
    max_p99_latency_ratio: raw.max_p99_latency_ratio ?? 1.5,
    ...(raw.max_metric_drop && { max_metric_drop: { drop: raw.max_metric_drop.drop, confidence: raw.max_metric_drop.confidence ?? 0.95 } }),
  };
}

/**
 * Fills every default into a pipeline the schema and the semantic checks accepted. Pure; the
 * result shares no arrays or objects with `raw`. Seeds default to `model.seed` so one number
 * pins the whole run. `data.format` must be given or implied by the extension (checked before).
 */
export function applyDefaults(raw: RawPipeline): PipelineSpec {
  const seed = raw.model.seed ?? DEFAULT_SEED;
  const spec: PipelineSpec = {
    apiVersion: raw.apiVersion,
    name: raw.name,
    data: dataDefaults(raw.data, raw.model.task, seed),
    preprocess: preprocessDefaults(raw.preprocess, raw.model.type),
    model: { task: raw.model.task, type: raw.model.type, params: paramDefaults(raw.model.params, raw.model.type), seed },
    evaluate: evaluateDefaults(raw.evaluate, seed),
    gates: (raw.gates ?? []).map((g) => ({ ...g })),
    deploy: {
      environments: [...(raw.deploy?.environments ?? ['staging', 'production'])],
      ...(raw.deploy?.canary && { canary: { ...raw.deploy.canary } }),
      ...(raw.deploy?.drift && { drift: { ...raw.deploy.drift } }),
      ...(raw.deploy?.rollout && { rollout: rolloutDefaults(raw.deploy.rollout) }),
      ...(raw.deploy?.alerts && { alerts: { ...raw.deploy.alerts, github_issue: raw.deploy.alerts.github_issue ?? false } }),
      ...(raw.deploy?.auto_merge !== undefined && { auto_merge: raw.deploy.auto_merge }),
    },
  };
  if (raw.description !== undefined) spec.description = raw.description;
  if (raw.tune) spec.tune = tuneDefaults(raw.tune, seed);
  return spec;
}

function dataDefaults(d: RawData, task: Task, seed: number): DataSpec {
  const out: DataSpec = {
    source: d.source,
    format: d.format ?? formatFromPath(d.source) ?? 'csv',
    target: d.target,
    features: {
      numeric: [...(d.features?.numeric ?? [])],
      categorical: [...(d.features?.categorical ?? [])],
      // Listing features means "these", as scikit-learn's ColumnTransformer does (issue 10).
      infer: d.features?.infer ?? !listsFeatures(d),
    },
    drop: [...(d.drop ?? [])],
    missing_values: [...(d.missing_values ?? DEFAULT_MISSING_VALUES)],
    checks: {
      min_rows: d.checks?.min_rows ?? 20,
      max_missing_fraction: d.checks?.max_missing_fraction ?? 0.5,
      min_class_rows: d.checks?.min_class_rows ?? 2,
      too_missing: d.checks?.too_missing ?? (d.checks?.max_missing_fraction === undefined ? 'indicator' : 'fail'),
    },
    split: {
      test: d.split?.test ?? 0.2,
      seed: d.split?.seed ?? seed,
      stratify: d.split?.stratify ?? task !== 'regression',
    },
  };
  // Labels are compared as text, so `positive_class: 1` matches a 0/1 column however it was read.
  if (d.positive_class !== undefined) out.positive_class = String(d.positive_class);
  if (d.stream === true) out.stream = true;
  if (d.sha256 !== undefined) out.sha256 = d.sha256.replace(/^sha256:/, '').toLowerCase();
  // Only a ranges read is recorded: `read: whole` is the default and leaves the spec (and content key) as before.
  if (d.read === 'ranges') out.read = 'ranges';
  if (d.ranges_sha256 !== undefined) out.ranges_sha256 = d.ranges_sha256.replace(/^sha256:/, '').toLowerCase();
  return out;
}

function listsFeatures(d: RawData): boolean {
  return (d.features?.numeric?.length ?? 0) + (d.features?.categorical?.length ?? 0) > 0;
}

function preprocessDefaults(p: RawPipeline['preprocess'], type: ModelType): PreprocessSpec {
  return {
    impute: {
      numeric: p?.impute?.numeric ?? 'median',
      categorical: p?.impute?.categorical ?? 'most_frequent',
      fill_numeric: p?.impute?.fill_numeric ?? 0,
      fill_categorical: p?.impute?.fill_categorical ?? 'missing',
    },
    scale: p?.scale ?? 'standard',
    // Trees split on raw numbers, missing values and category codes themselves (docs/gbdt.md).
    encode: p?.encode ?? (type === 'gbdt' ? 'ordinal' : 'onehot'),
    max_categories: p?.max_categories ?? 50,
  };
}

function paramDefaults(p: RawParams | undefined, type: ModelType): ModelParams {
  if (type === 'gbdt') return gbdtParamDefaults(p);
  const out: ModelParams = {
    hidden_units: [...(p?.hidden_units ?? [64, 32])],
    activation: p?.activation ?? 'relu',
    dropout: p?.dropout ?? 0,
    learning_rate: p?.learning_rate ?? 0.001,
    epochs: p?.epochs ?? 100,
    batch_size: p?.batch_size ?? 64,
    max_iter: p?.max_iter ?? 1000,
    tol: p?.tol ?? 1e-6,
  };
  // Left out when not given: the model code picks a default that suits the model type.
  if (p?.l2 !== undefined) out.l2 = p.l2;
  const es = p?.early_stopping;
  // On by default for mlp only; a linear model uses max_iter/tol, unless early stopping is asked for.
  if (es === true || (es === undefined && type === 'mlp')) out.early_stopping = { ...DEFAULT_EARLY_STOPPING };
  else if (typeof es === 'object') out.early_stopping = { ...DEFAULT_EARLY_STOPPING, ...es };
  return out;
}

/**
 * scikit-learn HistGradientBoosting's defaults (learning_rate 0.1, max_iter 100, 31 leaves,
 * 20 rows per leaf, l2 0, 255 bins), which LightGBM shares but for l2; early stopping only when asked.
 */
function gbdtParamDefaults(p: RawParams | undefined): ModelParams {
  const out: ModelParams = {
    hidden_units: [],
    activation: 'relu',
    dropout: 0,
    l2: p?.l2 ?? 0,
    learning_rate: p?.learning_rate ?? 0.1,
    epochs: p?.epochs ?? 100,
    batch_size: p?.batch_size ?? 64,
    max_iter: p?.max_iter ?? 100,
    tol: p?.tol ?? 1e-6,
    max_leaf_nodes: p?.max_leaf_nodes ?? 31,
    min_samples_leaf: p?.min_samples_leaf ?? 20,
    min_hessian: p?.min_hessian ?? 1e-3,
    max_bins: p?.max_bins ?? 255,
    subsample: p?.subsample ?? 1,
    colsample: p?.colsample ?? 1,
  };
  if (p?.max_depth !== undefined) out.max_depth = p.max_depth;
  const es = p?.early_stopping;
  if (es === true) out.early_stopping = { ...DEFAULT_EARLY_STOPPING };
  else if (typeof es === 'object') out.early_stopping = { ...DEFAULT_EARLY_STOPPING, ...es };
  return out;
}

function evaluateDefaults(e: RawPipeline['evaluate'], seed: number): EvaluateSpec {
  return {
    threshold: e?.threshold ?? 0.5,
    bootstrap: {
      samples: e?.bootstrap?.samples ?? 1000,
      seed: e?.bootstrap?.seed ?? seed,
      confidence: e?.bootstrap?.confidence ?? 0.95,
    },
    slices: [...(e?.slices ?? [])],
    min_slice_rows: e?.min_slice_rows ?? 10,
  };
}

function tuneDefaults(t: NonNullable<RawPipeline['tune']>, seed: number): TuneSpec {
  return {
    metric: t.metric,
    direction: t.direction ?? (LOWER_IS_BETTER.has(t.metric) ? 'minimize' : 'maximize'),
    trials: t.trials ?? 20,
    sampler: t.sampler ?? 'tpe',
    space: structuredClone(t.space),
    seed: t.seed ?? seed,
    ...(t.cv !== undefined && { cv: t.cv }),
    validation_fraction: t.validation_fraction ?? 0.2,
    pruner: t.pruner ?? 'median',
    parallelism: t.parallelism ?? 4,
    grid_points: t.grid_points ?? 5,
  };
}
