import { Buffer } from 'node:buffer';
import { PipePilotError } from '../errors.js';
import { DENSE_WASM_BASE64 } from './kernels/dense-wasm.js';

/**
 * Dense-layer kernels: the three matrix products of a training step run in a small hand-written
 * WebAssembly module with 128-bit SIMD (src/model/kernels/dense.wat), over float32 buffers that
 * are views into that module's memory.
 *
 * Why: at tabular sizes, tfjs op dispatch costs more than the arithmetic (plain tfjs-wasm `fit`:
 * 80k samples/s against torch's 550k), and scalar JS loops top out near 2.2 GMAC/s (Float64,
 * register-tiled: 170k samples/s on MLP 20→64→32→1, batch 256). f32x4 SIMD does 4 lanes per
 * instruction: with these kernels (and ReLU in wasm too) the same bench measured 0.9M samples/s
 * on an idle 2-core box, torch 1 thread ~0.55M. Arithmetic is float32, like Keras and torch.
 *
 * Deterministic: no FMA, no relaxed SIMD, and each output is bias + Σ a·b summed in a fixed
 * order whichever tile computes it, so the same inputs give bitwise-identical outputs on every
 * machine. Layout: activations rows×units row-major; weights inputs×units row-major (a Keras kernel).
 */
export type Vec = Float32Array;

export interface DenseDims {
  rows: number;
  nIn: number;
  nOut: number;
}

type ReluKernel = (p: number, n: number) => void;
type ReluBackwardKernel = (pd: number, pa: number, n: number) => void;

type Gemm = (
  pa: number, sai: number, sap: number, pb: number, ldb: number, pbias: number,
  pc: number, ldc: number, ni: number, nj: number, np: number,
) => void;

const PAGE_BYTES = 65536;
/** wasm32 addresses 4 GiB at most. */
const MAX_PAGES = 65536;
/** Allocations are rounded up to 4 floats so every buffer starts 16-byte aligned. */
const ALIGN_FLOATS = 4;

/**
 * The part of the WebAssembly JS API used here. The project's lib settings (ES2023 + node types,
 * no DOM) declare no WebAssembly values, though Node has them all.
 */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Memory: new (descriptor: { initial: number }) => { readonly buffer: ArrayBuffer };
  Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

let compiled: object | undefined;

/** Compiled once per process, synchronously: the module is under 1 KB. */
function denseModule(): object {
  compiled ??= new wasm.Module(Buffer.from(DENSE_WASM_BASE64, 'base64'));
  return compiled;
}

function padded(n: number): number {
  return Math.ceil(n / ALIGN_FLOATS) * ALIGN_FLOATS;
}

/**
 * A fixed-size wasm memory, its float32 buffers, and the kernels over them. Sized once up front
 * (growing the memory would detach every view already handed out); kernels accept only views
 * allocated here.
 */
export class KernelArena {
  private readonly memory: { readonly buffer: ArrayBuffer };
  private readonly gemm: Gemm;
  private readonly reluKernel: ReluKernel;
  private readonly reluBackwardKernel: ReluBackwardKernel;
  private readonly capacity: number;
  private used = 0;

  /** Room for buffers of these lengths (in floats), allocated in any order. */
  constructor(sizes: readonly number[]) {
    this.capacity = sizes.reduce((s, n) => s + padded(n), 0);
    const pages = Math.max(1, Math.ceil((this.capacity * 4) / PAGE_BYTES));
    this.memory = allocateMemory(pages);
    const instance = new wasm.Instance(denseModule(), { env: { memory: this.memory } });
    this.gemm = instance.exports.gemm as Gemm;
    this.reluKernel = instance.exports.relu as ReluKernel;
    this.reluBackwardKernel = instance.exports.relu_backward as ReluBackwardKernel;
  }

  /** A zeroed float32 buffer of `n` values inside the arena. */
  alloc(n: number): Vec {
    if (this.used + padded(n) > this.capacity) throw new Error(`KernelArena: allocating ${n} floats exceeds the sized capacity`);
    const view = new Float32Array(this.memory.buffer, this.used * 4, n);
    this.used += padded(n);
    return view;
  }

  /** z = x·W + b for `rows` rows. */
  denseForward(x: Vec, w: Vec, b: Vec, z: Vec, dims: DenseDims): void {
    const { rows, nIn, nOut } = dims;
    this.gemm(this.ptr(x), nIn, 1, this.ptr(w), nOut, this.ptr(b), this.ptr(z), nOut, rows, nOut, nIn);
  }

  /**
   * Backward pass of one Dense layer given dZ (gradient w.r.t. its pre-activation output):
   * dW = xᵀ·dZ and db = Σ dZ (assigned, not accumulated), and dx = dZ·Wᵀ when `dx` is given
   * (the first layer needs no input gradient); `wt` is scratch for Wᵀ (nOut×nIn).
   */
  denseBackward(x: Vec, w: Vec, dz: Vec, grads: { dw: Vec; db: Vec; dx?: Vec; wt: Vec }, dims: DenseDims): void {
    const { rows, nIn, nOut } = dims;
    const { dw, db, dx, wt } = grads;
    columnSums(dz, db, rows, nOut);
    this.gemm(this.ptr(x), 1, nIn, this.ptr(dz), nOut, -1, this.ptr(dw), nOut, nIn, nOut, rows);
    if (dx === undefined) return;
    for (let k = 0; k < nIn; k++) for (let j = 0, o = k * nOut; j < nOut; j++) wt[j * nIn + k] = w[o + j];
    this.gemm(this.ptr(dz), nOut, 1, this.ptr(wt), nIn, -1, this.ptr(dx), nIn, rows, nIn, nOut);
  }

  /** a = max(a, 0) over the first `n` values. */
  relu(a: Vec, n: number): void {
    this.reluKernel(this.ptr(a), n);
  }

  /** d = 0 wherever the ReLU output `a` is not positive, over the first `n` values. */
  reluBackward(d: Vec, a: Vec, n: number): void {
    this.reluBackwardKernel(this.ptr(d), this.ptr(a), n);
  }

  private ptr(v: Vec): number {
    if (v.buffer !== this.memory.buffer) throw new Error('KernelArena: buffer was not allocated by this arena');
    return v.byteOffset;
  }
}

function allocateMemory(pages: number): { readonly buffer: ArrayBuffer } {
  const tooBig = (cause?: unknown): PipePilotError => new PipePilotError(
    `the network's float32 buffers need ${Math.ceil(pages / 16)} MiB, more than WebAssembly memory can hold here`,
    { hint: 'lower model.params.batch_size or the widths in model.params.hidden_units', cause },
  );
  if (pages > MAX_PAGES) throw tooBig();
  try {
    return new wasm.Memory({ initial: pages });
  } catch (err) {
    if (err instanceof RangeError) throw tooBig(err);
    throw err;
  }
}

/** db[j] = Σ_r dz[r, j], in row order (double accumulators, rounded once to float32). */
function columnSums(dz: Vec, db: Vec, rows: number, nOut: number): void {
  for (let j = 0; j < nOut; j++) {
    let s = 0;
    for (let r = 0, o = j; r < rows; r++, o += nOut) s += dz[o];
    db[j] = s;
  }
}
