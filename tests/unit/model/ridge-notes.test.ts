import { describe, expect, it } from 'vitest';
import { fitRidge } from '../../../src/model/ridge.js';

/** Rows of [x, region=a, region=b, region=(unknown)] with y = 2x + (b ? 3 : 0) + a little noise; `extra` appends a column. */
function design(extra?: (x: number, i: number) => number): { x: Float32Array; y: Float64Array; cols: number } {
  const rows = 40;
  const cols = extra ? 5 : 4;
  const x = new Float32Array(rows * cols);
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const v = (i % 7) - 3;
    const b = i % 3 === 0 ? 1 : 0;
    x.set([v, 1 - b, b, 0, ...(extra ? [extra(v, i)] : [])], i * cols);
    y[i] = 2 * v + 3 * b + ((i * 37) % 11) / 100;
  }
  return { x, y, cols };
}
const blocks = [[1, 2, 3]];

describe('the collinearity note of least squares', () => {
  it('is silent when the only singularity is one-hot columns plus the intercept and an empty unknown bucket', () => {
    const { x, y, cols } = design();
    expect(fitRidge(x, 40, cols, y, 0, blocks).notes).toEqual([]);
    // Without knowing the blocks, the same matrix is reported (the blocks are what makes it benign).
    expect(fitRidge(x, 40, cols, y, 0).notes.join()).toMatch(/collinear or constant/);
  });

  it('still notes a real problem beside a one-hot block: a numeric column that copies another, or a constant one', () => {
    const copy = design((v) => 2 * v);
    expect(fitRidge(copy.x, 40, copy.cols, copy.y, 0, blocks).notes.join()).toMatch(/collinear or constant/);
    const constant = design(() => 5);
    expect(fitRidge(constant.x, 40, constant.cols, constant.y, 0, blocks).notes.join()).toMatch(/collinear or constant/);
  });
});
