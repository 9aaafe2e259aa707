import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  binaryConfusion, binaryMetrics, multiclassConfusion, multiclassMetrics, multiclassPerClass,
  regressionMetrics, residualSummary,
} from '../../../src/evaluate/metrics.js';

// Written by tests/fixtures/reference/metrics_reference.py (scikit-learn 1.2.1); see its docstring.
interface ReferenceCase {
  name: string;
  task: 'binary' | 'multiclass' | 'regression';
  y_true: number[];
  output: number[];
  threshold?: number;
  k?: number;
  metrics: Record<string, number | null>;
  warnings: string[];
  confusion?: number[][];
  per_class?: { precision: number; recall: number; f1: number; support: number }[];
  residuals?: Record<string, number>;
}

const reference = JSON.parse(
  readFileSync(new URL('../../fixtures/reference/metrics_reference.json', import.meta.url), 'utf8'),
) as { sklearn: string; cases: ReferenceCase[] };

const RELATIVE_TOLERANCE = 1e-9;

function expectClose(actual: number, expected: number, what: string): void {
  const scale = Math.max(Math.abs(expected), Number.MIN_VALUE);
  expect(Math.abs(actual - expected) / scale, `${what}: ${actual} vs sklearn ${expected}`).toBeLessThanOrEqual(
    RELATIVE_TOLERANCE,
  );
}

/**
 * sklearn's null (it raised) is our NaN. The one deliberate difference: pr_auc with no positive
 * row, where sklearn warns and returns 0 but the metric is undefined, so we report NaN.
 */
function expectMetrics(c: ReferenceCase, actual: Record<string, number>): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(c.metrics).sort());
  for (const [name, expected] of Object.entries(c.metrics)) {
    const noPositives = name === 'pr_auc' && c.warnings.includes('pr_auc');
    if (expected === null || noPositives) expect(actual[name], `${c.name}: ${name}`).toBeNaN();
    else expectClose(actual[name], expected, `${c.name}: ${name}`);
  }
}

const byTask = (task: ReferenceCase['task']) => reference.cases.filter((c) => c.task === task).map((c) => [c.name, c] as const);

describe(`metrics agree with scikit-learn ${reference.sklearn}`, () => {
  it('the fixture covers every task', () => {
    expect(byTask('binary').length).toBeGreaterThanOrEqual(5);
    expect(byTask('multiclass').length).toBeGreaterThanOrEqual(4);
    expect(byTask('regression').length).toBeGreaterThanOrEqual(4);
  });

  it.each(byTask('binary'))('%s', (_name, c) => {
    const y = Float64Array.from(c.y_true);
    const p = Float64Array.from(c.output);
    expectMetrics(c, binaryMetrics(y, p, c.threshold!));
    expect(binaryConfusion(y, p, c.threshold!).matrix).toEqual(c.confusion);
  });

  it.each(byTask('multiclass'))('%s', (_name, c) => {
    const y = Float64Array.from(c.y_true);
    const p = Float64Array.from(c.output);
    expectMetrics(c, multiclassMetrics(y, p, c.k!));
    expect(multiclassConfusion(y, p, c.k!).matrix).toEqual(c.confusion);
    const perClass = multiclassPerClass(y, p, c.k!);
    c.per_class!.forEach((expected, i) => {
      expect(perClass[i].support).toBe(expected.support);
      for (const key of ['precision', 'recall', 'f1'] as const) {
        expectClose(perClass[i][key], expected[key], `${c.name}: class ${i} ${key}`);
      }
    });
  });

  it.each(byTask('regression'))('%s', (_name, c) => {
    const y = Float64Array.from(c.y_true);
    const p = Float64Array.from(c.output);
    expectMetrics(c, regressionMetrics(y, p));
    const residuals = residualSummary(y, p);
    for (const [key, expected] of Object.entries(c.residuals!)) {
      expectClose(residuals[key as keyof typeof residuals], expected, `${c.name}: residual ${key}`);
    }
  });
});

describe('weighted regression metrics (the bootstrap scorer)', () => {
  it('equal the plain metrics on the rows repeated by their weights', async () => {
    const { regressionMetrics, weightedRegressionMetrics } = await import('../../../src/evaluate/regression-metrics.js');
    const y = Float64Array.from([3, -0.5, 2, 7, 0, 4.2]);
    const p = Float64Array.from([2.5, 0.0, 2, 8, 0.1, 3.9]);
    const w = Float64Array.from([2, 0, 1, 3, 1, 1]);
    const idx = [0, 0, 2, 3, 3, 3, 4, 5];
    const plain = regressionMetrics(Float64Array.from(idx, (i) => y[i]), Float64Array.from(idx, (i) => p[i]));
    const weighted = weightedRegressionMetrics(y, p, w);
    for (const [k, v] of Object.entries(plain)) expect(weighted[k]).toBeCloseTo(v, 10);
  });

  it('compute mape and explained_variance only when asked, and every metric has the same bits either way', async () => {
    const { weightedRegressionMetrics } = await import('../../../src/evaluate/regression-metrics.js');
    const y = Float64Array.from([3, -0.5, 2, 7, 0, 4.2, -3.3]);
    const p = Float64Array.from([2.5, 0.0, 2, 8, 0.1, 3.9, -2.9]);
    const w = Int32Array.from([2, 0, 1, 3, 1, 0, 2]);
    const all = weightedRegressionMetrics(y, p, w);
    expect(Object.keys(all)).toEqual(['mse', 'rmse', 'mae', 'r2', 'mape', 'explained_variance']);
    const headline = weightedRegressionMetrics(y, p, w, ['r2', 'rmse', 'mae']);
    expect(headline).toEqual({ mse: all.mse, rmse: all.rmse, mae: all.mae, r2: all.r2 });
    expect(weightedRegressionMetrics(y, p, w, ['mape'])).toEqual(all);
    expect(weightedRegressionMetrics(y, p, w, ['explained_variance'])).toEqual(all);
    expect(all.mape).toBeGreaterThan(0);
  });
});
