import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PipePilotError } from '../../../src/errors.js';
import { KernelArena, type Vec } from '../../../src/model/dense-kernels.js';
import { Rng } from '../../../src/rng.js';
import { TS_PATH, WAT_PATH, compileWat, renderModule } from '../../../scripts/build-wasm.mjs';

const f = Math.fround;

/** bias[j] + Σ_p a(i,p)·b(p,j) in increasing p, every product and sum rounded to float32: the order the kernels promise. */
function reference(ni: number, nj: number, np: number, a: (i: number, p: number) => number, b: (p: number, j: number) => number, bias?: Vec): Float32Array {
  const c = new Float32Array(ni * nj);
  for (let i = 0; i < ni; i++) {
    for (let j = 0; j < nj; j++) {
      let s = bias === undefined ? 0 : bias[j];
      for (let p = 0; p < np; p++) s = f(s + f(a(i, p) * b(p, j)));
      c[i * nj + j] = s;
    }
  }
  return c;
}

function filled(arena: KernelArena, n: number, rng: Rng): Vec {
  const v = arena.alloc(n);
  for (let i = 0; i < n; i++) v[i] = rng.normal();
  return v;
}

/** One Dense layer's forward and backward products against the float32 reference, bitwise. */
function checkLayer(rows: number, nIn: number, nOut: number, rng: Rng): void {
  const arena = new KernelArena([rows * nIn, nIn * nOut, nOut, rows * nOut, rows * nOut, nIn * nOut, nOut, rows * nIn, nIn * nOut]);
  const x = filled(arena, rows * nIn, rng);
  const w = filled(arena, nIn * nOut, rng);
  const b = filled(arena, nOut, rng);
  const z = arena.alloc(rows * nOut);
  const dz = filled(arena, rows * nOut, rng);
  const dw = arena.alloc(nIn * nOut);
  const db = arena.alloc(nOut);
  const dx = arena.alloc(rows * nIn);
  const wt = arena.alloc(nIn * nOut);
  const dims = { rows, nIn, nOut };
  arena.denseForward(x, w, b, z, dims);
  expect(Array.from(z)).toEqual(Array.from(reference(rows, nOut, nIn, (r, k) => x[r * nIn + k], (k, j) => w[k * nOut + j], b)));
  arena.denseBackward(x, w, dz, { dw, db, dx, wt }, dims);
  expect(Array.from(dw)).toEqual(Array.from(reference(nIn, nOut, rows, (k, r) => x[r * nIn + k], (r, j) => dz[r * nOut + j])));
  expect(Array.from(dx)).toEqual(Array.from(reference(rows, nIn, nOut, (r, j) => dz[r * nOut + j], (j, k) => w[k * nOut + j])));
  for (let j = 0; j < nOut; j++) {
    let s = 0;
    for (let r = 0; r < rows; r++) s += dz[r * nOut + j];
    expect(db[j]).toBe(f(s));
  }
}

describe('wasm dense kernels', () => {
  it('the committed generated module is the compiled dense.wat (rerun node scripts/build-wasm.mjs if not)', async () => {
    const rebuilt = renderModule(await compileWat(readFileSync(WAT_PATH, 'utf8')));
    expect(readFileSync(TS_PATH, 'utf8')).toBe(rebuilt);
  });

  it('every tile (4×8 SIMD, 1×4 SIMD, scalar edges) sums in the same order: bitwise equal to a float32 reference', () => {
    const rng = new Rng(5);
    // Rows and widths around the tile sizes: full tiles, ragged edges, and single rows/columns.
    for (const rows of [1, 3, 4, 5, 9]) {
      for (const nIn of [1, 2, 7, 8]) {
        for (const nOut of [1, 3, 4, 8, 13, 16]) checkLayer(rows, nIn, nOut, rng);
      }
    }
  });

  it('ReLU forward and backward, including the scalar tail and signed zeros', () => {
    const arena = new KernelArena([7, 7]);
    const a = arena.alloc(7);
    const d = arena.alloc(7);
    a.set([-2, -0, 0, 0.5, 3, -1e-30, 7]);
    d.set([1, 2, 3, 4, 5, 6, 7]);
    arena.relu(a, 6);
    expect(Array.from(a)).toEqual([0, 0, 0, 0.5, 3, 0, 7]);
    expect(Object.is(a[1], 0)).toBe(true);
    arena.reluBackward(d, a, 6);
    expect(Array.from(d)).toEqual([0, 0, 0, 4, 5, 0, 7]);
  });

  it('rejects buffers from elsewhere and allocations past the sized capacity', () => {
    const arena = new KernelArena([4, 4, 1, 4]);
    const x = arena.alloc(4);
    const w = arena.alloc(4);
    const b = arena.alloc(1);
    expect(() => arena.denseForward(x, w, b, new Float32Array(4), { rows: 4, nIn: 1, nOut: 1 })).toThrow(/not allocated by this arena/);
    arena.alloc(4);
    expect(() => arena.alloc(1)).toThrow(/exceeds the sized capacity/);
  });

  it('a network too large for wasm memory is a PipePilotError with a hint', () => {
    const make = () => new KernelArena([2 ** 31]);
    expect(make).toThrow(PipePilotError);
    expect(make).toThrow(/WebAssembly memory/);
  });
});
