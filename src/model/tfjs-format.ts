import type { io } from '@tensorflow/tfjs-core';
import type { LayersModel } from '@tensorflow/tfjs-layers';
import { ModelFileError } from '../errors.js';
import { tf, tfl } from './tfjs.js';
import type { TrainedModel } from './types.js';

/**
 * The saved model is a standard TensorFlow.js LayersModel (model.json + weights.bin, float32),
 * the format `tf.loadLayersModel` reads, so the model evaluated is exactly the one served, by
 * tfjs on any backend. Dropout layers are kept in the topology (inactive at inference) so the
 * file describes the architecture that was trained.
 */
export interface TfjsArtifacts {
  modelJson: Record<string, unknown>;
  weightsBin: Uint8Array;
}

interface WeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32';
}

const TFJS_VERSION = '4.22.0';

/** Serializes a trained model to model.json (as an object) and the bytes of weights.bin. */
export function toTfjsArtifacts(model: TrainedModel, opts: { name: string }): TfjsArtifacts {
  const layers: object[] = [];
  const weights: WeightSpec[] = [];
  model.layers.forEach((l, i) => {
    const name = `dense_${i + 1}`;
    layers.push({ class_name: 'Dense', config: denseConfig(name, l.units, l.activation, i === 0 ? l.inputs : undefined) });
    weights.push({ name: `${name}/kernel`, shape: [l.inputs, l.units], dtype: 'float32' });
    weights.push({ name: `${name}/bias`, shape: [l.units], dtype: 'float32' });
    if (i < model.layers.length - 1 && model.dropout > 0) {
      layers.push({ class_name: 'Dropout', config: { rate: model.dropout, noise_shape: null, seed: null, name: `dropout_${i + 1}`, trainable: true } });
    }
  });
  const total = model.layers.reduce((s, l) => s + l.weights.length + l.bias.length, 0);
  const values = new Float32Array(total);
  let off = 0;
  for (const l of model.layers) {
    values.set(l.weights, off);
    off += l.weights.length;
    values.set(l.bias, off);
    off += l.bias.length;
  }
  const modelJson = {
    format: 'layers-model',
    generatedBy: `TensorFlow.js tfjs-layers v${TFJS_VERSION}`,
    convertedBy: 'pipepilot',
    modelTopology: {
      class_name: 'Sequential',
      config: { name: opts.name, layers },
      keras_version: `tfjs-layers ${TFJS_VERSION}`,
      backend: 'tensor_flow.js',
    },
    weightsManifest: [{ paths: ['weights.bin'], weights }],
  };
  return { modelJson, weightsBin: new Uint8Array(values.buffer) };
}

function denseConfig(name: string, units: number, activation: string, inputs?: number): object {
  return {
    units,
    activation,
    use_bias: true,
    kernel_initializer: { class_name: 'VarianceScaling', config: { scale: 1, mode: 'fan_avg', distribution: 'uniform', seed: null } },
    bias_initializer: { class_name: 'Zeros', config: {} },
    kernel_regularizer: null,
    bias_regularizer: null,
    activity_regularizer: null,
    kernel_constraint: null,
    bias_constraint: null,
    name,
    trainable: true,
    ...(inputs === undefined ? {} : { batch_input_shape: [null, inputs] }),
    dtype: 'float32',
  };
}

/**
 * Loads saved artifacts into a tfjs LayersModel on the current backend (call selectBackend
 * first). A model.json that is not a LayersModel, or a weights.bin whose size does not match the
 * manifest, is a ModelFileError naming `opts.file` (default 'model.json').
 */
export async function loadTfjsModel(artifacts: TfjsArtifacts, opts: { file?: string } = {}): Promise<LayersModel> {
  const file = opts.file ?? 'model.json';
  const { modelTopology, weightSpecs } = checkModelJson(artifacts.modelJson, file);
  const expected = weightSpecs.reduce((s, w) => s + w.shape.reduce((a, b) => a * b, 1) * 4, 0);
  const bin = artifacts.weightsBin;
  if (bin.byteLength !== expected) {
    throw new ModelFileError(`${file}: weights.bin has ${bin.byteLength} bytes but the weights manifest needs ${expected}`, {
      file, hint: 'the model files are incomplete or from different versions: re-run training or restore both files together',
    });
  }
  const weightData = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) as ArrayBuffer;
  try {
    return await tfl.loadLayersModel(tf.io.fromMemory({ modelTopology, weightSpecs, weightData }));
  } catch (err) {
    throw new ModelFileError(`${file}: tfjs could not load the model: ${err instanceof Error ? err.message : String(err)}`, {
      file, hint: 'the file is not a valid TensorFlow.js LayersModel', cause: err,
    });
  }
}

function checkModelJson(json: unknown, file: string): { modelTopology: object; weightSpecs: io.WeightsManifestEntry[] } {
  const bad = (what: string): ModelFileError =>
    new ModelFileError(`${file}: ${what}`, { file, hint: 'expected a TensorFlow.js LayersModel model.json (format "layers-model")' });
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw bad('is not a JSON object');
  const j = json as Record<string, unknown>;
  if (j.format !== undefined && j.format !== 'layers-model') throw bad(`has format ${JSON.stringify(j.format)}, not "layers-model"`);
  if (typeof j.modelTopology !== 'object' || j.modelTopology === null) throw bad('has no modelTopology object');
  const manifest = j.weightsManifest;
  if (!Array.isArray(manifest) || manifest.length === 0) throw bad('has no weightsManifest');
  const weightSpecs: io.WeightsManifestEntry[] = [];
  for (const group of manifest as { weights?: unknown }[]) {
    if (!Array.isArray(group?.weights)) throw bad('has a weightsManifest group without a weights list');
    for (const w of group.weights as Partial<io.WeightsManifestEntry>[]) {
      const okShape = Array.isArray(w?.shape) && w.shape.every((d) => Number.isInteger(d) && d >= 0);
      if (typeof w?.name !== 'string' || !okShape || w.dtype !== 'float32') {
        throw bad(`has a weight entry that is not {name, shape, dtype: "float32"}: ${JSON.stringify(w)}`);
      }
      weightSpecs.push(w as io.WeightsManifestEntry);
    }
  }
  return { modelTopology: j.modelTopology, weightSpecs };
}
