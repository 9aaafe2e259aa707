import { PipePilotError } from '../errors.js';
import { taskScorer, type OutputReading } from '../evaluate/evaluation.js';
import { shouldPrune, type PruneContext } from './pruner.js';
import type { TrialParams } from './space.js';
import type { TrialRecord } from './trial.js';

/** Preprocessed rows: rows×cols row-major features and their targets. */
export interface Matrix {
  x: Float32Array;
  rows: number;
  cols: number;
  y: Float64Array;
}

/** What kind each model-row column is (a number, or category codes): trees split categories natively. */
export interface ColumnKind {
  name: string;
  /** Present for a categorical column: how many codes it has. */
  categories?: number;
}

/** One fold, preprocessed with a transform fitted on its own training rows. */
export interface Fold {
  train: Matrix;
  valid: Matrix;
  /** The fold's model-row columns; its preprocessor may have seen other categories than another fold's. */
  columns: ColumnKind[];
}

/** Scores rows with a trained model: the output a served model gives (probabilities, or values). */
export type Predict = (x: Float32Array, rows: number, cols: number) => Float32Array;

/**
 * Trains one model with the trial's params on `train`. Iterative trainers call `onStep` after
 * each step (an MLP epoch, a boosting round) with their validation loss; it throws TrialPruned
 * to stop training. The shell supplies it (trainModel of whatever model.type is), so the tuner
 * is generic over model types.
 */
export type Trainer = (req: { params: TrialParams; train: Matrix; columns: ColumnKind[]; onStep: (step: number, valLoss: number) => void }) => Predict;

/** Thrown from onStep to stop a trial; the trainer must let it through. */
export class TrialPruned extends Error {
  constructor(readonly step: number) {
    super(`pruned at step ${step}`);
  }
}

export interface TrialTask {
  number: number;
  params: TrialParams;
  prune: PruneContext;
}

/**
 * Runs one trial: trains on each fold, scores tune.metric on the fold's validation rows, and
 * returns the mean. The pruner watches the first fold's per-step validation loss. A training
 * error of ours to report (PipePilotError: diverged, bad params) makes the trial `failed`;
 * anything else is a bug and propagates.
 */
export function runTrial(task: TrialTask, ctx: { folds: readonly Fold[]; trainer: Trainer; metric: string; reading: OutputReading; now: () => number }): TrialRecord {
  const started = ctx.now();
  const curve: number[] = [];
  const record = (rest: Pick<TrialRecord, 'value' | 'state'> & Partial<TrialRecord>): TrialRecord =>
    ({ number: task.number, params: task.params, ...rest, duration_ms: Math.round(ctx.now() - started), intermediate: curve });
  const score = taskScorer(ctx.reading);
  let sum = 0;
  try {
    ctx.folds.forEach((fold, i) => {
      const onStep = (step: number, valLoss: number) => {
        if (i > 0) return;
        curve.push(valLoss);
        if (shouldPrune(task.prune, step, curve)) throw new TrialPruned(step);
      };
      const predict = ctx.trainer({ params: task.params, train: fold.train, columns: fold.columns, onStep });
      const metrics = score(fold.valid.y, predict(fold.valid.x, fold.valid.rows, fold.valid.cols));
      sum += metrics[ctx.metric];
    });
  } catch (err) {
    if (err instanceof TrialPruned) return record({ value: null, state: 'pruned', pruned_at: err.step });
    if (err instanceof PipePilotError) return record({ value: null, state: 'failed', error: err.message });
    throw err;
  }
  const value = sum / ctx.folds.length;
  return Number.isFinite(value) ? record({ value, state: 'complete' }) : record({ value: null, state: 'failed', error: `${ctx.metric} is not finite` });
}
