import { PipePilotError } from '../../errors.js';
import type { Preprocessor } from '../../features/preprocessor.js';
import type { ModelParams } from '../../spec/types.js';
import { validateTrainRequest } from '../train-request.js';
import type { TrainRequest } from '../types.js';
import type { GbdtColumn } from './binning.js';
import { fitGbdt, type GbdtFit, type GbdtSettings } from './boost.js';

/** The trees' view of the preprocessor's ordinal columns: numbers, then categories with their code counts. */
export function gbdtColumns(pre: Preprocessor): GbdtColumn[] {
  if (pre.encode !== 'ordinal') {
    // One-hot inputs are plain numbers to the trees (already imputed and scaled).
    return pre.outputNames.map((name) => ({ name }));
  }
  return [...pre.numeric.map((f) => ({ name: f.name })), ...pre.categorical.map((f) => ({ name: f.name, categories: f.categories.length }))];
}

/** The pipeline's params (defaults applied by loadSpec) as the booster's settings. */
export function gbdtSettings(p: ModelParams): GbdtSettings {
  const es = p.early_stopping;
  return {
    learningRate: p.learning_rate,
    maxIter: p.max_iter,
    maxLeafNodes: p.max_leaf_nodes ?? 31,
    ...(p.max_depth !== undefined ? { maxDepth: p.max_depth } : {}),
    minSamplesLeaf: p.min_samples_leaf ?? 20,
    minHessian: p.min_hessian ?? 1e-3,
    l2: p.l2 ?? 0,
    maxBins: p.max_bins ?? 255,
    subsample: p.subsample ?? 1,
    colsample: p.colsample ?? 1,
    ...(es ? { earlyStopping: { validationFraction: es.validation_fraction, patience: es.patience, minDelta: es.min_delta, restoreBest: es.restore_best } } : {}),
  };
}

/**
 * Trains gradient-boosted trees on preprocessed rows (ordinal: NaN for missing, category codes).
 * Deterministic given the seed; checks the request like every model.
 */
export function trainGbdtModel(req: TrainRequest, columns: GbdtColumn[]): GbdtFit {
  validateTrainRequest({ ...req, type: 'gbdt' });
  if (columns.length !== req.cols) {
    throw new PipePilotError(`gbdt: ${columns.length} column kinds for ${req.cols} columns`, { hint: 'derive the columns from the preprocessor that made x (gbdtColumns)' });
  }
  return fitGbdt({
    task: req.task,
    settings: gbdtSettings(req.params),
    seed: req.seed,
    x: req.x,
    rows: req.rows,
    cols: req.cols,
    columns,
    y: req.y,
    classCount: req.classCount,
    onProgress: req.onProgress,
    ...(req.threads !== undefined ? { threads: req.threads } : {}),
  });
}
