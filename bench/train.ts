/**
 * `npm run bench -- train`: training and scoring speed against torch and scikit-learn, same rows,
 * same run. 100,000 × 20 seeded rows; MLP 20→64→32→1 (ReLU, Adam, batch 256, 5 epochs, no early
 * stopping) and logistic regression; then tfjs scoring at its default batch of 32 against
 * predictBatch's large batches. The anchors run only when a python3 with torch/sklearn exists.
 * Then the end to end runs of bench/_train-e2e.ts (`pipepilot run` on a 125k-row CSV against
 * pandas + scikit-learn / torch scripts); `--rounds=N` sets its rounds (default 3), `--e2e` runs
 * only those. It runs the built CLI: `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { selectBackend } from '../src/model/backend.js';
import { forwardPass } from '../src/model/forward.js';
import { predictBatch } from '../src/model/predict.js';
import { loadTfjsModel, toTfjsArtifacts } from '../src/model/tfjs-format.js';
import { trainModel } from '../src/model/train.js';
import type { TrainRequest } from '../src/model/types.js';
import { Rng } from '../src/rng.js';
import type { ModelParams } from '../src/spec/types.js';
import { benchEndToEnd } from './_train-e2e.js';

const ROWS = 100_000;
const COLS = 20;
const EPOCHS = 5;

function makeRows(): { x: Float32Array; y: Float64Array; y3: Float64Array } {
  const rng = new Rng(2024);
  const x = new Float32Array(ROWS * COLS);
  for (let i = 0; i < x.length; i++) x[i] = rng.normal();
  const y = new Float64Array(ROWS);
  const y3 = new Float64Array(ROWS); // the same score in three bands, for the multinomial fit
  for (let r = 0; r < ROWS; r++) {
    const o = r * COLS;
    const s = x[o] - 0.7 * x[o + 1] + 0.5 * x[o + 2] * x[o + 3] + 0.3 * Math.sin(3 * x[o + 4]) + 0.5 * rng.normal();
    y[r] = s > 0 ? 1 : 0;
    y3[r] = s < -0.5 ? 0 : s < 0.5 ? 1 : 2;
  }
  return { x, y, y3 };
}

const mlpParams: ModelParams = {
  hidden_units: [64, 32], activation: 'relu', dropout: 0, learning_rate: 0.001, epochs: EPOCHS, batch_size: 256,
  max_iter: 1000, tol: 1e-6,
};

function accuracy(p: Float32Array, y: Float64Array): number {
  let ok = 0;
  for (let i = 0; i < y.length; i++) if ((p[i] >= 0.5 ? 1 : 0) === y[i]) ok++;
  return ok / y.length;
}

function argmaxAccuracy(p: Float32Array, y: Float64Array): number {
  let ok = 0;
  for (let r = 0; r < y.length; r++) {
    const row = p.subarray(r * 3, r * 3 + 3);
    if (row.indexOf(Math.max(...row)) === y[r]) ok++;
  }
  return ok / y.length;
}

function timed<T>(fn: () => T): { value: T; s: number } {
  const start = performance.now();
  const value = fn();
  return { value, s: (performance.now() - start) / 1000 };
}

function runAnchor(x: Float32Array, y: Float64Array, y3: Float64Array): Record<string, Record<string, number | string>> | undefined {
  const python = ['/usr/bin/python3', 'python3'].find((p) => p === 'python3' || existsSync(p));
  if (python === undefined) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'pipepilot-bench-'));
  try {
    writeFileSync(join(dir, 'x.bin'), new Uint8Array(x.buffer));
    writeFileSync(join(dir, 'y.bin'), new Uint8Array(y.buffer));
    writeFileSync(join(dir, 'y3.bin'), new Uint8Array(y3.buffer));
    const script = join(dirname(fileURLToPath(import.meta.url)), 'train-anchor.py');
    const res = spawnSync(python, [script, join(dir, 'x.bin'), join(dir, 'y.bin'), String(ROWS), String(COLS), join(dir, 'y3.bin')], { encoding: 'utf8' });
    if (res.status !== 0) {
      console.log(`anchor: ${python} failed: ${(res.stderr || String(res.error)).trim().split('\n').pop()}`);
      return undefined;
    }
    return JSON.parse(res.stdout) as Record<string, Record<string, number | string>>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchTfjsFit(x: Float32Array, y: Float64Array): Promise<number> {
  const model = tfl.sequential({
    layers: [
      tfl.layers.dense({ units: 64, activation: 'relu', inputShape: [COLS] }),
      tfl.layers.dense({ units: 32, activation: 'relu' }),
      tfl.layers.dense({ units: 1, activation: 'sigmoid' }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'binaryCrossentropy' });
  const xs = tf.tensor2d(x, [ROWS, COLS]);
  const ys = tf.tensor2d(Float32Array.from(y), [ROWS, 1]);
  const start = performance.now();
  await model.fit(xs, ys, { epochs: 1, batchSize: 256, shuffle: true, verbose: 0 });
  const s = (performance.now() - start) / 1000;
  tf.dispose([xs, ys]);
  model.dispose();
  return ROWS / s;
}

export default async function bench(args: string[]): Promise<void> {
  if (!args.includes('--e2e')) await benchFit();
  await benchEndToEnd(args);
}

async function benchFit(): Promise<void> {
  const { x, y, y3 } = makeRows();
  const base: Omit<TrainRequest, 'type' | 'params'> = { task: 'binary_classification', seed: 42, x, y, rows: ROWS, cols: COLS, classCount: 2 };
  // Warm the JIT on a slice, as torch's first batches warm its allocator.
  trainModel({ ...base, type: 'mlp', params: { ...mlpParams, epochs: 1 }, x: x.subarray(0, 10_000 * COLS), y: y.subarray(0, 10_000), rows: 10_000 });
  const mlp = timed(() => trainModel({ ...base, type: 'mlp', params: mlpParams }));
  const ourRate = (ROWS * EPOCHS) / mlp.s;
  const mlpAcc = accuracy(forwardPass(mlp.value, x, ROWS, COLS), y);
  const linear = timed(() => trainModel({ ...base, type: 'linear', params: mlpParams }));
  const linAcc = accuracy(forwardPass(linear.value, x, ROWS, COLS), y);
  const multi = timed(() => trainModel({ ...base, task: 'multiclass_classification', classCount: 3, y: y3, type: 'linear', params: mlpParams }));
  console.log(`rows ${ROWS} × ${COLS}, MLP ${COLS}→64→32→1 relu, Adam, batch 256, ${EPOCHS} epochs`);
  console.log(`ours  mlp     fit ${mlp.s.toFixed(2)} s  ${Math.round(ourRate)} samples/s  train accuracy ${mlpAcc.toFixed(4)}`);
  console.log(`ours  logreg  fit ${linear.s.toFixed(3)} s  (${linear.value.iterations} Newton iterations)  train accuracy ${linAcc.toFixed(4)}`);

  console.log(`ours  softmax fit ${multi.s.toFixed(3)} s  (${multi.value.iterations} iterations, 3 classes)  train accuracy ${argmaxAccuracy(forwardPass(multi.value, x, ROWS, COLS), y3).toFixed(4)}`);

  const anchor = runAnchor(x, y, y3);
  if (anchor?.torch !== undefined) {
    const t = anchor.torch;
    console.log(`torch ${t.version} mlp  fit ${Number(t.fit_s).toFixed(2)} s  ${Math.round(Number(t.samples_per_s))} samples/s  train accuracy ${Number(t.accuracy).toFixed(4)}  (threads ${t.threads})`);
    console.log(`ratio ours/torch samples/s: ${(ourRate / Number(t.samples_per_s)).toFixed(2)}`);
  } else {
    console.log(`torch: not run (${anchor?.torch_error ?? 'no python3'})`);
  }
  if (anchor?.sklearn !== undefined) {
    const s = anchor.sklearn;
    console.log(`sklearn ${s.version} LogisticRegression(lbfgs)  fit ${Number(s.fit_s).toFixed(3)} s  train accuracy ${Number(s.accuracy).toFixed(4)}`);
    console.log(`ratio ours/sklearn logreg fit time: ${(linear.s / Number(s.fit_s)).toFixed(2)}`);
    console.log(`sklearn multinomial LogisticRegression(lbfgs)  fit ${Number(s.multi_fit_s).toFixed(3)} s  train accuracy ${Number(s.multi_accuracy).toFixed(4)}`);
    console.log(`ratio ours/sklearn softmax fit time: ${(multi.s / Number(s.multi_fit_s)).toFixed(2)}`);
  } else {
    console.log(`sklearn: not run (${anchor?.sklearn_error ?? 'no python3'})`);
  }

  const backend = await selectBackend();
  console.log(`tfjs backend ${backend.name} (${backend.reason}), initialised in ${backend.initMs.toFixed(1)} ms`);
  const loaded = await loadTfjsModel(toTfjsArtifacts(mlp.value, { name: 'bench' }));
  const small = timed(() => {
    const out = tf.tidy(() => loaded.predict(tf.tensor2d(x, [ROWS, COLS])) as tf.Tensor);
    const data = out.dataSync();
    out.dispose();
    return data;
  });
  const large = timed(() => predictBatch(loaded, x, ROWS, COLS));
  const own = timed(() => forwardPass(mlp.value, x, ROWS, COLS));
  console.log(`predict ${ROWS} rows: tfjs model.predict default batch 32 ${(small.s * 1000).toFixed(0)} ms; predictBatch ${(large.s * 1000).toFixed(0)} ms; our forwardPass ${(own.s * 1000).toFixed(0)} ms`);
  const fitRate = await benchTfjsFit(x, y);
  console.log(`tfjs-${backend.name} model.fit (1 epoch, same model): ${Math.round(fitRate)} samples/s — ours is ${(ourRate / fitRate).toFixed(1)}×`);
}
