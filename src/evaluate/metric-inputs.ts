import { PipePilotError } from '../errors.js';

/** Model output as it comes from tfjs (float32) or from tests and references (float64). */
export type Scores = Float32Array | Float64Array;

/**
 * Input checks shared by the metric functions. They throw PipePilotError: a bad call here is a
 * wiring problem between training and evaluation, not something a gate should report.
 */
export function checkRows(what: string, yTrue: ArrayLike<number>, expected: number, actual: number): void {
  if (yTrue.length === 0) {
    throw new PipePilotError(`${what}: no rows to evaluate`, {
      hint: 'the test split is empty; lower data.split.test or add data',
    });
  }
  if (expected !== actual) {
    throw new PipePilotError(
      `${what}: ${yTrue.length} true values but the model output has ${actual} values (expected ${expected})`,
      { hint: 'predictions and labels must come from the same test rows' },
    );
  }
}

/** Every label is an integer in [0, k). */
export function checkClassIndices(what: string, yTrue: ArrayLike<number>, k: number): void {
  for (let i = 0; i < yTrue.length; i++) {
    const y = yTrue[i];
    if (!Number.isInteger(y) || y < 0 || y >= k) {
      throw new PipePilotError(`${what}: true value at row ${i} is ${y}, expected a class index in [0, ${k})`, {
        hint: 'encode the target as class indices before evaluating',
      });
    }
  }
}

/** Every probability is finite and in [0, 1] (a NaN usually means training diverged). */
export function checkProbabilities(what: string, probs: ArrayLike<number>): void {
  for (let i = 0; i < probs.length; i++) {
    const p = probs[i];
    if (!(p >= 0 && p <= 1)) {
      throw new PipePilotError(`${what}: model output ${i} is ${p}, expected a probability in [0, 1]`, {
        hint: 'a NaN output usually means training diverged; try a lower model.params.learning_rate',
      });
    }
  }
}

/** Every value is finite (regression targets and predictions). */
export function checkFinite(what: string, label: string, values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new PipePilotError(`${what}: ${label} at row ${i} is ${values[i]}, expected a finite number`, {
        hint: 'a NaN prediction usually means training diverged; try a lower model.params.learning_rate',
      });
    }
  }
}

/** Float64 machine epsilon, sklearn's clipping eps for float64 probabilities and MAPE's floor. */
export const FLOAT64_EPS = 2.220446049250313e-16;
