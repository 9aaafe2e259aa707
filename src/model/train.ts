import { PipePilotError } from '../errors.js';
import { fitLogistic } from './logistic.js';
import { fitMlp } from './mlp-train.js';
import { fitRidge, type LinearFit } from './ridge.js';
import { fitSoftmaxRegression } from './softmax-regression.js';
import { validateTrainRequest } from './train-request.js';
import { outputFor, outputUnits, type DenseLayerData, type TrainRequest, type TrainedModel } from './types.js';

/**
 * Trains a linear model or an MLP on preprocessed rows. Deterministic: the same request (data,
 * params, seed) gives bitwise-identical weights. Regression trains on the standardized target
 * and folds the de-standardization into the last layer, so the model outputs original units.
 * Throws PipePilotError for inconsistent shapes, non-finite values or labels out of range.
 */
export function trainModel(req: TrainRequest): TrainedModel {
  validateTrainRequest(req);
  if (req.type === 'gbdt') {
    // gbdt needs the column kinds (categorical codes) of the preprocessor: fitModel (run) and the
    // tuner's trainer pass them to trainGbdtModel; this entry has none to give.
    throw new PipePilotError('model.type gbdt is trained by trainGbdtModel with the column kinds, not by trainModel', {
      hint: 'This is a bug in PipePilot: call fitModel (or trainGbdtModel with gbdtColumns of the preprocessor).',
    });
  }
  const target = standardizeTarget(req);
  const model = req.type === 'linear' ? trainLinear(req, target) : trainMlpModel(req, target);
  const last = model.layers[model.layers.length - 1];
  if (req.task === 'regression') foldStandardization(last, target.mean, target.std);
  return model;
}

interface Target {
  y: Float64Array;
  mean: number;
  std: number;
}

/** Regression: (y - mean) / std of the training target; classification: unchanged. */
function standardizeTarget(req: TrainRequest): Target {
  if (req.task !== 'regression') return { y: req.y, mean: 0, std: 1 };
  let sum = 0;
  for (let i = 0; i < req.rows; i++) sum += req.y[i];
  const mean = sum / req.rows;
  let ss = 0;
  for (let i = 0; i < req.rows; i++) ss += (req.y[i] - mean) ** 2;
  const sd = Math.sqrt(ss / req.rows);
  const std = sd > 0 ? sd : 1; // a constant target: keep it centered, nothing to scale
  const y = new Float64Array(req.rows);
  for (let i = 0; i < req.rows; i++) y[i] = (req.y[i] - mean) / std;
  return { y, mean, std };
}

/** y = std·(x·W + b) + mean, written into the layer: W·std, b·std + mean. */
function foldStandardization(layer: DenseLayerData, mean: number, std: number): void {
  for (let i = 0; i < layer.weights.length; i++) layer.weights[i] *= std;
  for (let j = 0; j < layer.bias.length; j++) layer.bias[j] = layer.bias[j] * std + mean;
}

function trainLinear(req: TrainRequest, target: Target): TrainedModel {
  const { x, rows, cols, params } = req;
  const { y } = target;
  const lossScale = target.std * target.std;
  let fit: LinearFit;
  if (req.task === 'regression') {
    fit = fitRidge(x, rows, cols, y, params.l2 ?? 0, req.oneHotBlocks);
  } else {
    // Default penalty = scikit-learn's LogisticRegression(C=1): 0.5‖w‖² on the summed loss.
    const opts = { l2: params.l2 ?? 1 / rows, maxIter: params.max_iter, tol: params.tol };
    fit = req.task === 'binary_classification'
      ? fitLogistic(x, rows, cols, y, opts)
      : fitSoftmaxRegression(x, rows, cols, y, req.classCount, opts);
  }
  const output = outputFor(req.task);
  const history = fit.losses.map((loss, i) => ({ epoch: i + 1, loss: loss * lossScale }));
  for (const h of history) req.onProgress?.({ ...h, epochs: history.length });
  return {
    layers: [{
      weights: Float32Array.from(fit.weights),
      bias: Float32Array.from(fit.bias),
      inputs: cols,
      units: outputUnits(req.task, req.classCount),
      activation: output,
    }],
    output,
    dropout: 0,
    history,
    iterations: fit.iterations,
    notes: fit.notes,
  };
}

function trainMlpModel(req: TrainRequest, target: Target): TrainedModel {
  const output = outputFor(req.task);
  const fit = fitMlp({
    params: req.params,
    seed: req.seed,
    x: req.x,
    rows: req.rows,
    cols: req.cols,
    y: target.y,
    output,
    outputUnits: outputUnits(req.task, req.classCount),
    lossScale: target.std * target.std,
    onProgress: req.onProgress,
  });
  return {
    layers: fit.layers,
    output,
    dropout: req.params.dropout,
    history: fit.history,
    stoppedEpoch: fit.stoppedEpoch,
    bestEpoch: fit.bestEpoch,
    notes: [],
  };
}
