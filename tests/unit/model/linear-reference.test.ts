import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { trainModel } from '../../../src/model/train.js';
import { modelParams } from './params.js';

// Produced by tests/fixtures/reference/linear-models.py with scikit-learn 1.2.1 (see its docstring).
const reference = JSON.parse(
  readFileSync(new URL('../../fixtures/reference/linear-models.json', import.meta.url), 'utf8'),
) as {
  breast_cancer: { x: number[][]; y: number[]; coef: number[]; intercept: number; train_accuracy: number; train_proba: number[] };
  iris: { x: number[][]; y: number[]; coef: number[][]; intercept: number[]; train_accuracy: number; train_proba: number[][] };
  diabetes: {
    x: number[][]; y: number[];
    ols: { coef: number[]; intercept: number };
    ridge: { l2: number; coef: number[]; intercept: number };
  };
};

function matrix(rows: number[][]): { x: Float32Array; rows: number; cols: number } {
  return { x: Float32Array.from(rows.flat()), rows: rows.length, cols: rows[0].length };
}

describe('linear models match scikit-learn 1.2.1 on real data', () => {
  it('binary logistic regression on breast cancer: coefficients, probabilities and accuracy of LogisticRegression(C=1)', () => {
    const ref = reference.breast_cancer;
    const m = trainModel({
      task: 'binary_classification', type: 'linear', params: modelParams(), seed: 1,
      ...matrix(ref.x), y: Float64Array.from(ref.y), classCount: 2,
    });
    const [layer] = m.layers;
    expect(m.output).toBe('sigmoid');
    expect(layer.weights.length).toBe(30);
    for (let i = 0; i < 30; i++) expect(layer.weights[i]).toBeCloseTo(ref.coef[i], 4);
    expect(layer.bias[0]).toBeCloseTo(ref.intercept, 4);
    let correct = 0;
    ref.x.forEach((row, r) => {
      const z = row.reduce((s, v, i) => s + Math.fround(v) * layer.weights[i], layer.bias[0]);
      const p = 1 / (1 + Math.exp(-z));
      expect(Math.abs(p - ref.train_proba[r])).toBeLessThan(1e-5);
      if ((p >= 0.5 ? 1 : 0) === ref.y[r]) correct++;
    });
    expect(correct / ref.y.length).toBe(ref.train_accuracy);
    expect(m.iterations).toBeGreaterThan(0);
  });

  it('multinomial logistic regression on iris: coefficients and accuracy of LogisticRegression(multinomial, C=1)', () => {
    const ref = reference.iris;
    const m = trainModel({
      task: 'multiclass_classification', type: 'linear', params: modelParams({ tol: 1e-9 }), seed: 1,
      ...matrix(ref.x), y: Float64Array.from(ref.y), classCount: 3,
    });
    const [layer] = m.layers;
    expect(m.output).toBe('softmax');
    expect([layer.inputs, layer.units]).toEqual([4, 3]);
    // Our kernel is inputs×classes (Keras layout); sklearn's coef_ is classes×inputs.
    for (let c = 0; c < 3; c++) {
      for (let i = 0; i < 4; i++) expect(layer.weights[i * 3 + c]).toBeCloseTo(ref.coef[c][i], 3);
      expect(layer.bias[c]).toBeCloseTo(ref.intercept[c], 3);
    }
    let correct = 0;
    ref.x.forEach((row, r) => {
      const z = [0, 1, 2].map((c) => row.reduce((s, v, i) => s + Math.fround(v) * layer.weights[i * 3 + c], layer.bias[c]));
      const best = z.indexOf(Math.max(...z));
      if (best === ref.y[r]) correct++;
    });
    expect(correct / ref.y.length).toBe(ref.train_accuracy);
  });

  it('least squares and ridge on diabetes: coefficients in original target units (standardization folded back)', () => {
    const ref = reference.diabetes;
    const data = { ...matrix(ref.x), y: Float64Array.from(ref.y), classCount: 1 };
    const ols = trainModel({ task: 'regression', type: 'linear', params: modelParams(), seed: 1, ...data });
    const ridge = trainModel({ task: 'regression', type: 'linear', params: modelParams({ l2: ref.ridge.l2 }), seed: 1, ...data });
    for (let i = 0; i < 10; i++) {
      expect(ols.layers[0].weights[i]).toBeCloseTo(ref.ols.coef[i], 2);
      expect(ridge.layers[0].weights[i]).toBeCloseTo(ref.ridge.coef[i], 2);
    }
    expect(ols.layers[0].bias[0]).toBeCloseTo(ref.ols.intercept, 3);
    expect(ridge.layers[0].bias[0]).toBeCloseTo(ref.ridge.intercept, 3);
    expect(ols.notes).toEqual([]);
  });
});
