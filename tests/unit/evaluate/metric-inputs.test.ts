import { describe, expect, it } from 'vitest';
import { PipePilotError } from '../../../src/errors.js';
import {
  argmaxRows, binaryConfusion, binaryMetrics, multiclassMetrics, multiclassPerClass, regressionMetrics, residualSummary,
} from '../../../src/evaluate/metrics.js';

function thrown(fn: () => unknown): PipePilotError {
  try {
    fn();
  } catch (error) {
    if (error instanceof PipePilotError) return error;
    throw error;
  }
  throw new Error('expected a PipePilotError');
}

const y = Float64Array.from([0, 1, 1, 0]);
const p = Float64Array.from([0.2, 0.7, 0.4, 0.5]);

describe('metric inputs', () => {
  it('empty arrays: a PipePilotError saying there are no rows', () => {
    const empty = new Float64Array(0);
    expect(() => binaryMetrics(empty, empty, 0.5)).toThrow(/no rows to evaluate/);
    expect(() => multiclassMetrics(empty, empty, 3)).toThrow(PipePilotError);
    expect(() => regressionMetrics(empty, empty)).toThrow(PipePilotError);
  });

  it('length mismatch between labels and outputs', () => {
    expect(() => binaryMetrics(y, p.subarray(0, 3), 0.5)).toThrow(/4 true values but the model output has 3/);
    expect(() => regressionMetrics(y, p.subarray(0, 3))).toThrow(PipePilotError);
  });

  it('multiclass: output not rows × k, k below 2, labels out of range', () => {
    const probs = new Float64Array(4 * 3).fill(1 / 3);
    expect(() => multiclassMetrics(y, probs, 4)).toThrow(/expected 16/);
    expect(() => multiclassMetrics(y, probs.subarray(0, 4), 1)).toThrow(/integer >= 2/);
    expect(() => multiclassMetrics(Float64Array.from([0, 1, 3, 2]), probs, 3)).toThrow(/row 2 is 3/);
    expect(() => multiclassPerClass(y, probs, 3, ['a', 'b'])).toThrow(/2 class labels for k = 3/);
  });

  it('binary: labels other than 0/1, probabilities outside [0, 1] or NaN, bad threshold', () => {
    expect(() => binaryMetrics(Float64Array.from([0, 2, 1, 0]), p, 0.5)).toThrow(/row 1 is 2/);
    const diverged = thrown(() => binaryMetrics(y, Float64Array.from([0.2, NaN, 0.1, 0.3]), 0.5));
    expect(diverged.message).toMatch(/model output 1 is NaN/);
    expect(diverged.hint).toMatch(/training diverged/);
    expect(() => binaryMetrics(y, Float64Array.from([0.2, 1.5, 0.1, 0.3]), 0.5)).toThrow(/output 1 is 1.5/);
    expect(() => binaryMetrics(y, p, 1.2)).toThrow(/threshold 1.2/);
  });

  it('regression: a non-finite prediction or target', () => {
    expect(() => regressionMetrics(y, Float64Array.from([1, 2, Infinity, 0]))).toThrow(/prediction at row 2/);
    expect(() => residualSummary(Float64Array.from([NaN, 1]), Float64Array.from([0, 1]))).toThrow(/true value at row 0/);
  });
});

describe('metric conventions', () => {
  it('a probability equal to the threshold predicts the positive class', () => {
    expect(binaryConfusion(y, p, 0.5, ['stay', 'churn'])).toEqual({
      labels: ['stay', 'churn'],
      matrix: [[1, 1], [1, 1]],
    });
  });

  it('float32 model output is accepted and scored as its exact float64 value', () => {
    const p32 = Float32Array.from(p);
    expect(binaryMetrics(y, p32, 0.5)).toEqual(binaryMetrics(y, Float64Array.from(p32), 0.5));
  });

  it('argmax takes the first of tied maxima, as numpy does', () => {
    expect([...argmaxRows(Float32Array.from([0.4, 0.4, 0.2, 0.1, 0.45, 0.45]), 3)]).toEqual([0, 1]);
  });

  it('undefined metrics are NaN: roc_auc and pr_auc without positives, r2 on one row', () => {
    const m = binaryMetrics(new Float64Array(3), Float64Array.from([0.1, 0.6, 0.3]), 0.5);
    expect(m.roc_auc).toBeNaN();
    expect(m.pr_auc).toBeNaN();
    expect(m.precision).toBe(0);
    expect(m.accuracy).toBeCloseTo(2 / 3, 15);
    expect(regressionMetrics(Float64Array.from([2]), Float64Array.from([2.5])).r2).toBeNaN();
  });
});
