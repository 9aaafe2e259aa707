import type { Tensor } from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { PipePilotError } from '../errors.js';
import { tf } from './tfjs.js';

/**
 * Rows scored per call of the model: tfjs predicts in batches of 32 by default, where per-batch
 * overhead dominates tabular rows (bench/train.ts measures the difference), so score in large
 * batches. The batches are cut here, not by `predict`'s batchSize: tfjs-layers slices the whole
 * input tensor per batch and concatenates the outputs, which on the wasm backend cost 4.5 s for
 * 600,000 rows of a linear model in 37 batches, against 0.13 s for the matrix product itself.
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
  let result: Float32Array | undefined;
  let width = 0;
  for (let start = 0; start < rows; start += batchSize) {
    const n = Math.min(batchSize, rows - start);
    const out = tf.tidy(() => model.predict(tf.tensor2d(x.subarray(start * cols, (start + n) * cols), [n, cols]), { batchSize: n }) as Tensor);
    try {
      const values = out.dataSync() as Float32Array;
      if (result === undefined) {
        width = values.length / n;
        result = new Float32Array(rows * width);
      }
      result.set(values, start * width);
    } finally {
      out.dispose();
    }
  }
  return result!;
}
