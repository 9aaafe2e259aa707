import * as tf from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { PipePilotError } from '../errors.js';

/**
 * tfjs predicts in batches of 32 by default; per-batch overhead then dominates tabular rows
 * (bench/train.ts measures the difference), so score in large batches.
 */
const DEFAULT_BATCH_ROWS = 16384;

/**
 * Scores rows×cols row-major features with a loaded tfjs model and returns flat outputs:
 * binary → rows positive-class probabilities; multiclass → rows×k; regression → rows values.
 * Every tensor it makes is disposed before it returns.
 */
export function predictBatch(
  model: LayersModel, x: Float32Array, rows: number, cols: number, opts: { batchSize?: number } = {},
): Float32Array {
  if (x.length !== rows * cols) {
    throw new PipePilotError(`prediction input has ${x.length} values but rows×cols = ${rows}×${cols} = ${rows * cols}`, {
      hint: 'x must be rows×cols row-major',
    });
  }
  const inputShape = model.inputs[0].shape;
  const expected = inputShape[inputShape.length - 1];
  if (expected !== null && expected !== cols) {
    throw new PipePilotError(`the model takes ${expected} input columns, got ${cols}`, {
      hint: 'score with the preprocessor saved with this model version',
    });
  }
  if (rows === 0) return new Float32Array(0);
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_ROWS;
  const out = tf.tidy(() => model.predict(tf.tensor2d(x, [rows, cols]), { batchSize }) as tf.Tensor);
  try {
    return out.dataSync() as Float32Array;
  } finally {
    out.dispose();
  }
}
