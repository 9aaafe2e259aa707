/**
 * The validated pipeline, defaults applied. `schemas/pipeline.schema.json` is the contract for
 * the YAML; this is its TypeScript twin after `loadSpec` has filled in defaults.
 */
import type { SpecProblem } from '../errors.js';

export type Task = 'binary_classification' | 'multiclass_classification' | 'regression';
export type ModelType = 'linear' | 'mlp' | 'gbdt';
export type DataFormat = 'csv' | 'json' | 'jsonl' | 'parquet';
export type Activation = 'relu' | 'tanh' | 'sigmoid' | 'elu' | 'selu' | 'linear';
export type NumericImpute = 'median' | 'mean' | 'constant';
export type CategoricalImpute = 'most_frequent' | 'constant';
export type Scale = 'standard' | 'minmax' | 'none';

export interface DataChecks {
  /** Fewer usable rows (target present) than this fails the run. Default 20. */
  min_rows: number;
  /** Any feature column with a larger fraction of missing values fails. Default 0.5. */
  max_missing_fraction: number;
  /** Classification: every class needs at least this many rows. Default 2. */
  min_class_rows: number;
  /**
   * What a listed feature missing more often than max_missing_fraction gets: imputed with a
   * missing-indicator column and a warning, or a failed check. Default 'fail' when the pipeline
   * sets max_missing_fraction (it asked for that limit), else 'indicator' (issue 10). Absent
   * (specs built in code) means 'fail'.
   */
  too_missing?: 'indicator' | 'fail';
}

export interface SplitSpec {
  /** Fraction of rows held out for testing, in (0, 1). Default 0.2. */
  test: number;
  seed: number;
  /** Stratify by class for classification. Default true for classification. */
  stratify: boolean;
}

export interface DataSpec {
  /** Path relative to the repository root, a DVC-tracked path or `.dvc` file, or an http(s)/s3 URL pinned by `sha256`. */
  source: string;
  format: DataFormat;
  target: string;
  /** Explicit feature lists; columns not listed (and not dropped) are inferred when `infer` is true. */
  features: { numeric: string[]; categorical: string[]; infer: boolean };
  drop: string[];
  /** Strings read as missing. Default ['', 'NA', 'N/A', 'null', 'NULL', 'NaN', 'nan', '.', '?']. */
  missing_values: string[];
  checks: DataChecks;
  split: SplitSpec;
  /** Binary classification: the label that counts as positive. Default: the second of the sorted labels. */
  positive_class?: string;
  /** The content pin of a URL source: 64 lowercase hex digits (a `sha256:` prefix is dropped). */
  sha256?: string;
  /**
   * 'ranges': a remote Parquet file read by HTTP Range requests (footer and used column chunks
   * only), pinned by `ranges_sha256`. Absent means whole (so existing pipelines keep their content key).
   */
  read?: 'ranges';
  /** The pin of a ranges read (src/data/parquet-ranges.ts): 64 lowercase hex digits. */
  ranges_sha256?: string;
  /**
   * Stream the Parquet file by row groups instead of reading the table (issue 10): set only when
   * written as true, so the normalized spec (and every content key) of other pipelines is unchanged.
   */
  stream?: true;
}

export interface PreprocessSpec {
  impute: { numeric: NumericImpute; categorical: CategoricalImpute; fill_numeric: number; fill_categorical: string };
  scale: Scale;
  /** ordinal: numbers unscaled with missing kept, categories as codes (gbdt only; its default). */
  encode: 'onehot' | 'ordinal';
  /** One-hot keeps the most frequent categories up to this many; the rest share the unknown bucket. Default 50. */
  max_categories: number;
}

export interface EarlyStoppingSpec {
  /** Fraction of the training rows held out to watch validation loss, in (0, 1). */
  validation_fraction: number;
  patience: number;
  min_delta: number;
  restore_best: boolean;
}

export interface ModelParams {
  hidden_units: number[];
  activation: Activation;
  dropout: number;
  /** L2 penalty on weights (not biases), added to the mean loss as 0.5 * l2 * ||w||^2. */
  l2?: number;
  learning_rate: number;
  epochs: number;
  batch_size: number;
  early_stopping?: EarlyStoppingSpec;
  /** linear only: maximum solver iterations and gradient tolerance. */
  max_iter: number;
  tol: number;
  /** gbdt only (docs/gbdt.md); filled with their defaults when the type is gbdt. */
  max_leaf_nodes?: number;
  max_depth?: number;
  min_samples_leaf?: number;
  min_hessian?: number;
  max_bins?: number;
  subsample?: number;
  colsample?: number;
}

export interface ModelSpec {
  task: Task;
  type: ModelType;
  params: ModelParams;
  seed: number;
}

export interface EvaluateSpec {
  /** Binary classification decision threshold on the positive-class probability. Default 0.5. */
  threshold: number;
  bootstrap: { samples: number; seed: number; confidence: number };
  /** Categorical columns to report per-slice metrics for (gates with `slice` add theirs). */
  slices: string[];
  /** A slice with fewer test rows than this is reported but not gated. Default 10. */
  min_slice_rows: number;
}

export interface Gate {
  metric: string;
  min?: number;
  max?: number;
  slice?: string;
  vs?: 'production';
  max_drop?: number;
  max_drop_rel?: number;
  significant?: boolean;
}

export interface DeploySpec {
  environments: string[];
  canary?: { weight: number };
  /** `action` (what `pipepilot monitor` does when a served version drifts) defaults to alert. */
  drift?: { psi_max: number; action?: 'alert' | 'rollback' };
  /** How `pipepilot monitor` walks a canary to 100 % or rolls it back (docs/monitoring.md); defaults filled when given. */
  rollout?: RolloutSpec;
  /** Where `pipepilot monitor` sends alerts. */
  alerts?: AlertsSpec;
  /** `pipepilot monitor` in the action commits its decisions to the default branch instead of opening a PR (default false). */
  auto_merge?: boolean;
}

export interface RolloutSpec {
  /** Canary weights in percent, increasing, ending at 100 (the canary becomes the version). */
  steps: number[];
  /** Requests the canary must have answered (since it was loaded) before it is judged. */
  min_requests: number;
  /** Labelled rows each of canary and stable must have in their live window before the live metric is judged. */
  min_labels: number;
  /** Largest allowed canary 5xx rate minus stable 5xx rate. */
  max_error_rate_increase: number;
  /** Largest allowed canary p99 latency over stable p99 latency. */
  max_p99_latency_ratio: number;
  /** The live metric (accuracy, or mae for regression) may be worse on the canary by at most `drop`, judged at `confidence`. */
  max_metric_drop?: { drop: number; confidence: number };
}

export interface AlertsSpec {
  /** Name of the environment variable holding the webhook URL (never the URL itself: it is a secret). */
  webhook_env?: string;
  /** Open (and keep updated, then close) one GitHub issue per model and environment while a condition lasts. */
  github_issue: boolean;
}

export interface TuneSpec {
  metric: string;
  direction: 'maximize' | 'minimize';
  trials: number;
  sampler: 'random' | 'tpe' | 'grid';
  space: Record<string, unknown>;
  /** Study seed; trial n's draws derive from (seed, n). Default: model.seed. */
  seed: number;
  /** k-fold cross-validation on the training rows; absent: one validation split. */
  cv?: number;
  /** Fraction of the training rows that scores each trial when cv is absent. Default 0.2. */
  validation_fraction: number;
  pruner: 'median' | 'successive_halving' | 'none';
  /** Trials proposed together, each seeing only earlier groups: results do not depend on --workers. Default 4. */
  parallelism: number;
  /** grid sampler: points per continuous range. Default 5. */
  grid_points: number;
}

export interface PipelineSpec {
  apiVersion: 'pipepilot/v1';
  name: string;
  description?: string;
  data: DataSpec;
  preprocess: PreprocessSpec;
  model: ModelSpec;
  evaluate: EvaluateSpec;
  gates: Gate[];
  tune?: TuneSpec;
  deploy: DeploySpec;
}

/** A loaded pipeline: the spec plus where it came from (for messages and lineage). */
export interface LoadedPipeline {
  spec: PipelineSpec;
  /** Path as given, relative to the repository root where possible. */
  file: string;
  /** The raw YAML text (hashed into the run's content key). */
  text: string;
  /** Absolute path of the repository root that `data.source` is relative to. */
  root: string;
  /** Legal but probably unintended settings, each at file:line:col (e.g. model.params the model type ignores). */
  warnings?: SpecProblem[];
}

/** Metric names each task reports; gates and tune may only name these. */
export const TASK_METRICS: Record<Task, readonly string[]> = {
  binary_classification: [
    'accuracy', 'balanced_accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'pr_auc', 'log_loss', 'brier',
  ],
  multiclass_classification: [
    'accuracy', 'balanced_accuracy', 'f1_macro', 'f1_weighted', 'precision_macro', 'recall_macro', 'log_loss',
  ],
  regression: ['mse', 'rmse', 'mae', 'r2', 'mape', 'explained_variance'],
};

/** Metrics where smaller is better (a gate's `max_drop` is then a maximum rise). */
export const LOWER_IS_BETTER: ReadonlySet<string> = new Set(['log_loss', 'brier', 'mse', 'rmse', 'mae', 'mape']);
