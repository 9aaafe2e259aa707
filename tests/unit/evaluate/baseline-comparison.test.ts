import { describe, expect, it } from 'vitest';
import { PipePilotError } from '../../../src/errors.js';
import {
  type ComparisonRequest, changeVerdict, compareWithBaseline,
} from '../../../src/evaluate/baseline-comparison.js';
import { pairedBootstrapDifference } from '../../../src/evaluate/bootstrap.js';
import { binaryMetrics, multiclassMetrics, regressionMetrics } from '../../../src/evaluate/metrics.js';
import { Rng } from '../../../src/rng.js';
import { TASK_METRICS } from '../../../src/spec/types.js';

/** Binary test rows scored by a good model and by a poorer one (the good one's score plus noise). */
function binaryPair(n: number, seed: number, noise: number) {
  const rng = new Rng(seed);
  const yTrue = new Float64Array(n);
  const good = new Float32Array(n);
  const poor = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    yTrue[i] = rng.next() < 0.4 ? 1 : 0;
    const z = 1.6 * (2 * yTrue[i] - 1) + rng.normal();
    good[i] = 1 / (1 + Math.exp(-z));
    poor[i] = 1 / (1 + Math.exp(-(z + noise * rng.normal())));
  }
  return { yTrue, good, poor };
}

function binaryRequest(n: number, noise: number, extra: Partial<ComparisonRequest> = {}): ComparisonRequest {
  const { yTrue, good, poor } = binaryPair(n, 1, noise);
  return {
    task: 'binary_classification', yTrue, candidate: poor, baseline: good, classes: ['benign', 'malignant'],
    threshold: 0.5, bootstrap: { samples: 300, seed: 7, confidence: 0.95 }, ...extra,
  };
}

describe('compareWithBaseline', () => {
  it('a clearly worse candidate: every value, the difference, an interval below 0 and a small p-value', () => {
    const req = binaryRequest(1500, 1.2);
    const c = compareWithBaseline(req);
    expect(Object.keys(c.metrics)).toEqual([...TASK_METRICS.binary_classification]);
    expect(c).toMatchObject({ task: 'binary_classification', rows: 1500, confidence: 0.95, bootstrapSamples: 300 });
    const candidate = binaryMetrics(req.yTrue, req.candidate, 0.5);
    const baseline = binaryMetrics(req.yTrue, req.baseline, 0.5);
    const auc = c.metrics.roc_auc;
    expect(auc.candidate).toBe(candidate.roc_auc);
    expect(auc.baseline).toBe(baseline.roc_auc);
    expect(auc.difference).toBe(candidate.roc_auc - baseline.roc_auc);
    expect(auc.high).toBeLessThan(0);
    expect(auc.low).toBeLessThan(auc.difference);
    expect(auc.pValueWorse).toBeLessThan(0.01);
    expect(auc.shareAtMostZero).toBeGreaterThan(0.99);
    expect(changeVerdict(auc)).toBe('worse');
    // log_loss is lower-is-better: worse means a rise, and the p-value reads the other tail.
    const loss = c.metrics.log_loss;
    expect(loss.lowerIsBetter).toBe(true);
    expect(loss.low).toBeGreaterThan(0);
    expect(loss.pValueWorse).toBeLessThan(0.01);
    expect(changeVerdict(loss)).toBe('worse');
  });

  it('the other way round (candidate is the better model): "better", and a p-value for "worse" near 1', () => {
    const req = binaryRequest(1500, 1.2);
    const c = compareWithBaseline({ ...req, candidate: req.baseline, baseline: req.candidate });
    expect(changeVerdict(c.metrics.roc_auc)).toBe('better');
    expect(changeVerdict(c.metrics.log_loss)).toBe('better');
    expect(c.metrics.roc_auc.pValueWorse).toBeGreaterThan(0.99);
  });

  it('the same model on both sides: difference exactly 0, interval [0, 0], never significant', () => {
    const req = binaryRequest(200, 1);
    const c = compareWithBaseline({ ...req, candidate: req.baseline });
    for (const m of Object.values(c.metrics)) {
      expect(m.difference).toBe(0);
      expect([m.low, m.high]).toEqual([0, 0]);
      expect(m.pValueWorse).toBe(1);
      expect(changeVerdict(m)).toBe('unclear');
    }
  });

  it('the count-based paired resampling agrees with copying the drawn rows', () => {
    const req = binaryRequest(300, 0.8);
    const copying = (p: Float32Array) => (indices: Uint32Array) =>
      binaryMetrics(Float64Array.from(indices, (r) => req.yTrue[r]), Float32Array.from(indices, (r) => p[r]), 0.5);
    const slow = pairedBootstrapDifference(copying(req.baseline), copying(req.candidate), 300, {
      ...req.bootstrap, metrics: ['roc_auc', 'f1', 'log_loss'],
    });
    const fast = compareWithBaseline(req).metrics;
    for (const m of ['roc_auc', 'f1', 'log_loss']) {
      expect(fast[m].low, m).toBeCloseTo(slow[m].low, 12);
      expect(fast[m].high, m).toBeCloseTo(slow[m].high, 12);
      expect(fast[m].shareAtMostZero, m).toBe(slow[m].shareAtMostZero);
    }
  });

  it('is deterministic given the seed; another seed moves the interval, not the values', () => {
    const req = binaryRequest(400, 0.8);
    expect(compareWithBaseline(req)).toEqual(compareWithBaseline(req));
    const other = compareWithBaseline({ ...req, bootstrap: { ...req.bootstrap, seed: 8 } });
    expect(other.metrics.roc_auc.difference).toBe(compareWithBaseline(req).metrics.roc_auc.difference);
    expect(other.metrics.roc_auc.low).not.toBe(compareWithBaseline(req).metrics.roc_auc.low);
  });

  it('the baseline is read with its own threshold when given', () => {
    const req = binaryRequest(300, 0.5);
    const own = compareWithBaseline({ ...req, baselineThreshold: 0.9, bootstrap: { ...req.bootstrap, samples: 0 } });
    expect(own.metrics.recall.baseline).toBe(binaryMetrics(req.yTrue, req.baseline, 0.9).recall);
    expect(own.metrics.recall.candidate).toBe(binaryMetrics(req.yTrue, req.candidate, 0.5).recall);
  });

  it('bootstrap off: values and differences, but no interval, p-value or verdict', () => {
    const c = compareWithBaseline(binaryRequest(200, 1, { bootstrap: { samples: 0, seed: 1, confidence: 0.95 } }));
    expect(c.bootstrapSamples).toBe(0);
    expect(c.metrics.accuracy.difference).not.toBeNaN();
    expect(c.metrics.accuracy.low).toBeNaN();
    expect(c.metrics.accuracy.pValueWorse).toBeNaN();
    expect(changeVerdict(c.metrics.accuracy)).toBe('unknown');
  });

  it('multiclass and regression: all task metrics, lower-is-better read the right way', () => {
    const rng = new Rng(4);
    const rows = 400;
    const y = Float64Array.from({ length: rows }, () => rng.int(3));
    const probs = (signal: number) => {
      const out = new Float32Array(rows * 3);
      for (let r = 0; r < rows; r++) {
        const z = [0, 1, 2].map((c) => rng.normal() + (c === y[r] ? signal : 0));
        const total = z.reduce((s, v) => s + Math.exp(v), 0);
        z.forEach((v, c) => { out[r * 3 + c] = Math.exp(v) / total; });
      }
      return out;
    };
    const strong = probs(3);
    const weak = probs(0.5);
    const mc = compareWithBaseline({
      task: 'multiclass_classification', yTrue: y, candidate: weak, baseline: strong, classes: ['a', 'b', 'c'],
      threshold: 0.5, bootstrap: { samples: 200, seed: 1, confidence: 0.9 },
    });
    expect(Object.keys(mc.metrics)).toEqual([...TASK_METRICS.multiclass_classification]);
    expect(mc.metrics.accuracy.candidate).toBe(multiclassMetrics(y, weak, 3).accuracy);
    expect(changeVerdict(mc.metrics.accuracy)).toBe('worse');
    expect(changeVerdict(mc.metrics.log_loss)).toBe('worse');

    const target = Float64Array.from({ length: rows }, () => 50 + 10 * rng.normal());
    const close = Float32Array.from(target, (v) => v + rng.normal());
    const far = Float32Array.from(target, (v) => v + 4 * rng.normal());
    const reg = compareWithBaseline({
      task: 'regression', yTrue: target, candidate: close, baseline: far, classes: [],
      threshold: 0.5, bootstrap: { samples: 200, seed: 1, confidence: 0.95 },
    });
    expect(reg.metrics.rmse.candidate).toBeCloseTo(regressionMetrics(target, close).rmse, 12);
    expect(reg.metrics.rmse.difference).toBeLessThan(0);
    expect(reg.metrics.rmse.lowerIsBetter).toBe(true);
    expect(changeVerdict(reg.metrics.rmse)).toBe('better');
    expect(changeVerdict(reg.metrics.r2)).toBe('better');
    expect(reg.metrics.rmse.pValueWorse).toBeGreaterThan(0.99);
  });

  it('slices are compared on their own rows, with small ones marked not gated', () => {
    const req = binaryRequest(300, 1);
    const region = Array.from({ length: 300 }, (_, i) => (i < 5 ? null : i % 2 ? 'north' : 'south'));
    const c = compareWithBaseline({ ...req, slices: [{ column: 'region', values: region }], minSliceRows: 10 });
    const rows = c.slices[0].rows;
    expect(rows.map((r) => [r.value, r.n, r.gated])).toEqual([['north', 148, true], ['south', 147, true], ['(missing)', 5, false]]);
    const north = region.flatMap((v, i) => (v === 'north' ? [i] : []));
    const direct = compareWithBaseline({
      ...req,
      yTrue: Float64Array.from(north, (i) => req.yTrue[i]),
      candidate: Float32Array.from(north, (i) => req.candidate[i]),
      baseline: Float32Array.from(north, (i) => req.baseline[i]),
    });
    expect(rows[0].metrics).toEqual(direct.metrics);
  });

  it('outputs or slices that do not match the rows are a wiring fault, thrown', () => {
    const req = binaryRequest(50, 1);
    expect(() => compareWithBaseline({ ...req, baseline: req.baseline.subarray(0, 49) })).toThrow(/50 test rows need 50 baseline outputs/);
    expect(() => compareWithBaseline({ ...req, candidate: new Float32Array(100) })).toThrow(PipePilotError);
    expect(() => compareWithBaseline({ ...req, slices: [{ column: 'region', values: ['a'] }] })).toThrow(/slice column 'region' has 1 values/);
    expect(() => compareWithBaseline({ ...req, baseline: Float32Array.from(req.baseline, () => NaN) })).toThrow(/probability/);
  });
});
