import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ModelFileError, PipePilotError } from '../../../src/errors.js';
import { selectBackend } from '../../../src/model/backend.js';
import { forwardPass } from '../../../src/model/forward.js';
import { predictBatch } from '../../../src/model/predict.js';
import { loadTfjsModel, toTfjsArtifacts } from '../../../src/model/tfjs-format.js';
import { trainModel } from '../../../src/model/train.js';
import type { ModelType, Task } from '../../../src/spec/types.js';
import { syntheticData } from './data.js';
import { modelParams } from './params.js';

const TASKS: Task[] = ['binary_classification', 'multiclass_classification', 'regression'];
const TYPES: ModelType[] = ['linear', 'mlp'];

beforeAll(async () => {
  const backend = await selectBackend('wasm');
  expect(backend.name).toBe('wasm');
});

function trained(task: Task, type: ModelType, dropout = 0) {
  const data = syntheticData(task, 300, 5);
  const params = modelParams({ hidden_units: [16, 8], activation: 'tanh', dropout, epochs: 3, batch_size: 32 });
  return { data, model: trainModel({ task, type, params, seed: 3, ...data }) };
}

/** What the shell does: model.json goes through a file as text, weights.bin as bytes. */
function throughFiles(a: ReturnType<typeof toTfjsArtifacts>) {
  return { modelJson: JSON.parse(JSON.stringify(a.modelJson)) as Record<string, unknown>, weightsBin: Uint8Array.from(a.weightsBin) };
}

describe('saved tfjs LayersModel serves what we trained (wasm backend)', () => {
  for (const task of TASKS) {
    for (const type of TYPES) {
      it(`${type} ${task}: tfjs predictions equal our forward pass within 1e-5`, async () => {
        const { data, model } = trained(task, type);
        const loaded = await loadTfjsModel(throughFiles(toTfjsArtifacts(model, { name: `${type}-${task}` })));
        const served = predictBatch(loaded, data.x, data.rows, data.cols);
        const ours = forwardPass(model, data.x, data.rows, data.cols);
        expect(served.length).toBe(data.rows * (task === 'multiclass_classification' ? 3 : 1));
        expect(ours.length).toBe(served.length);
        // Regression outputs are in target units (~1000): compare relative to the scale.
        const scale = task === 'regression' ? 1000 : 1;
        let worst = 0;
        for (let i = 0; i < served.length; i++) worst = Math.max(worst, Math.abs(served[i] - ours[i]) / scale);
        expect(worst).toBeLessThan(1e-5);
        loaded.dispose();
      });
    }
  }

  it('an MLP trained with dropout saves Dropout layers that are inactive when serving', async () => {
    const { data, model } = trained('binary_classification', 'mlp', 0.3);
    const artifacts = toTfjsArtifacts(model, { name: 'with-dropout' });
    const topology = artifacts.modelJson.modelTopology as { config: { layers: { class_name: string }[] } };
    expect(topology.config.layers.map((l) => l.class_name)).toEqual(['Dense', 'Dropout', 'Dense', 'Dropout', 'Dense']);
    const loaded = await loadTfjsModel(throughFiles(artifacts));
    const served = predictBatch(loaded, data.x, data.rows, data.cols, { batchSize: 64 });
    const ours = forwardPass(model, data.x, data.rows, data.cols);
    for (let i = 0; i < served.length; i++) expect(Math.abs(served[i] - ours[i])).toBeLessThan(1e-5);
  });

  it('batches cut by predictBatch give what one batch gives, row for row, whatever the batch size (an uneven last batch, k outputs per row)', async () => {
    for (const task of ['multiclass_classification', 'regression'] as const) {
      const { data, model } = trained(task, 'mlp');
      const loaded = await loadTfjsModel(throughFiles(toTfjsArtifacts(model, { name: `batches-${task}` })));
      const whole = predictBatch(loaded, data.x, data.rows, data.cols, { batchSize: data.rows });
      expect(whole.length).toBe(data.rows * (task === 'multiclass_classification' ? 3 : 1));
      for (const batchSize of [1, 7, 299, 300, 301]) {
        expect(predictBatch(loaded, data.x, data.rows, data.cols, { batchSize }), `batch size ${batchSize}`).toEqual(whole);
      }
      const tensorsBefore = tf.memory().numTensors;
      predictBatch(loaded, data.x, data.rows, data.cols, { batchSize: 7 });
      expect(tf.memory().numTensors).toBe(tensorsBefore);
      expect(predictBatch(loaded, new Float32Array(0), 0, data.cols)).toEqual(new Float32Array(0));
      loaded.dispose();
    }
  });

  it('model.json has the LayersModel shape tfjs and Keras tooling expect', () => {
    const { model } = trained('multiclass_classification', 'linear');
    const { modelJson, weightsBin } = toTfjsArtifacts(model, { name: 'iris' });
    expect(modelJson.format).toBe('layers-model');
    expect(modelJson.weightsManifest).toEqual([{
      paths: ['weights.bin'],
      weights: [
        { name: 'dense_1/kernel', shape: [5, 3], dtype: 'float32' },
        { name: 'dense_1/bias', shape: [3], dtype: 'float32' },
      ],
    }]);
    expect(weightsBin.byteLength).toBe((5 * 3 + 3) * 4);
  });
});

describe('bad model files and bad prediction input', () => {
  it('a weights.bin of the wrong length is a ModelFileError naming the file and both sizes', async () => {
    const { model } = trained('binary_classification', 'linear');
    const a = toTfjsArtifacts(model, { name: 'm' });
    const short = { modelJson: a.modelJson, weightsBin: a.weightsBin.subarray(0, a.weightsBin.length - 4) };
    const err = await loadTfjsModel(short, { file: 'models/churn/v4/model.json' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelFileError);
    expect((err as ModelFileError).file).toBe('models/churn/v4/model.json');
    expect((err as Error).message).toMatch(/weights\.bin has 20 bytes but the weights manifest needs 24/);
  });

  it('model.json that is not a LayersModel is a ModelFileError saying what is wrong', async () => {
    const bin = new Uint8Array(0);
    await expect(loadTfjsModel({ modelJson: [] as unknown as Record<string, unknown>, weightsBin: bin })).rejects.toThrow(/not a JSON object/);
    await expect(loadTfjsModel({ modelJson: { format: 'graph-model', modelTopology: {} }, weightsBin: bin })).rejects.toThrow(/"graph-model", not "layers-model"/);
    await expect(loadTfjsModel({ modelJson: { modelTopology: {}, weightsManifest: [] }, weightsBin: bin })).rejects.toThrow(/no weightsManifest/);
    const badWeight = { modelTopology: {}, weightsManifest: [{ paths: ['weights.bin'], weights: [{ name: 'k', shape: [2], dtype: 'int8' }] }] };
    await expect(loadTfjsModel({ modelJson: badWeight, weightsBin: bin })).rejects.toBeInstanceOf(ModelFileError);
  });

  it('a topology tfjs cannot build is a ModelFileError with the tfjs reason', async () => {
    const modelJson = {
      format: 'layers-model',
      modelTopology: { class_name: 'Sequential', config: { name: 'x', layers: [{ class_name: 'NoSuchLayer', config: {} }] } },
      weightsManifest: [{ paths: ['weights.bin'], weights: [] }],
    };
    const err = await loadTfjsModel({ modelJson, weightsBin: new Uint8Array(0) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelFileError);
    expect((err as Error).message).toMatch(/tfjs could not load the model/);
  });

  it('predictBatch rejects a rows×cols mismatch and the wrong number of columns', async () => {
    const { model } = trained('regression', 'linear');
    const loaded = await loadTfjsModel(toTfjsArtifacts(model, { name: 'r' }));
    expect(() => predictBatch(loaded, new Float32Array(9), 2, 5)).toThrow(PipePilotError);
    expect(() => predictBatch(loaded, new Float32Array(8), 2, 4)).toThrow(/takes 5 input columns, got 4/);
    expect(predictBatch(loaded, new Float32Array(0), 0, 5)).toEqual(new Float32Array(0));
  });
});
