import { forwardPass } from '../model/forward.js';
import { trainGbdtModel } from '../model/gbdt/train-gbdt.js';
import { TreeEnsemble } from '../model/gbdt/tree-predict.js';
import { trainModel } from '../model/train.js';
import type { ModelParams, ModelSpec } from '../spec/types.js';
import type { Trainer } from './objective.js';

/**
 * The tuner's trainer for a pipeline's model: the trial's params over model.params, trained with
 * model.seed, so trials differ by their params only. Linear models and MLPs go through
 * trainModel; gbdt through its public entry point (trainGbdtModel) with the fold's column kinds,
 * scored by the same TreeEnsemble the served model uses. Any trainer reporting a validation loss
 * per step through onProgress can be pruned: the MLP per epoch, gbdt per boosting iteration
 * (both only with early_stopping on, which holds out the validation rows they report on);
 * others just run to the end.
 */
export function modelTrainer(model: ModelSpec, classCount: number): Trainer {
  return ({ params, train, columns, onStep }) => {
    const req = {
      task: model.task,
      type: model.type,
      params: { ...model.params, ...params } as ModelParams,
      seed: model.seed,
      ...train,
      classCount,
      onProgress: (p: { epoch: number; valLoss?: number }) => p.valLoss !== undefined && onStep(p.epoch, p.valLoss),
    };
    if (model.type === 'gbdt') {
      const trees = new TreeEnsemble(trainGbdtModel(req, columns).model);
      return (x, rows, cols) => trees.predict(x, rows, cols);
    }
    const trained = trainModel(req);
    return (x, rows, cols) => forwardPass(trained, x, rows, cols);
  };
}
