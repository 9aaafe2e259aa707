import { describe, expect, it } from 'vitest';
import { PipePilotError } from '../../../src/errors.js';
import { forwardPass } from '../../../src/model/forward.js';
import { trainModel } from '../../../src/model/train.js';
import type { TrainProgress, TrainRequest } from '../../../src/model/types.js';
import { Rng } from '../../../src/rng.js';
import { syntheticData } from './data.js';
import { modelParams } from './params.js';

const ES = { validation_fraction: 0.25, patience: 2, min_delta: 0, restore_best: true };

function bytesOf(req: TrainRequest): Uint8Array[] {
  return trainModel(req).layers.flatMap((l) => [new Uint8Array(l.weights.buffer), new Uint8Array(l.bias.buffer)]);
}

describe('MLP training is reproducible', () => {
  it('same seed and data give bitwise-identical weights (dropout and early stopping on)', () => {
    const data = syntheticData('multiclass_classification', 400, 6);
    const params = modelParams({ hidden_units: [12, 7], dropout: 0.2, epochs: 4, batch_size: 30, early_stopping: { ...ES, patience: 10 } });
    const req: TrainRequest = { task: 'multiclass_classification', type: 'mlp', params, seed: 5, ...data };
    expect(bytesOf(req)).toEqual(bytesOf(req));
    expect(bytesOf({ ...req, seed: 6 })).not.toEqual(bytesOf(req));
  });

  it('learns: binary accuracy on its training rows is well above chance', () => {
    const data = syntheticData('binary_classification', 600, 4);
    const m = trainModel({
      task: 'binary_classification', type: 'mlp', params: modelParams({ hidden_units: [16], epochs: 30, batch_size: 32 }), seed: 1, ...data,
    });
    const p = forwardPass(m, data.x, data.rows, data.cols);
    const correct = data.y.reduce((s, t, i) => s + ((p[i] >= 0.5 ? 1 : 0) === t ? 1 : 0), 0);
    expect(correct / data.rows).toBeGreaterThan(0.85);
    expect(m.history[m.history.length - 1].loss).toBeLessThan(m.history[0].loss);
  });
});

describe('early stopping', () => {
  // Random labels: nothing to learn, so a wide net at a high rate overfits and val loss rises.
  function noise() {
    const rng = new Rng(9);
    const rows = 200;
    const cols = 8;
    const x = Float32Array.from({ length: rows * cols }, () => rng.normal());
    const y = Float64Array.from({ length: rows }, () => rng.int(2));
    return { x, y, rows, cols, classCount: 2 };
  }
  const base = { task: 'binary_classification' as const, type: 'mlp' as const, seed: 4, ...noise() };
  const params = modelParams({ hidden_units: [64, 64], learning_rate: 0.01, epochs: 200, batch_size: 16, early_stopping: ES });

  it('stops after `patience` epochs without improvement and restores the best epoch weights', () => {
    const stopped = trainModel({ ...base, params });
    expect(stopped.stoppedEpoch).toBeDefined();
    expect(stopped.stoppedEpoch).toBeLessThan(200);
    const best = stopped.bestEpoch ?? 0;
    expect(stopped.stoppedEpoch).toBe(best + ES.patience);
    const valLosses = stopped.history.map((h) => h.valLoss ?? Infinity);
    expect(Math.min(...valLosses)).toBe(valLosses[best - 1]);
    // The same seed trained for exactly `best` epochs draws the same split, init and shuffles,
    // so its final weights are the weights early stopping must have restored.
    const upToBest = trainModel({ ...base, params: { ...params, epochs: best, early_stopping: { ...ES, patience: 1000 } } });
    expect(stopped.layers.map((l) => Array.from(l.weights))).toEqual(upToBest.layers.map((l) => Array.from(l.weights)));
  });

  it('keeps the last weights when restore_best is off', () => {
    const last = trainModel({ ...base, params: { ...params, early_stopping: { ...ES, restore_best: false } } });
    const best = trainModel({ ...base, params });
    expect(last.stoppedEpoch).toBe(best.stoppedEpoch);
    expect(Array.from(last.layers[0].weights)).not.toEqual(Array.from(best.layers[0].weights));
  });

  it('reports each epoch with its validation loss through onProgress', () => {
    const seen: TrainProgress[] = [];
    const m = trainModel({ ...base, params: { ...params, epochs: 3, early_stopping: { ...ES, patience: 10 } }, onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => [p.epoch, p.epochs])).toEqual([[1, 3], [2, 3], [3, 3]]);
    expect(seen.every((p) => p.valLoss !== undefined && Number.isFinite(p.valLoss))).toBe(true);
    expect(m.history).toHaveLength(3);
  });
});

describe('regression outputs original units', () => {
  it('linear: y = 1000 + 250·(x0 - 0.5·x1 + …) is recovered in target units', () => {
    const rng = new Rng(2);
    const rows = 500;
    const x = Float32Array.from({ length: rows * 2 }, () => rng.normal());
    const y = Float64Array.from({ length: rows }, (_, r) => 1000 + 250 * x[r * 2] - 125 * x[r * 2 + 1]);
    const m = trainModel({ task: 'regression', type: 'linear', params: modelParams(), seed: 1, x, y, rows, cols: 2, classCount: 1 });
    expect(m.layers[0].weights[0]).toBeCloseTo(250, 2);
    expect(m.layers[0].weights[1]).toBeCloseTo(-125, 2);
    expect(m.layers[0].bias[0]).toBeCloseTo(1000, 2);
    expect(m.history[0].loss).toBeLessThan(1e-6);
  });

  it('mlp: predictions are in target units and the reported loss is MSE in those units', () => {
    const data = syntheticData('regression', 800, 3);
    const m = trainModel({
      task: 'regression', type: 'mlp', params: modelParams({ hidden_units: [16], epochs: 40, batch_size: 32 }), seed: 1, ...data,
    });
    const p = forwardPass(m, data.x, data.rows, data.cols);
    let mse = 0;
    let variance = 0;
    const mean = data.y.reduce((s, v) => s + v, 0) / data.rows;
    for (let i = 0; i < data.rows; i++) {
      mse += (p[i] - data.y[i]) ** 2 / data.rows;
      variance += (data.y[i] - mean) ** 2 / data.rows;
    }
    expect(1 - mse / variance).toBeGreaterThan(0.8);
    // The last epoch's loss was measured before its final updates, so compare loosely.
    expect(m.history[m.history.length - 1].loss / mse).toBeGreaterThan(0.5);
    expect(m.history[m.history.length - 1].loss / mse).toBeLessThan(2);
  });

  it('a collinear feature is solved with a reported jitter, not a crash', () => {
    const rng = new Rng(3);
    const rows = 50;
    const x = new Float32Array(rows * 2);
    for (let r = 0; r < rows; r++) x[r * 2] = x[r * 2 + 1] = rng.normal();
    const y = Float64Array.from({ length: rows }, (_, r) => 3 * x[r * 2]);
    const m = trainModel({ task: 'regression', type: 'linear', params: modelParams(), seed: 1, x, y, rows, cols: 2, classCount: 1 });
    expect(m.notes.join(' ')).toMatch(/collinear or constant/);
    expect(m.layers[0].weights[0] + m.layers[0].weights[1]).toBeCloseTo(3, 3);
  });
});

describe('bad training input is a clear PipePilotError', () => {
  const data = syntheticData('binary_classification', 10, 3);
  const ok: TrainRequest = { task: 'binary_classification', type: 'mlp', params: modelParams(), seed: 1, ...data };
  const cases: [string, Partial<TrainRequest>, RegExp][] = [
    ['rows×cols does not match x', { rows: 11 }, /has 30 values but rows×cols = 11×3 = 33/],
    ['y has the wrong length', { y: new Float64Array(9) }, /target has 9 values for 10 rows/],
    ['NaN in x', { x: Float32Array.from(data.x, (v, i) => (i === 7 ? NaN : v)) }, /row 2, column 1 is NaN/],
    ['binary with classCount 3', { classCount: 3 }, /classCount 3 does not fit task binary_classification \(expected 2\)/],
    ['label outside the classes', { y: Float64Array.from(data.y, (v, i) => (i === 4 ? 2 : v)) }, /target at row 4 is 2, expected a class index in \[0, 2\)/],
    ['regression with classCount 2', { task: 'regression', classCount: 2 }, /expected 1/],
    ['multiclass with one class', { task: 'multiclass_classification', classCount: 1 }, /expected at least 2/],
    ['no rows', { rows: 0, x: new Float32Array(0), y: new Float64Array(0) }, /at least 1 row/],
    ['dropout of 1', { params: modelParams({ dropout: 1 }) }, /dropout must be in \[0, 1\), got 1/],
    ['zero batch size', { params: modelParams({ batch_size: 0 }) }, /batch_size must be an integer ≥ 1, got 0/],
  ];
  for (const [name, change, message] of cases) {
    it(name, () => {
      const run = () => trainModel({ ...ok, ...change });
      expect(run).toThrow(PipePilotError);
      expect(run).toThrow(message);
    });
  }

  it('a diverging MLP (absurd learning rate) stops with advice instead of returning NaN weights', () => {
    const reg = syntheticData('regression', 64, 3);
    const run = () => trainModel({
      task: 'regression', type: 'mlp', seed: 1, ...reg,
      params: modelParams({ hidden_units: [32, 32], activation: 'linear', learning_rate: 1e60, epochs: 50, batch_size: 8 }),
    });
    expect(run).toThrow(/diverged .* not finite/);
  });
});
