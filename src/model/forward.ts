import type { Activation } from '../spec/types.js';
import { activateInPlace } from './activations.js';
import { KernelArena } from './dense-kernels.js';
import type { TrainedModel } from './types.js';

const CHUNK_ROWS = 4096;

/**
 * Our own inference on a TrainedModel with the training kernels (float32, like tfjs), chunked
 * to bound memory. Returns what the served tfjs model returns: binary → rows positive-class
 * probabilities; multiclass → rows×k probabilities; regression → rows values.
 */
export function forwardPass(model: TrainedModel, x: Float32Array, rows: number, cols: number): Float32Array {
  const units = model.layers[model.layers.length - 1].units;
  const chunk = Math.max(1, Math.min(CHUNK_ROWS, rows));
  const arena = new KernelArena([
    ...model.layers.flatMap((l) => [l.weights.length, l.bias.length]),
    chunk * cols, ...model.layers.map((l) => chunk * l.units),
  ]);
  const layers = model.layers.map((l) => {
    const w = arena.alloc(l.weights.length);
    const b = arena.alloc(l.bias.length);
    w.set(l.weights);
    b.set(l.bias);
    return { ...l, w, b };
  });
  const buffers = [arena.alloc(chunk * cols), ...layers.map((l) => arena.alloc(chunk * l.units))];
  const out = new Float32Array(rows * units);
  for (let start = 0; start < rows; start += chunk) {
    const n = Math.min(chunk, rows - start);
    buffers[0].set(x.subarray(start * cols, (start + n) * cols));
    layers.forEach((l, i) => {
      arena.denseForward(buffers[i], l.w, l.b, buffers[i + 1], { rows: n, nIn: l.inputs, nOut: l.units });
      if (i < layers.length - 1) activateInPlace(arena, buffers[i + 1], n * l.units, l.activation as Activation);
    });
    const z = buffers[layers.length];
    if (model.output === 'softmax') softmaxRows(z, n, units);
    else if (model.output === 'sigmoid') for (let i = 0; i < n; i++) z[i] = 1 / (1 + Math.exp(-z[i]));
    out.set(z.subarray(0, n * units), start * units);
  }
  return out;
}

function softmaxRows(z: Float32Array, rows: number, units: number): void {
  for (let r = 0; r < rows; r++) {
    const o = r * units;
    let m = -Infinity;
    for (let j = 0; j < units; j++) m = Math.max(m, z[o + j]);
    let s = 0;
    for (let j = 0; j < units; j++) s += Math.exp(z[o + j] - m);
    for (let j = 0; j < units; j++) z[o + j] = Math.exp(z[o + j] - m) / s;
  }
}
