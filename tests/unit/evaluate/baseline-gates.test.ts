import { describe, expect, it } from 'vitest';
import {
  type BaselineComparison, type MetricComparison, changeVerdict, compareWithBaseline,
} from '../../../src/evaluate/baseline-comparison.js';
import { evaluatePredictions } from '../../../src/evaluate/evaluation.js';
import { type GateBaseline, evaluateGates, gatesPassed } from '../../../src/evaluate/gates.js';
import { Rng } from '../../../src/rng.js';
import { TASK_METRICS, type Gate, type Task } from '../../../src/spec/types.js';

/** Test rows scored by a production model and by a candidate that is the same plus `noise`. */
function binaryCase(n: number, noise: number, samples = 400) {
  const rng = new Rng(1);
  const yTrue = new Float64Array(n);
  const production = new Float32Array(n);
  const candidate = new Float32Array(n);
  const region: string[] = [];
  for (let i = 0; i < n; i++) {
    yTrue[i] = rng.next() < 0.4 ? 1 : 0;
    const z = 1.6 * (2 * yTrue[i] - 1) + rng.normal();
    production[i] = 1 / (1 + Math.exp(-z));
    candidate[i] = 1 / (1 + Math.exp(-(z + noise * rng.normal())));
    region.push(i % 10 === 0 ? 'islands' : i % 2 ? 'north' : 'south');
  }
  const bootstrap = { samples, seed: 7, confidence: 0.95 };
  const common = { task: 'binary_classification' as const, yTrue, classes: ['no', 'yes'], threshold: 0.5, bootstrap };
  const slices = [{ column: 'region', values: region }];
  const evaluation = evaluatePredictions({ ...common, output: candidate, slices, minSliceRows: 1000 });
  const comparison = compareWithBaseline({ ...common, candidate, baseline: production, slices, minSliceRows: n / 5 });
  return { evaluation, baseline: { version: 3, comparison } satisfies GateBaseline };
}

/**
 * A comparison with chosen values, for exact arithmetic on the allowance (a BaselineComparison
 * is plain data: this is what compareWithBaseline returns, with round numbers).
 */
function fixedComparison(task: Task, values: Record<string, [candidate: number, baseline: number, low: number, high: number]>): GateBaseline {
  const metrics: Record<string, MetricComparison> = {};
  for (const [name, [candidate, baseline, low, high]] of Object.entries(values)) {
    const lowerIsBetter = ['rmse', 'mae', 'mse', 'mape', 'log_loss', 'brier'].includes(name);
    metrics[name] = { candidate, baseline, difference: candidate - baseline, low, high, shareAtMostZero: NaN, pValueWorse: NaN, lowerIsBetter };
  }
  const comparison: BaselineComparison = { task, rows: 100, confidence: 0.95, bootstrapSamples: 100, metrics, slices: [] };
  return { version: 7, comparison };
}

/** An evaluation that knows the task's metric names (gates check the metric exists). */
function evaluationOf(task: Task) {
  return { task, rows: 100, metrics: Object.fromEntries(TASK_METRICS[task].map((m) => [m, 0])), intervals: {}, slices: [] };
}

const drop = (metric: string, extra: Partial<Gate>): Gate => ({ metric, vs: 'production', ...extra });

describe('gates against production', () => {
  it('max_drop fails when the candidate falls more than allowed, naming candidate, baseline and difference', () => {
    const { evaluation, baseline } = binaryCase(1500, 1.2);
    const auc = baseline.comparison.metrics.roc_auc;
    const [result] = evaluateGates([drop('roc_auc', { max_drop: 0.01 })], evaluation, { baseline });
    expect(result).toMatchObject({
      kind: 'max_drop', status: 'failed', threshold: 0.01, observed: auc.candidate, baseline: auc.baseline,
      difference: { value: auc.difference, low: auc.low, high: auc.high },
    });
    expect(result.message).toMatch(
      /^roc_auc 0\.\d{3} vs production v3 0\.\d{3}: difference -0\.\d{3} \(95% interval -0\.\d{3} to -0\.\d{3}\); drop 0\.\d{3} > max_drop 0\.01$/,
    );
    expect(gatesPassed([result])).toBe(false);
  });

  it('max_drop passes within the allowance, and when the candidate is as good or better', () => {
    const { evaluation, baseline } = binaryCase(1500, 1.2);
    const fall = -baseline.comparison.metrics.roc_auc.difference;
    const [within] = evaluateGates([drop('roc_auc', { max_drop: fall + 0.001 })], evaluation, { baseline });
    expect(within.status).toBe('passed');
    expect(within.message).toMatch(/; drop 0\.\d{3} <= max_drop 0\.\d+$/);
    const same = fixedComparison('binary_classification', { roc_auc: [0.95, 0.95, 0, 0], f1: [0.9, 0.85, 0.01, 0.09] });
    const [equal, better] = evaluateGates([drop('roc_auc', { max_drop: 0 }), drop('f1', { max_drop: 0 })], evaluationOf('binary_classification'), { baseline: same });
    expect(equal.status).toBe('passed');
    expect(equal.message).toBe('roc_auc 0.950 vs production v7 0.950: difference 0.000 (95% interval 0.000 to 0.000); no drop, within max_drop 0');
    expect(better.status).toBe('passed');
    expect(better.message).toContain('difference +0.050');
  });

  it('a drop exactly at the allowance passes; the smallest step past it fails (max_drop and max_drop_rel)', () => {
    // Powers of two, so candidate − baseline and the allowance are exact in floating point.
    const baseline = fixedComparison('binary_classification', { roc_auc: [0.75, 1, -0.3, -0.2], f1: [0.25, 0.5, -0.3, -0.2] });
    const evaluation = evaluationOf('binary_classification');
    const [atDrop, atRel, pastDrop, pastRel] = evaluateGates(
      [drop('roc_auc', { max_drop: 0.25 }), drop('f1', { max_drop_rel: 0.5 }), drop('roc_auc', { max_drop: 0.2499 }), drop('f1', { max_drop_rel: 0.4999 })],
      evaluation, { baseline },
    );
    expect(atDrop.status).toBe('passed');
    expect(atDrop.message).toMatch(/; drop 0\.250 <= max_drop 0\.25$/);
    expect(atRel.status).toBe('passed');
    expect(atRel.message).toMatch(/; drop 0\.250 <= max_drop_rel 0\.5 \(0\.250 of the baseline\)$/);
    expect(pastDrop.status).toBe('failed');
    expect(pastRel.status).toBe('failed');
  });

  it('lower-is-better metrics: the allowance is on a rise, and a fall is an improvement', () => {
    const baseline = fixedComparison('regression', { rmse: [10.6, 10, 0.2, 1.0], mae: [7.5, 8, -0.8, -0.2] });
    const evaluation = evaluationOf('regression');
    const [rise, fall, tolerated] = evaluateGates(
      [drop('rmse', { max_drop: 0.5 }), drop('mae', { max_drop: 0.1 }), drop('rmse', { max_drop: 0.7 })],
      evaluation, { baseline },
    );
    expect(rise.status).toBe('failed');
    expect(rise.message).toBe('rmse 10.600 vs production v7 10.000: difference +0.600 (95% interval +0.200 to +1.000); rise 0.600 > max_drop 0.5');
    expect(fall.status).toBe('passed');
    expect(fall.message).toContain('no rise');
    expect(tolerated.status).toBe('passed');
  });

  it('max_drop_rel allows a fraction of the baseline value (of its size, when the baseline is negative)', () => {
    const baseline = fixedComparison('regression', { rmse: [10.4, 10, 0.1, 0.7], r2: [-0.23, -0.2, -0.05, -0.01] });
    const evaluation = evaluationOf('regression');
    const [ok, tooMuch, negative] = evaluateGates(
      [drop('rmse', { max_drop_rel: 0.05 }), drop('rmse', { max_drop_rel: 0.03 }), drop('r2', { max_drop_rel: 0.1 })],
      evaluation, { baseline },
    );
    expect(ok).toMatchObject({ kind: 'max_drop_rel', status: 'passed', threshold: 0.05 });
    expect(ok.message).toMatch(/rise 0\.400 <= max_drop_rel 0\.05 \(0\.500 of the baseline\)$/);
    expect(tooMuch.status).toBe('failed');
    expect(tooMuch.message).toMatch(/rise 0\.400 > max_drop_rel 0\.03 \(0\.300 of the baseline\)$/);
    // 10% of |−0.2| is 0.02; the candidate fell 0.03.
    expect(negative.status).toBe('failed');
    expect(negative.message).toMatch(/drop 0\.030 > max_drop_rel 0\.1 \(0\.020 of the baseline\)$/);
  });

  it('significant: true fails a real drop, and passes the same drop when it is within the noise', () => {
    // The same-sized drop (~0.011 roc_auc) measured on 3000 rows (real) and on 60 rows (noise).
    const real = binaryCase(3000, 0.5);
    const noisy = binaryCase(60, 0.35);
    for (const c of [real, noisy]) expect(c.baseline.comparison.metrics.roc_auc.difference).toBeLessThan(-0.01);
    expect(changeVerdict(real.baseline.comparison.metrics.roc_auc)).toBe('worse');
    expect(changeVerdict(noisy.baseline.comparison.metrics.roc_auc)).toBe('unclear');
    const gate = drop('roc_auc', { max_drop: 0.01, significant: true });

    const [realResult] = evaluateGates([gate], real.evaluation, { baseline: real.baseline });
    expect(realResult.status).toBe('failed');
    expect(realResult.message).toMatch(/> max_drop 0\.01, and significant \(the 95% interval of the difference is wholly below 0\)$/);

    const [noisyResult] = evaluateGates([gate], noisy.evaluation, { baseline: noisy.baseline });
    expect(noisyResult.status).toBe('passed');
    expect(noisyResult.message).toMatch(/> max_drop 0\.01, but not significant .*reaches 0\); passes because significant: true$/);
    // Without `significant`, the same noisy drop fails.
    const [plain] = evaluateGates([drop('roc_auc', { max_drop: 0.01 })], noisy.evaluation, { baseline: noisy.baseline });
    expect(plain.status).toBe('failed');
  });

  it('significant: true on a lower-is-better metric reads the interval above 0 as the bad side', () => {
    const baseline = fixedComparison('binary_classification', { log_loss: [0.4, 0.3, 0.05, 0.15], brier: [0.2, 0.1, -0.02, 0.2] });
    const [sure, unsure] = evaluateGates(
      [drop('log_loss', { max_drop: 0.05, significant: true }), drop('brier', { max_drop: 0.05, significant: true })],
      evaluationOf('binary_classification'), { baseline },
    );
    expect(sure.status).toBe('failed');
    expect(sure.message).toContain('wholly above 0');
    expect(unsure.status).toBe('passed');
  });

  it('significant: true without bootstrap resamples: the drop alone decides, and the message says why', () => {
    const { evaluation, baseline } = binaryCase(300, 1.2, 0);
    const [result] = evaluateGates([drop('roc_auc', { max_drop: 0.001, significant: true })], evaluation, { baseline });
    expect(result.status).toBe('failed');
    expect(result.difference).toMatchObject({ low: null, high: null });
    expect(result.message).toMatch(/; significance unknown without bootstrap resamples \(evaluate\.bootstrap\.samples is 0\), so the drop alone decides$/);
    expect(result.message).not.toContain('% interval');
  });

  it('a slice gate compares every large-enough slice on its own rows and notes the skipped ones', () => {
    const { evaluation, baseline } = binaryCase(1500, 1.2);
    const results = evaluateGates([drop('roc_auc', { max_drop: 0.5, slice: 'region' })], evaluation, { baseline });
    expect(results.map((r) => [r.slice?.value, r.status])).toEqual([['north', 'passed'], ['south', 'passed'], [undefined, 'skipped']]);
    const north = baseline.comparison.slices[0].rows.find((r) => r.value === 'north')!;
    expect(results[0]).toMatchObject({ observed: north.metrics.roc_auc.candidate, baseline: north.metrics.roc_auc.baseline });
    expect(results[0].message).toMatch(/^roc_auc on region=north 0\.\d{3} vs production v3/);
    expect(results[2].message).toBe('roc_auc max_drop 0.5 vs production on region: 1 slice skipped (fewer than min_slice_rows): islands (n=150)');
    const strict = evaluateGates([drop('roc_auc', { max_drop: 0.001, slice: 'region' })], evaluation, { baseline });
    expect(strict.filter((r) => r.status === 'failed').map((r) => r.slice?.value)).toEqual(['north', 'south']);
  });

  it('a slice column the comparison did not cover, an unknown metric, or an undefined metric fails clearly', () => {
    const { evaluation, baseline } = binaryCase(300, 1);
    const [noSlice, unknown] = evaluateGates(
      [drop('f1', { max_drop: 0.1, slice: 'plan' }), drop('r2', { max_drop: 0.1 })],
      evaluation, { baseline },
    );
    expect(noSlice).toMatchObject({ status: 'failed' });
    expect(noSlice.message).toContain("no slice comparison for column 'plan'");
    expect(unknown.status).toBe('failed');
    expect(unknown.message).toMatch(/^r2 is not a binary_classification metric/);
    const undefinedAuc = fixedComparison('binary_classification', { roc_auc: [NaN, NaN, NaN, NaN] });
    const [nan] = evaluateGates([drop('roc_auc', { max_drop: 0.01 })], evaluationOf('binary_classification'), { baseline: undefinedAuc });
    expect(nan).toMatchObject({ status: 'failed', observed: null, baseline: null });
    expect(nan.message).toBe('roc_auc is undefined for both models (e.g. only one class in these rows), so it cannot be compared vs production v7');
  });

  it('min/max gates are unchanged by a baseline; without one, production gates still say "no baseline"', () => {
    const { evaluation, baseline } = binaryCase(300, 1);
    const gates: Gate[] = [{ metric: 'accuracy', min: 0.5 }, drop('roc_auc', { max_drop: 0.01 })];
    const withBaseline = evaluateGates(gates, evaluation, { baseline });
    expect(withBaseline[0]).toEqual(evaluateGates(gates, evaluation)[0]);
    expect(withBaseline[0].baseline).toBeUndefined();
    const [, none] = evaluateGates(gates, evaluation);
    expect(none.status).toBe('no_baseline');
    expect(none.message).toContain('no baseline yet: no production model to compare with');
  });
});

describe('gates against production: the cases a slice or a metric can be in', () => {
  const metric = (candidate: number, baseline: number, low: number, high: number): MetricComparison =>
    ({ candidate, baseline, difference: candidate - baseline, low, high, shareAtMostZero: NaN, pValueWorse: NaN, lowerIsBetter: false });
  const withSlices = (rows: { value: string; n: number; gated: boolean; metrics: Record<string, MetricComparison> }[]): GateBaseline => {
    const base = fixedComparison('binary_classification', { roc_auc: [0.9, 0.9, -0.01, 0.01] });
    return { ...base, comparison: { ...base.comparison, slices: [{ column: 'region', rows }] } };
  };
  const gate = drop('roc_auc', { max_drop: 0.05, slice: 'region' });

  it('every slice large enough: one result each and no note; none large enough: only the note, saying nothing was checked', () => {
    const all = evaluateGates([gate], evaluationOf('binary_classification'), { baseline: withSlices([
      { value: 'north', n: 80, gated: true, metrics: { roc_auc: metric(0.9, 0.9, -0.01, 0.01) } },
      { value: 'south', n: 70, gated: true, metrics: { roc_auc: metric(0.8, 0.9, -0.12, -0.08) } },
    ]) });
    expect(all.map((r) => [r.slice?.value, r.status])).toEqual([['north', 'passed'], ['south', 'failed']]);
    const none = evaluateGates([gate], evaluationOf('binary_classification'), { baseline: withSlices([
      { value: 'north', n: 8, gated: false, metrics: { roc_auc: metric(0.9, 0.9, -0.01, 0.01) } },
    ]) });
    expect(none).toHaveLength(1);
    expect(none[0].message).toBe('roc_auc max_drop 0.05 vs production on region: no slice has enough rows, nothing checked; 1 slice skipped (fewer than min_slice_rows): north (n=8)');
  });

  it('a slice column without any rows still gives the note, never nothing', () => {
    const results = evaluateGates([gate], evaluationOf('binary_classification'), { baseline: withSlices([]) });
    expect(results.map((r) => r.message)).toEqual(['roc_auc max_drop 0.05 vs production on region: no slice has enough rows, nothing checked; no rows']);
  });

  it('a slice whose comparison lacks the metric fails, naming the slice and what the baseline compared', () => {
    const [r] = evaluateGates([gate], evaluationOf('binary_classification'), { baseline: withSlices([{ value: 'north', n: 80, gated: true, metrics: {} }]) });
    expect(r).toMatchObject({ status: 'failed', observed: null, slice: { column: 'region', value: 'north' } });
    expect(r.message).toBe('roc_auc on region=north: the comparison with production v7 has no roc_auc (it compared a binary_classification model)');
  });

  it('undefined on one side only: failed, saying which side', () => {
    const one = (c: number, b: number) => evaluateGates([drop('roc_auc', { max_drop: 0.01 })], evaluationOf('binary_classification'), { baseline: fixedComparison('binary_classification', { roc_auc: [c, b, NaN, NaN] }) })[0];
    expect(one(NaN, 0.9)).toMatchObject({ status: 'failed', observed: null, baseline: 0.9 });
    expect(one(NaN, 0.9).message).toBe('roc_auc is undefined for the candidate (e.g. only one class in these rows), so it cannot be compared vs production v7');
    expect(one(0.9, NaN).status).toBe('failed');
    expect(one(0.9, NaN).message).toMatch(/is undefined for the baseline/);
  });

  it('significant: true with resamples but an undefined interval: the drop alone decides, the message says why, no interval shown', () => {
    const [r] = evaluateGates([drop('roc_auc', { max_drop: 0.01, significant: true })], evaluationOf('binary_classification'), { baseline: fixedComparison('binary_classification', { roc_auc: [0.8, 0.9, NaN, NaN] }) });
    expect(r.status).toBe('failed');
    expect(r.message).toBe('roc_auc 0.800 vs production v7 0.900: difference -0.100; drop 0.100 > max_drop 0.01; significance unknown (the difference is undefined on every resample), so the drop alone decides');
  });
});
