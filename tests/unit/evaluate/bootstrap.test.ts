import { describe, expect, it } from 'vitest';
import { PipePilotError } from '../../../src/errors.js';
import {
  binaryMetrics, binaryResampler, multiclassMetrics, multiclassResampler, regressionMetrics,
} from '../../../src/evaluate/metrics.js';
import { bootstrapIntervals, pairedBootstrapDifference, pairedDifferenceSamples } from '../../../src/evaluate/bootstrap.js';
import { Rng } from '../../../src/rng.js';

const BINARY = ['accuracy', 'balanced_accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'pr_auc', 'log_loss', 'brier'];

/** A noisy but informative binary classifier on `n` rows. */
function binaryData(n: number, seed: number, signal = 1.5): { y: Float64Array; p: Float32Array } {
  const rng = new Rng(seed);
  const y = new Float64Array(n);
  const p = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = rng.next() < 0.4 ? 1 : 0;
    p[i] = 1 / (1 + Math.exp(-(signal * (2 * y[i] - 1) + rng.normal())));
  }
  return { y, p };
}

/** The straightforward resample: copy the drawn rows, then score them from scratch. */
function gatheringBinary(y: Float64Array, p: Float32Array) {
  return (indices: Uint32Array) => {
    const yy = new Float64Array(indices.length);
    const pp = new Float32Array(indices.length);
    indices.forEach((row, i) => { yy[i] = y[row]; pp[i] = p[row]; });
    return binaryMetrics(yy, pp, 0.5);
  };
}

const opts = (samples: number, seed = 11) => ({ samples, seed, confidence: 0.95, metrics: BINARY });

describe('bootstrapIntervals', () => {
  it('same seed, same intervals; another seed, other intervals', () => {
    const { y, p } = binaryData(300, 1);
    const a = bootstrapIntervals(binaryResampler(y, p, 0.5), 300, opts(200));
    const b = bootstrapIntervals(binaryResampler(y, p, 0.5), 300, opts(200));
    const c = bootstrapIntervals(binaryResampler(y, p, 0.5), 300, opts(200, 12));
    expect(b).toEqual(a);
    expect(c.roc_auc).not.toEqual(a.roc_auc);
  });

  it('the sort-once binary resampler matches copying and re-sorting each resample', () => {
    const { y, p } = binaryData(400, 2);
    const fast = bootstrapIntervals(binaryResampler(y, p, 0.5), 400, opts(100));
    const slow = bootstrapIntervals(gatheringBinary(y, p), 400, opts(100));
    for (const m of BINARY) {
      expect(fast[m].low).toBeCloseTo(slow[m].low, 12);
      expect(fast[m].high).toBeCloseTo(slow[m].high, 12);
    }
  });

  it('the multiclass count resampler matches copying the drawn rows', () => {
    const rng = new Rng(9);
    const rows = 300;
    const y = Float64Array.from({ length: rows }, () => rng.int(3));
    const probs = Float64Array.from({ length: rows * 3 }, (_, i) => (y[Math.floor(i / 3)] === i % 3 ? 0.5 : 0) + rng.next() / 2);
    const metrics = ['accuracy', 'balanced_accuracy', 'f1_macro', 'f1_weighted', 'log_loss'];
    const copying = (indices: Uint32Array) => multiclassMetrics(
      Float64Array.from(indices, (r) => y[r]),
      Float64Array.from({ length: indices.length * 3 }, (_, i) => probs[indices[Math.floor(i / 3)] * 3 + (i % 3)]),
      3,
    );
    const o = { samples: 100, seed: 3, confidence: 0.9, metrics };
    const fast = bootstrapIntervals(multiclassResampler(y, probs, 3), rows, o);
    const slow = bootstrapIntervals(copying, rows, o);
    for (const m of metrics) {
      expect(fast[m].low, m).toBeCloseTo(slow[m].low, 12);
      expect(fast[m].high, m).toBeCloseTo(slow[m].high, 12);
    }
  });

  it('intervals contain the point estimate of a well-behaved model', () => {
    const { y, p } = binaryData(1000, 3);
    const point = binaryMetrics(y, p, 0.5);
    const intervals = bootstrapIntervals(binaryResampler(y, p, 0.5), 1000, opts(500));
    for (const m of BINARY) {
      expect(intervals[m].low, m).toBeLessThan(point[m]);
      expect(intervals[m].high, m).toBeGreaterThan(point[m]);
    }
  });

  it('intervals narrow as the test set grows', () => {
    const width = (n: number) => {
      const { y, p } = binaryData(n, 4);
      const iv = bootstrapIntervals(binaryResampler(y, p, 0.5), n, opts(400));
      return { auc: iv.roc_auc.high - iv.roc_auc.low, accuracy: iv.accuracy.high - iv.accuracy.low };
    };
    const small = width(200);
    const large = width(5000);
    expect(large.auc).toBeLessThan(small.auc / 2);
    expect(large.accuracy).toBeLessThan(small.accuracy / 2);
  });

  it('a higher confidence gives a wider interval', () => {
    const { y, p } = binaryData(500, 5);
    const narrow = bootstrapIntervals(binaryResampler(y, p, 0.5), 500, { ...opts(300), confidence: 0.5 });
    const wide = bootstrapIntervals(binaryResampler(y, p, 0.5), 500, { ...opts(300), confidence: 0.99 });
    expect(wide.f1.low).toBeLessThan(narrow.f1.low);
    expect(wide.f1.high).toBeGreaterThan(narrow.f1.high);
  });

  it('the interval is pinned to the percentiles of the resample values: 2.5th and 97.5th at 95%', () => {
    // A metric that ignores the rows and returns the resample's number counted down, so the
    // resample values are exactly {0, …, n−1} in reverse order, and numpy's linear percentile
    // of them is q·(n−1) (np.percentile(np.arange(n), [2.5, 97.5])).
    const counter = (n: number) => {
      let s = n;
      return () => ({ m: --s });
    };
    // (1 − 0.95) / 2 is 0.025000000000000022 in floating point, hence toBeCloseTo.
    const cases: [samples: number, confidence: number, low: number, high: number][] = [
      [41, 0.95, 1, 39],
      [21, 0.9, 1, 19],
      [20, 0.95, 0.475, 18.525], // between two values: 0.025·19 and 0.975·19, interpolated
    ];
    for (const [samples, confidence, low, high] of cases) {
      const { m } = bootstrapIntervals(counter(samples), 3, { samples, seed: 1, confidence, metrics: ['m'] });
      expect(m.low, `${samples} at ${confidence}`).toBeCloseTo(low, 12);
      expect(m.high, `${samples} at ${confidence}`).toBeCloseTo(high, 12);
    }
  });

  it('samples 0 turns intervals off', () => {
    const { y, p } = binaryData(50, 6);
    expect(bootstrapIntervals(binaryResampler(y, p, 0.5), 50, opts(0))).toEqual({});
  });

  it('leaves out resamples where a metric is undefined, and gives NaN when it never is', () => {
    // Two positives in 40 rows: some resamples draw none, so roc_auc is NaN there.
    const y = new Float64Array(40);
    y[0] = 1; y[1] = 1;
    const p = Float32Array.from(y, (v, i) => (v === 1 ? 0.9 : (i % 10) / 20));
    const iv = bootstrapIntervals(binaryResampler(y, p, 0.5), 40, opts(300));
    expect(iv.roc_auc).toEqual({ low: 1, high: 1 });
    const none = bootstrapIntervals(binaryResampler(new Float64Array(40), p, 0.5), 40, opts(50));
    expect(none.roc_auc.low).toBeNaN();
    expect(none.accuracy.low).toBeGreaterThan(0);
  });

  it('rejects bad options and unknown metrics', () => {
    const { y, p } = binaryData(30, 7);
    const compute = binaryResampler(y, p, 0.5);
    expect(() => bootstrapIntervals(compute, 30, opts(-1))).toThrow(PipePilotError);
    expect(() => bootstrapIntervals(compute, 30, opts(2.5))).toThrow(/whole number/);
    expect(() => bootstrapIntervals(compute, 30, { ...opts(10), confidence: 1 })).toThrow(/confidence/);
    expect(() => bootstrapIntervals(compute, 0, opts(10))).toThrow(/cannot resample 0 rows/);
    expect(() => bootstrapIntervals(compute, 30, { ...opts(10), metrics: ['r2'] })).toThrow(/returned no 'r2'/);
  });
});

describe('pairedBootstrapDifference', () => {
  const regression = (truth: Float64Array, pred: Float64Array) => (indices: Uint32Array) =>
    regressionMetrics(Float64Array.from(indices, (i) => truth[i]), Float64Array.from(indices, (i) => pred[i]));

  function regressionData(n: number) {
    const rng = new Rng(21);
    const y = Float64Array.from({ length: n }, () => 10 * rng.normal());
    const good = Float64Array.from(y, (v) => v + rng.normal());
    const poor = Float64Array.from(y, (v) => v + 3 * rng.normal());
    return { y, good, poor };
  }
  const popts = { samples: 300, seed: 5, confidence: 0.95, metrics: ['r2', 'mae'] };

  it('a clearly better model B: r2 difference above 0 on almost every resample', () => {
    const { y, good, poor } = regressionData(400);
    const d = pairedBootstrapDifference(regression(y, poor), regression(y, good), 400, popts);
    const rA = regressionMetrics(y, poor).r2;
    const rB = regressionMetrics(y, good).r2;
    expect(d.r2.estimate).toBeCloseTo(rB - rA, 12);
    expect(d.r2.low).toBeGreaterThan(0);
    expect(d.r2.low).toBeLessThan(d.r2.estimate);
    expect(d.r2.high).toBeGreaterThan(d.r2.estimate);
    expect(d.r2.shareAtMostZero).toBe(0);
    // mae is lower-is-better: B's is smaller on every resample.
    expect(d.mae.high).toBeLessThan(0);
    expect(d.mae.shareAtMostZero).toBe(1);
  });

  it('the same model on both sides: difference exactly 0 on every resample', () => {
    const { y, good } = regressionData(100);
    const d = pairedBootstrapDifference(regression(y, good), regression(y, good), 100, popts);
    expect(d.r2).toEqual({ estimate: 0, low: 0, high: 0, shareAtMostZero: 1 });
  });

  it('is deterministic given the seed, and off with samples 0', () => {
    const { y, good, poor } = regressionData(150);
    const run = () => pairedBootstrapDifference(regression(y, poor), regression(y, good), 150, popts);
    expect(run()).toEqual(run());
    expect(pairedBootstrapDifference(regression(y, poor), regression(y, good), 150, { ...popts, samples: 0 })).toEqual({});
  });

  it('rejects bad options', () => {
    const { y, good } = regressionData(20);
    expect(() => pairedBootstrapDifference(regression(y, good), regression(y, good), 20, { ...popts, confidence: 0 }))
      .toThrow(PipePilotError);
  });
});

describe('bootstrap draw budget', () => {
  it('keeps the requested count on ordinary test sets and cuts it on huge ones, never below 100', async () => {
    const { budgetedBootstrapSamples } = await import('../../../src/evaluate/bootstrap.js');
    expect(budgetedBootstrapSamples(1000, 10_000)).toBe(1000);
    expect(budgetedBootstrapSamples(1000, 600_000)).toBe(166);
    expect(budgetedBootstrapSamples(1000, 50_000_000)).toBe(100);
    expect(budgetedBootstrapSamples(50, 50_000_000)).toBe(50);
    expect(budgetedBootstrapSamples(0, 600_000)).toBe(0);
  });
});

describe('the bootstrap at its boundaries (mutation testing, issue 15)', () => {
  const values = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3];
  const mean = (idx: Uint32Array) => ({ mean: Array.from(idx, (i) => values[i]).reduce((a, b) => a + b, 0) / idx.length });

  it('the same seed gives the same interval across versions: one draw per row, seed 3 pinned', () => {
    // Recorded from this code; a change in how rows are drawn (one draw more or less) moves it.
    const { mean: iv } = bootstrapIntervals(mean, 10, { samples: 200, seed: 3, confidence: 0.9, metrics: ['mean'] });
    expect(iv.low).toBeCloseTo(2.6, 9);
    expect(iv.high).toBeCloseTo(5.005, 9);
  });

  it('one row is enough to resample; no rows is refused only when resampling is on', () => {
    expect(bootstrapIntervals(mean, 1, { samples: 20, seed: 1, confidence: 0.9, metrics: ['mean'] })).toEqual({ mean: { low: 3, high: 3 } });
    expect(bootstrapIntervals(mean, 0, { samples: 0, seed: 1, confidence: 0.9, metrics: ['mean'] })).toEqual({});
    expect(pairedBootstrapDifference(mean, mean, 0, { samples: 0, seed: 1, confidence: 0.9, metrics: ['mean'] })).toEqual({});
  });

  it('each refusal says what to set', () => {
    const refusal = (f: () => unknown) => {
      try {
        f();
      } catch (err) {
        return { message: (err as PipePilotError).message, hint: (err as PipePilotError).hint };
      }
      throw new Error('not refused');
    };
    const o = { samples: 10, seed: 1, confidence: 0.9, metrics: ['mean'] };
    expect(refusal(() => bootstrapIntervals(mean, 10, { ...o, samples: -1 }))).toEqual({
      message: 'bootstrap: samples is -1, expected a whole number >= 0', hint: 'set evaluate.bootstrap.samples, e.g. 1000, or 0 to turn intervals off',
    });
    expect(refusal(() => bootstrapIntervals(mean, 10, { ...o, confidence: 1 }))).toEqual({
      message: 'bootstrap: confidence is 1, expected a number in (0, 1)', hint: 'set evaluate.bootstrap.confidence, e.g. 0.95',
    });
    expect(refusal(() => bootstrapIntervals(mean, 0, o))).toEqual({
      message: 'bootstrap: cannot resample 0 rows', hint: 'the test split is empty; lower data.split.test or add data',
    });
    expect(refusal(() => bootstrapIntervals(() => ({ mean: 1, median: 1 }), 10, { ...o, metrics: ['r2'] }))).toEqual({
      message: "bootstrap: the metric function returned no 'r2'", hint: 'ask only for metrics it computes: mean, median',
    });
  });

  it('the paired share at or below zero counts only resamples where the difference is defined', () => {
    // B is undefined when row 0 is drawn first, else the first row drawn minus 4.5: some differences NaN, some ≤ 0, some > 0.
    const a = () => ({ d: 0 });
    const b = (idx: Uint32Array) => ({ d: idx[0] === 0 ? NaN : idx[0] - 4.5 });
    const o = { samples: 300, seed: 5, confidence: 0.9, metrics: ['d'] };
    const { d } = pairedDifferenceSamples(a, b, 10, o);
    const defined = Array.from(d).filter((x) => !Number.isNaN(x));
    expect(defined.length).toBeGreaterThan(200);
    expect(defined.length).toBeLessThan(300);
    const share = defined.filter((x) => x <= 0).length / defined.length;
    expect(pairedBootstrapDifference(a, b, 10, o).d.shareAtMostZero).toBeCloseTo(share, 12);
  });
});
