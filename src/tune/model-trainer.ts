import { forwardPass } from '../model/forward.js';
import { trainModel } from '../model/train.js';
import type { ModelParams, ModelSpec } from '../spec/types.js';
import type { Trainer } from './objective.js';

/**
 * The tuner's trainer for a pipeline's model: the trial's params over model.params, trained by
 * trainModel (whatever model.type dispatches to) with model.seed, so trials differ by their
 * params only. Any trainer reporting a validation loss per step through onProgress (the MLP per
 * epoch with early stopping on) can be pruned; others just run to the end.
 */
export function modelTrainer(model: ModelSpec, classCount: number): Trainer {
  return ({ params, train, onStep }) => {
    const trained = trainModel({
      task: model.task,
      type: model.type,
      params: { ...model.params, ...params } as ModelParams,
      seed: model.seed,
      ...train,
      classCount,
      onProgress: (p) => p.valLoss !== undefined && onStep(p.epoch, p.valLoss),
    });
    return (x, rows, cols) => forwardPass(trained, x, rows, cols);
  };
}
