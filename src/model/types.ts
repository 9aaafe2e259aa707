import type { Activation, ModelParams, ModelType, Task } from '../spec/types.js';

/** What the output layer applies: it fixes the loss we train with and what predictions mean. */
export type OutputActivation = 'sigmoid' | 'softmax' | 'linear';

/** One Dense layer as plain data. `weights` is inputs×units row-major, exactly like a Keras kernel. */
export interface DenseLayerData {
  weights: Float32Array;
  bias: Float32Array;
  inputs: number;
  units: number;
  activation: Activation | OutputActivation;
}

export interface EpochRecord {
  epoch: number;
  /** Mean training data loss of the epoch (linear: objective at that iteration), without the L2 term. */
  loss: number;
  valLoss?: number;
}

export interface TrainProgress {
  epoch: number;
  epochs: number;
  loss: number;
  valLoss?: number;
}

export interface TrainRequest {
  task: Task;
  type: ModelType;
  params: ModelParams;
  seed: number;
  /** rows×cols row-major, already preprocessed. */
  x: Float32Array;
  rows: number;
  cols: number;
  /** regression: the value; binary: 0/1; multiclass: the class index. */
  y: Float64Array;
  /** 2 for binary, k for multiclass, 1 for regression. */
  classCount: number;
  /**
   * The columns of each one-hot block (a categorical feature's categories and its unknown
   * bucket). Such a block sums to 1 in every row, so it is collinear with the intercept by
   * construction; linear solvers use this to tell that apart from a real problem.
   */
  oneHotBlocks?: readonly (readonly number[])[];
  onProgress?: (p: TrainProgress) => void;
  /** gbdt: threads that build histograms (default 1); the trees are the same bits whatever the count. */
  threads?: number;
}

/**
 * A trained Sequential of Dense layers, as plain data. Regression models already output
 * original target units (the target standardization is folded into the last layer).
 */
export interface TrainedModel {
  layers: DenseLayerData[];
  output: OutputActivation;
  /** Dropout rate after each hidden layer during training (inactive at inference); 0 when none. */
  dropout: number;
  history: EpochRecord[];
  /** Early stopping: the epoch training stopped at, and the epoch whose weights were kept. */
  stoppedEpoch?: number;
  bestEpoch?: number;
  /** Linear models: solver iterations used. */
  iterations?: number;
  /** Things the caller should log: a jitter added to a singular system, a solver that did not converge. */
  notes: string[];
}

/** The output activation each task trains with. */
export function outputFor(task: Task): OutputActivation {
  if (task === 'binary_classification') return 'sigmoid';
  if (task === 'multiclass_classification') return 'softmax';
  return 'linear';
}

/** Output units for a task: one probability for binary, k for multiclass, one value for regression. */
export function outputUnits(task: Task, classCount: number): number {
  return task === 'multiclass_classification' ? classCount : 1;
}
