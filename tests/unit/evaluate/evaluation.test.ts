import { describe, expect, it } from 'vitest';
import { PipePilotError } from '../../../src/errors.js';
import {
  type EvaluationRequest, HEADLINE_METRICS, evaluatePredictions, primaryMetric,
} from '../../../src/evaluate/evaluation.js';
import { binaryMetrics, multiclassMetrics, regressionMetrics } from '../../../src/evaluate/metrics.js';
import { Rng } from '../../../src/rng.js';
import { TASK_METRICS, type Task } from '../../../src/spec/types.js';

const CONTRACTS = ['month-to-month', 'one-year', 'two-year'];

/** Churn-like test rows: a contract slice column (a few missing) and an informative model. */
function churnRequest(rows = 300): EvaluationRequest {
  const rng = new Rng(42);
  const yTrue = new Float64Array(rows);
  const output = new Float32Array(rows);
  const contract: (string | null)[] = [];
  for (let i = 0; i < rows; i++) {
    contract.push(i % 60 === 7 ? null : CONTRACTS[i % 10 < 5 ? 0 : i % 10 < 8 ? 1 : 2]);
    yTrue[i] = rng.next() < (contract[i] === 'month-to-month' ? 0.5 : 0.2) ? 1 : 0;
    output[i] = 1 / (1 + Math.exp(-(1.5 * (2 * yTrue[i] - 1) + rng.normal())));
  }
  return {
    task: 'binary_classification', yTrue, output, classes: ['stay', 'churn'], threshold: 0.5,
    bootstrap: { samples: 200, seed: 7, confidence: 0.95 },
    slices: [{ column: 'contract', values: contract }], minSliceRows: 10,
  };
}

function multiclassRequest(rows = 240): EvaluationRequest {
  const rng = new Rng(3);
  const yTrue = new Float64Array(rows);
  const output = new Float32Array(rows * 3);
  for (let r = 0; r < rows; r++) {
    yTrue[r] = rng.int(3);
    const logits = [0, 1, 2].map((c) => rng.normal() + (c === yTrue[r] ? 1.5 : 0));
    const total = logits.reduce((s, z) => s + Math.exp(z), 0);
    logits.forEach((z, c) => { output[r * 3 + c] = Math.exp(z) / total; });
  }
  return {
    task: 'multiclass_classification', yTrue, output, classes: ['Adelie', 'Chinstrap', 'Gentoo'], threshold: 0.5,
    bootstrap: { samples: 100, seed: 1, confidence: 0.9 }, slices: [], minSliceRows: 10,
  };
}

function regressionRequest(rows = 200): EvaluationRequest {
  const rng = new Rng(8);
  const yTrue = Float64Array.from({ length: rows }, () => 60 + 10 * rng.normal());
  const output = Float32Array.from(yTrue, (v) => v + 3 * rng.normal());
  return {
    task: 'regression', yTrue, output, classes: [], threshold: 0.5,
    bootstrap: { samples: 100, seed: 1, confidence: 0.95 },
    slices: [{ column: 'continent', values: Array.from({ length: rows }, (_, i) => (i % 2 ? 'Asia' : 'Africa')) }],
    minSliceRows: 10,
  };
}

describe('evaluatePredictions', () => {
  it('binary: metrics, headline intervals around them, confusion with class labels', () => {
    const req = churnRequest();
    const ev = evaluatePredictions(req);
    expect(ev.task).toBe('binary_classification');
    expect(ev.rows).toBe(300);
    expect(ev.metrics).toEqual(binaryMetrics(req.yTrue, req.output, 0.5));
    expect(Object.keys(ev.metrics).sort()).toEqual([...TASK_METRICS.binary_classification].sort());
    expect(Object.keys(ev.intervals)).toEqual(HEADLINE_METRICS.binary_classification);
    for (const [m, iv] of Object.entries(ev.intervals)) {
      expect(iv.low, m).toBeLessThanOrEqual(ev.metrics[m]);
      expect(iv.high, m).toBeGreaterThanOrEqual(ev.metrics[m]);
    }
    expect(ev.confusion!.labels).toEqual(['stay', 'churn']);
    expect(ev.confusion!.matrix.flat().reduce((a, b) => a + b, 0)).toBe(300);
    expect(ev.perClass).toBeUndefined();
    expect(ev.residuals).toBeUndefined();
  });

  it('slices: one row per value, sorted, missing values last as (missing), small ones not gated', () => {
    const req = churnRequest();
    const [contract] = evaluatePredictions(req).slices;
    expect(contract.column).toBe('contract');
    expect(contract.rows.map((r) => [r.value, r.n, r.gated])).toEqual([
      ['month-to-month', 150, true], ['one-year', 85, true], ['two-year', 60, true], ['(missing)', 5, false],
    ]);
    const rows = req.slices[0].values.flatMap((v, i) => (v === 'two-year' ? [i] : []));
    const expected = binaryMetrics(
      Float64Array.from(rows, (i) => req.yTrue[i]), Float32Array.from(rows, (i) => req.output[i]), 0.5,
    );
    expect(contract.rows[2].metrics).toEqual(expected);
  });

  it('a slice with one class reports NaN roc_auc instead of failing the evaluation', () => {
    const req = churnRequest(40);
    const values = Array.from({ length: 40 }, (_, i) => (req.yTrue[i] === 1 ? 'churned-only' : 'stayed-only'));
    const ev = evaluatePredictions({ ...req, slices: [{ column: 'outcome', values }] });
    for (const row of ev.slices[0].rows) {
      expect(row.metrics.roc_auc).toBeNaN();
      expect(row.metrics.accuracy).toBeGreaterThan(0);
    }
  });

  it('multiclass: per-class table and k × k confusion in class order', () => {
    const req = multiclassRequest();
    const ev = evaluatePredictions(req);
    expect(ev.metrics).toEqual(multiclassMetrics(req.yTrue, req.output, 3));
    expect(Object.keys(ev.intervals)).toEqual(HEADLINE_METRICS.multiclass_classification);
    expect(ev.confusion!.labels).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    expect(ev.confusion!.matrix).toHaveLength(3);
    expect(ev.perClass!.map((c) => c.label)).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    expect(ev.perClass!.reduce((s, c) => s + c.support, 0)).toBe(240);
  });

  it('regression: residual summary and r2/rmse/mae intervals', () => {
    const req = regressionRequest();
    const ev = evaluatePredictions(req);
    expect(ev.metrics).toEqual(regressionMetrics(req.yTrue, req.output));
    expect(Object.keys(ev.intervals)).toEqual(['r2', 'rmse', 'mae']);
    expect(ev.intervals.rmse.low).toBeLessThan(ev.metrics.rmse);
    expect(ev.residuals!.p05).toBeLessThan(ev.residuals!.p50);
    expect(ev.residuals!.p50).toBeLessThan(ev.residuals!.p95);
    expect(ev.residuals!.max_abs).toBeGreaterThanOrEqual(Math.abs(ev.residuals!.p95));
    expect(ev.confusion).toBeUndefined();
    expect(ev.slices[0].rows.map((r) => r.value)).toEqual(['Africa', 'Asia']);
  });

  it('is deterministic given the bootstrap seed; samples 0 gives no intervals', () => {
    expect(evaluatePredictions(churnRequest())).toEqual(evaluatePredictions(churnRequest()));
    const off = evaluatePredictions({ ...churnRequest(), bootstrap: { samples: 0, seed: 1, confidence: 0.95 } });
    expect(off.intervals).toEqual({});
  });

  it('rejects outputs that do not fit the rows or the classes', () => {
    const binary = churnRequest(20);
    expect(() => evaluatePredictions({ ...binary, output: binary.output.subarray(0, 19) }))
      .toThrow(/20 test rows need 20 model outputs \(1 per row\), got 19/);
    expect(() => evaluatePredictions({ ...binary, classes: ['a', 'b', 'c'] })).toThrow(/exactly 2 class labels, got 3/);
    const multi = multiclassRequest(10);
    expect(() => evaluatePredictions({ ...multi, classes: ['a', 'b', 'c', 'd'] }))
      .toThrow(/10 test rows need 40 model outputs \(4 per row\), got 30/);
    expect(() => evaluatePredictions({ ...multi, classes: ['a'] })).toThrow(PipePilotError);
  });

  it('rejects a slice column of the wrong length and an empty test set', () => {
    const req = churnRequest(20);
    expect(() => evaluatePredictions({ ...req, slices: [{ column: 'contract', values: ['a'] }] }))
      .toThrow(/slice column 'contract' has 1 values for 20 test rows/);
    expect(() => evaluatePredictions({
      ...req, yTrue: new Float64Array(0), output: new Float32Array(0), slices: [],
    })).toThrow(/no rows to evaluate/);
  });
});

describe('headline and primary metrics', () => {
  it('are metrics of their task', () => {
    for (const task of Object.keys(TASK_METRICS) as Task[]) {
      expect(TASK_METRICS[task]).toContain(primaryMetric(task));
      for (const m of HEADLINE_METRICS[task]) expect(TASK_METRICS[task]).toContain(m);
    }
    expect(primaryMetric('binary_classification')).toBe('roc_auc');
    expect(primaryMetric('multiclass_classification')).toBe('accuracy');
    expect(primaryMetric('regression')).toBe('r2');
  });
});
