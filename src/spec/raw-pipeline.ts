import type {
  DataChecks,
  DataFormat,
  DeploySpec,
  EarlyStoppingSpec,
  EvaluateSpec,
  Gate,
  ModelParams,
  ModelType,
  PreprocessSpec,
  SplitSpec,
  Task,
  TuneSpec,
} from './types.js';

/**
 * A pipeline as written, after the schema accepted it and before defaults: the keys the schema
 * requires are present, every other key may be missing. `positive_class` may still be a number
 * and `early_stopping` a boolean.
 */
export interface RawPipeline {
  apiVersion: 'pipepilot/v1';
  name: string;
  description?: string;
  data: RawData;
  preprocess?: { impute?: Partial<PreprocessSpec['impute']> } & Partial<Omit<PreprocessSpec, 'impute'>>;
  model: { task: Task; type: ModelType; params?: RawParams; seed?: number };
  evaluate?: Partial<Omit<EvaluateSpec, 'bootstrap'>> & { bootstrap?: Partial<EvaluateSpec['bootstrap']> };
  gates?: Gate[];
  tune?: Partial<TuneSpec> & Pick<TuneSpec, 'metric' | 'space'>;
  deploy?: Partial<DeploySpec>;
}

export interface RawData {
  source: string;
  format?: DataFormat;
  target: string;
  features?: { numeric?: string[]; categorical?: string[]; infer?: boolean };
  drop?: string[];
  missing_values?: string[];
  checks?: Partial<DataChecks>;
  split?: Partial<SplitSpec>;
  positive_class?: string | number;
  sha256?: string;
  read?: 'whole' | 'ranges';
  ranges_sha256?: string;
  stream?: boolean;
}

export type RawParams = Partial<Omit<ModelParams, 'early_stopping'>> & {
  early_stopping?: boolean | Partial<EarlyStoppingSpec>;
};
