import type { Preprocessor } from '../features/preprocessor.js';
import { gbdtColumns, trainGbdtModel } from './gbdt/train-gbdt.js';
import { toTfjsArtifacts } from './tfjs-format.js';
import { trainModel } from './train.js';
import type { TrainRequest, TrainedModel } from './types.js';

/** A trained model as the files it is saved in, and what training reports. */
export interface FittedModel {
  /** model.json: a tfjs LayersModel, or the tree ensemble (format "pipepilot-gbdt/v1"). */
  modelJson: Record<string, unknown>;
  /** weights.bin: the tfjs weights; empty for trees (everything is in model.json). */
  weightsBin: Uint8Array;
  summary: Pick<TrainedModel, 'history' | 'bestEpoch' | 'stoppedEpoch' | 'iterations' | 'notes'>;
}

/** Trains the model type the request names on the preprocessor's rows. Deterministic given the seed. */
export function fitModel(req: TrainRequest, pre: Preprocessor, opts: { name: string }): FittedModel {
  if (req.type === 'gbdt') {
    const fit = trainGbdtModel(req, gbdtColumns(pre));
    const notes = fit.stoppedIteration !== undefined ? [`early stopping after ${fit.stoppedIteration} iterations, kept ${fit.model.iterations}`] : [];
    return {
      modelJson: fit.model as unknown as Record<string, unknown>,
      weightsBin: new Uint8Array(0),
      summary: { history: fit.history, notes, ...(fit.bestIteration !== undefined ? { bestEpoch: fit.bestIteration, stoppedEpoch: fit.stoppedIteration } : {}) },
    };
  }
  const trained = trainModel(req);
  const tfjs = toTfjsArtifacts(trained, opts);
  return { modelJson: tfjs.modelJson, weightsBin: tfjs.weightsBin, summary: trained };
}
