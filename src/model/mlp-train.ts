import { PipePilotError } from '../errors.js';
import { Rng } from '../rng.js';
import type { EarlyStoppingSpec } from '../spec/types.js';
import { Adam } from './adam.js';
import type { Vec } from './dense-kernels.js';
import { MlpNetwork } from './mlp-network.js';
import type { DenseLayerData, EpochRecord, OutputActivation, TrainRequest } from './types.js';

/** A TrainRequest's data and params, with `y` as trained on (regression: already standardized). */
export interface MlpFitRequest extends Pick<TrainRequest, 'params' | 'seed' | 'x' | 'rows' | 'cols' | 'y' | 'onProgress'> {
  output: OutputActivation;
  outputUnits: number;
  /** Multiplies reported losses (regression: std² so history reads in original units). */
  lossScale: number;
}

export interface MlpFitResult {
  layers: DenseLayerData[];
  history: EpochRecord[];
  stoppedEpoch?: number;
  bestEpoch?: number;
}

/**
 * Mini-batch Adam training of an MLP. Deterministic: one Rng(seed) draws, in order, the
 * validation split, the initial weights, then each epoch's shuffle and dropout masks, so the
 * same seed and data give bitwise-identical weights.
 */
export function fitMlp(req: MlpFitRequest): MlpFitResult {
  const { params } = req;
  const rng = new Rng(req.seed);
  const { trainIdx, valIdx } = splitRows(req.rows, params.early_stopping, rng);
  const batch = Math.max(1, Math.min(params.batch_size, trainIdx.length));
  const net = new MlpNetwork(
    { sizes: [req.cols, ...params.hidden_units, req.outputUnits], activation: params.activation, output: req.output, dropout: params.dropout },
    batch,
  );
  net.initGlorot(rng);
  const adam = new Adam(net.params.length, params.learning_rate);
  const yBatch = new Float64Array(batch);
  const stopper = params.early_stopping === undefined ? undefined : new EarlyStopper(params.early_stopping, net.params);
  const history: EpochRecord[] = [];
  let stoppedEpoch: number | undefined;
  for (let epoch = 1; epoch <= params.epochs; epoch++) {
    rng.shuffle(trainIdx);
    let lossSum = 0;
    for (let start = 0; start < trainIdx.length; start += batch) {
      const rows = Math.min(batch, trainIdx.length - start);
      gatherRows(req, trainIdx, start, rows, net.input, yBatch);
      lossSum += net.computeGradients(yBatch, rows, params.l2 ?? 0, params.dropout > 0 ? rng : undefined);
      adam.update(net.params, net.grads);
    }
    const record: EpochRecord = { epoch, loss: (lossSum / trainIdx.length) * req.lossScale };
    if (!Number.isFinite(record.loss)) throw divergedError(epoch);
    if (valIdx.length > 0) record.valLoss = (meanLoss(net, req, valIdx, yBatch) * req.lossScale);
    history.push(record);
    req.onProgress?.({ ...record, epochs: params.epochs });
    if (stopper !== undefined && record.valLoss !== undefined && stopper.shouldStop(epoch, record.valLoss)) {
      stoppedEpoch = epoch;
      break;
    }
  }
  if (stopper !== undefined && params.early_stopping?.restore_best) stopper.restore();
  return { layers: net.toLayers(), history, stoppedEpoch, bestEpoch: stopper?.bestEpoch };
}

/** Early stopping on validation loss: the last `validation_fraction` of a seeded shuffle is held out. */
function splitRows(rows: number, es: EarlyStoppingSpec | undefined, rng: Rng): { trainIdx: Uint32Array; valIdx: Uint32Array } {
  const order = new Uint32Array(rows);
  for (let i = 0; i < rows; i++) order[i] = i;
  if (es === undefined) return { trainIdx: order, valIdx: new Uint32Array(0) };
  rng.shuffle(order);
  const nVal = Math.min(rows - 1, Math.max(1, Math.round(rows * es.validation_fraction)));
  if (rows < 2) {
    throw new PipePilotError(`early stopping needs at least 2 training rows, got ${rows}`, {
      hint: 'add rows or remove model.params.early_stopping',
    });
  }
  return { trainIdx: order.slice(0, rows - nVal), valIdx: order.slice(rows - nVal) };
}

function gatherRows(req: MlpFitRequest, idx: Uint32Array, start: number, rows: number, xb: Vec, yb: Float64Array): void {
  const { cols, x, y } = req;
  for (let r = 0; r < rows; r++) {
    const src = idx[start + r];
    const so = src * cols;
    const dO = r * cols;
    for (let c = 0; c < cols; c++) xb[dO + c] = x[so + c];
    yb[r] = y[src];
  }
}

function meanLoss(net: MlpNetwork, req: MlpFitRequest, idx: Uint32Array, yb: Float64Array): number {
  let sum = 0;
  for (let start = 0; start < idx.length; start += net.maxRows) {
    const rows = Math.min(net.maxRows, idx.length - start);
    gatherRows(req, idx, start, rows, net.input, yb);
    sum += net.evaluateLoss(yb, rows);
  }
  return sum / idx.length;
}

class EarlyStopper {
  bestEpoch: number | undefined;
  private best = Infinity;
  private wait = 0;
  private readonly snapshot: Vec;

  constructor(private readonly spec: EarlyStoppingSpec, private readonly params: Vec) {
    this.snapshot = new Float32Array(params.length);
  }

  /** Records the epoch; true when val loss has not improved by min_delta for `patience` epochs. */
  shouldStop(epoch: number, valLoss: number): boolean {
    if (valLoss < this.best - this.spec.min_delta) {
      this.best = valLoss;
      this.bestEpoch = epoch;
      this.wait = 0;
      this.snapshot.set(this.params);
      return false;
    }
    this.wait++;
    return this.wait >= this.spec.patience;
  }

  restore(): void {
    if (this.bestEpoch !== undefined) this.params.set(this.snapshot);
  }
}

function divergedError(epoch: number): PipePilotError {
  return new PipePilotError(`training diverged at epoch ${epoch}: the loss is not finite`, {
    hint: 'lower model.params.learning_rate, or check the features for extreme values',
  });
}
