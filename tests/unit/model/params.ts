import type { ModelParams } from '../../../src/spec/types.js';

/** Model params as loadSpec would default them, with the fields a test cares about overridden. */
export function modelParams(overrides: Partial<ModelParams> = {}): ModelParams {
  return {
    hidden_units: [8],
    activation: 'relu',
    dropout: 0,
    learning_rate: 0.01,
    epochs: 5,
    batch_size: 16,
    max_iter: 1000,
    tol: 1e-6,
    ...overrides,
  };
}
