import type { Activation } from '../spec/types.js';
import type { Rng } from '../rng.js';
import { activateInPlace, activationBackwardInPlace } from './activations.js';
import { KernelArena, type Vec } from './dense-kernels.js';
import { outputLoss } from './losses.js';
import type { DenseLayerData, OutputActivation } from './types.js';

export interface NetworkShape {
  /** Layer widths from input to output, e.g. [20, 64, 32, 1]. */
  sizes: number[];
  activation: Activation;
  output: OutputActivation;
  /** Inverted-dropout rate after each hidden layer, in [0, 1). */
  dropout: number;
}

interface LayerSlot {
  nIn: number;
  nOut: number;
  w: Vec;
  b: Vec;
  dw: Vec;
  db: Vec;
  /** Scratch for Wᵀ (the input-gradient product reads W transposed). */
  wt: Vec;
}

/**
 * A Sequential MLP whose parameters live in one flat buffer (so Adam and best-weight snapshots
 * are single loops/copies) and whose per-batch buffers are allocated once for `maxRows` rows,
 * all float32 views into one wasm memory the SIMD kernels work on: a training step allocates nothing.
 */
export class MlpNetwork {
  readonly params: Vec;
  readonly grads: Vec;
  /** The batch input buffer (maxRows × inputs); callers gather rows into it. */
  readonly input: Vec;
  private readonly arena: KernelArena;
  private readonly slots: LayerSlot[] = [];
  /** acts[l]: output of layer l after its activation (the last one holds logits). */
  private readonly acts: Vec[] = [];
  /** ins[l]: input of layer l (ins[0] = input; later ones = dropped-out activations when dropout > 0). */
  private readonly ins: Vec[] = [];
  private readonly masks: Vec[] = [];
  /** deltas[l]: gradient w.r.t. layer l's pre-activation output. */
  private readonly deltas: Vec[] = [];

  constructor(readonly shape: NetworkShape, readonly maxRows: number) {
    const { sizes } = shape;
    const layers = sizes.slice(1).map((nOut, l) => ({ nIn: sizes[l], nOut }));
    const size = layers.reduce((s, { nIn, nOut }) => s + nIn * nOut + nOut, 0);
    this.arena = new KernelArena(arenaSizes(shape, maxRows, size));
    this.params = this.arena.alloc(size);
    this.grads = this.arena.alloc(size);
    this.input = this.arena.alloc(maxRows * sizes[0]);
    this.ins.push(this.input);
    let off = 0;
    layers.forEach(({ nIn, nOut }, l) => {
      const bOff = off + nIn * nOut;
      this.slots.push({
        nIn, nOut,
        w: this.params.subarray(off, bOff), b: this.params.subarray(bOff, bOff + nOut),
        dw: this.grads.subarray(off, bOff), db: this.grads.subarray(bOff, bOff + nOut),
        wt: this.arena.alloc(nIn * nOut),
      });
      off = bOff + nOut;
      this.acts.push(this.arena.alloc(maxRows * nOut));
      this.deltas.push(this.arena.alloc(maxRows * nOut));
      const hidden = l + 1 < layers.length;
      if (hidden && shape.dropout > 0) {
        this.masks.push(this.arena.alloc(maxRows * nOut));
        this.ins.push(this.arena.alloc(maxRows * nOut));
      } else if (hidden) {
        this.ins.push(this.acts[l]);
      }
    });
  }

  /** Glorot-uniform kernels (limit √(6/(in+out)), as Keras), zero biases, drawn in layer order. */
  initGlorot(rng: Rng): void {
    this.params.fill(0);
    for (const s of this.slots) {
      const limit = Math.sqrt(6 / (s.nIn + s.nOut));
      for (let i = 0; i < s.w.length; i++) s.w[i] = (2 * rng.next() - 1) * limit;
    }
  }

  /** Forward pass over the first `rows` rows of `input`; returns the logits buffer. */
  forward(rows: number, dropoutRng?: Rng): Vec {
    const last = this.slots.length - 1;
    for (let l = 0; l <= last; l++) {
      const s = this.slots[l];
      this.arena.denseForward(this.ins[l], s.w, s.b, this.acts[l], { rows, nIn: s.nIn, nOut: s.nOut });
      if (l === last) break;
      activateInPlace(this.arena, this.acts[l], rows * s.nOut, this.shape.activation);
      if (this.shape.dropout > 0) this.applyDropout(l, rows * s.nOut, dropoutRng);
    }
    return this.acts[last];
  }

  /**
   * One training step's gradients (mean loss over the batch + 0.5·l2·‖W‖²) into `grads`.
   * Returns the summed data loss of the batch.
   */
  computeGradients(y: Float64Array, rows: number, l2: number, dropoutRng?: Rng): number {
    const last = this.slots.length - 1;
    const logits = this.forward(rows, dropoutRng);
    const units = this.slots[last].nOut;
    const loss = outputLoss(this.shape.output, logits, y, { rows, units }, { dz: this.deltas[last], scale: 1 / rows });
    for (let l = last; l >= 0; l--) {
      const s = this.slots[l];
      const dims = { rows, nIn: s.nIn, nOut: s.nOut };
      const dx = l > 0 ? this.deltas[l - 1] : undefined;
      this.arena.denseBackward(this.ins[l], s.w, this.deltas[l], { dw: s.dw, db: s.db, dx, wt: s.wt }, dims);
      if (l === 0) continue;
      const n = rows * s.nIn;
      if (this.shape.dropout > 0) {
        const d = this.deltas[l - 1];
        const mask = this.masks[l - 1];
        for (let i = 0; i < n; i++) d[i] *= mask[i];
      }
      activationBackwardInPlace(this.arena, this.deltas[l - 1], this.acts[l - 1], n, this.shape.activation);
    }
    if (l2 > 0) for (const s of this.slots) for (let i = 0; i < s.w.length; i++) s.dw[i] += l2 * s.w[i];
    return loss;
  }

  /** Summed data loss over rows already in `input` (no dropout). */
  evaluateLoss(y: Float64Array, rows: number): number {
    const logits = this.forward(rows);
    const units = this.slots[this.slots.length - 1].nOut;
    return outputLoss(this.shape.output, logits, y, { rows, units });
  }

  /** The layers as float32 plain data (copies: the network can keep training). */
  toLayers(): DenseLayerData[] {
    const last = this.slots.length - 1;
    return this.slots.map((s, l) => ({
      weights: Float32Array.from(s.w),
      bias: Float32Array.from(s.b),
      inputs: s.nIn,
      units: s.nOut,
      activation: l === last ? this.shape.output : this.shape.activation,
    }));
  }

  /** Inverted dropout: keep with probability 1-rate, scale kept units by 1/(1-rate). No rng → identity. */
  private applyDropout(l: number, n: number, rng?: Rng): void {
    const a = this.acts[l];
    const out = this.ins[l + 1];
    if (rng === undefined) {
      out.set(a.subarray(0, n));
      return;
    }
    const rate = this.shape.dropout;
    const keep = 1 / (1 - rate);
    const mask = this.masks[l];
    for (let i = 0; i < n; i++) {
      const m = rng.next() < rate ? 0 : keep;
      mask[i] = m;
      out[i] = a[i] * m;
    }
  }
}

/** Lengths of every buffer the network allocates, in the order it does (params, grads, input, per layer). */
function arenaSizes(shape: NetworkShape, maxRows: number, paramCount: number): number[] {
  const { sizes } = shape;
  const out = [paramCount, paramCount, maxRows * sizes[0]];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const nOut = sizes[l + 1];
    const perRow = l + 2 < sizes.length && shape.dropout > 0 ? 4 : 2;
    out.push(sizes[l] * nOut, ...Array<number>(perRow).fill(maxRows * nOut));
  }
  return out;
}
