import { describe, expect, it } from 'vitest';
import { PipePilotError } from '../../../src/errors.js';
import { type Evaluation, evaluatePredictions } from '../../../src/evaluate/evaluation.js';
import { evaluateGates, formatObserved, gatesPassed } from '../../../src/evaluate/gates.js';
import { gateCountText } from '../../../src/evaluate/gate-result.js';
import type { Gate } from '../../../src/spec/types.js';

/**
 * Test rows per contract, chosen so slice metrics are known:
 * month-to-month (12) perfect; one-year (10) precision = recall = f1 = 0.5;
 * two-year (10) only non-churners, so roc_auc is undefined; 3 rows with no contract.
 */
function churnEvaluation(minSliceRows = 10): Evaluation {
  const rows: [string | null, number, number][] = [
    ...Array.from({ length: 12 }, (_, i) => ['month-to-month', i < 6 ? 1 : 0, i < 6 ? 0.9 : 0.1] as [string, number, number]),
    ...[[1, 0.8], [1, 0.8], [1, 0.3], [1, 0.3], [0, 0.7], [0, 0.7], [0, 0.2], [0, 0.2], [0, 0.2], [0, 0.2]]
      .map(([y, p]) => ['one-year', y, p] as [string, number, number]),
    ...Array.from({ length: 10 }, (_, i) => ['two-year', 0, 0.05 * i] as [string, number, number]),
    [null, 1, 0.6], [null, 0, 0.4], [null, 1, 0.45],
  ];
  return evaluatePredictions({
    task: 'binary_classification',
    yTrue: Float64Array.from(rows, (r) => r[1]),
    output: Float32Array.from(rows, (r) => r[2]),
    classes: ['stay', 'churn'],
    threshold: 0.5,
    bootstrap: { samples: 0, seed: 1, confidence: 0.95 },
    slices: [{ column: 'contract', values: rows.map((r) => r[0]) }],
    minSliceRows,
  });
}

const evaluation = churnEvaluation();

describe('evaluateGates', () => {
  it('min and max on the whole test set: pass and fail, with readable messages', () => {
    const auc = evaluation.metrics.roc_auc;
    const [pass, fail] = evaluateGates([{ metric: 'roc_auc', min: 0.8 }, { metric: 'roc_auc', min: 0.99 }], evaluation);
    expect(pass).toMatchObject({ metric: 'roc_auc', kind: 'min', status: 'passed', observed: auc, threshold: 0.8 });
    expect(pass.message).toBe(`roc_auc ${auc.toFixed(3)} >= min 0.8`);
    expect(fail).toMatchObject({ status: 'failed', threshold: 0.99 });
    expect(fail.message).toBe(`roc_auc ${auc.toFixed(3)} < min 0.99`);
    expect(fail.slice).toBeUndefined();
  });

  it('a metric exactly at the bound passes both min and max: 45 of 50 right is accuracy 0.9 against min 0.9', () => {
    const yTrue = Float64Array.from({ length: 50 }, (_, i) => i % 2);
    // Rows 0..4 are scored on the wrong side of the threshold, the other 45 on the right one.
    const output = Float32Array.from(yTrue, (y, i) => (i < 5 ? (y === 1 ? 0.2 : 0.8) : y === 1 ? 0.8 : 0.2));
    const exact = evaluatePredictions({
      task: 'binary_classification', yTrue, output, classes: ['no', 'yes'], threshold: 0.5,
      bootstrap: { samples: 0, seed: 1, confidence: 0.95 }, slices: [], minSliceRows: 10,
    });
    expect(exact.metrics.accuracy).toBe(0.9);
    const [min, max] = evaluateGates([{ metric: 'accuracy', min: 0.9 }, { metric: 'accuracy', max: 0.9 }], exact);
    expect(min).toMatchObject({ status: 'passed', observed: 0.9 });
    expect(min.message).toBe('accuracy 0.900 >= min 0.9');
    expect(max).toMatchObject({ status: 'passed', observed: 0.9 });
    expect(max.message).toBe('accuracy 0.900 <= max 0.9');
  });

  it('a gate with min and max gives two results', () => {
    const gate: Gate = { metric: 'log_loss', min: 0.01, max: 0.05 };
    const results = evaluateGates([gate], evaluation);
    expect(results.map((r) => [r.kind, r.status])).toEqual([['min', 'passed'], ['max', 'failed']]);
    expect(results[1].message).toMatch(/^log_loss \d\.\d{3} > max 0\.05$/);
    expect(results.every((r) => r.gate === gate)).toBe(true);
  });

  it('a slice gate checks every slice with enough rows and notes the ones it skipped', () => {
    const results = evaluateGates([{ metric: 'f1', min: 0.6, slice: 'contract' }], evaluation);
    expect(results.map((r) => [r.slice?.value, r.observed, r.status])).toEqual([
      ['month-to-month', 1, 'passed'],
      ['one-year', 0.5, 'failed'],
      ['two-year', 0, 'failed'],
      [undefined, null, 'skipped'],
    ]);
    expect(gateCountText(results)).toBe('1 passed, 2 failed, 1 skipped');
    expect(results[1].slice).toEqual({ column: 'contract', value: 'one-year' });
    expect(results[1].message).toBe('f1 on contract=one-year 0.500 < min 0.6');
    expect(results[3].message).toBe('f1 min 0.6 on contract: 1 slice skipped (fewer than min_slice_rows): (missing) (n=3)');
    expect(gatesPassed(results)).toBe(false);
  });

  it('an undefined metric fails with a message saying so', () => {
    const results = evaluateGates([{ metric: 'roc_auc', min: 0.7, slice: 'contract' }], evaluation);
    const twoYear = results.find((r) => r.slice?.value === 'two-year')!;
    expect(twoYear).toMatchObject({ status: 'failed', observed: null, threshold: 0.7 });
    expect(twoYear.message).toBe(
      'roc_auc on contract=two-year is undefined (e.g. only one class in these rows), so it cannot meet min 0.7',
    );
    expect(results.find((r) => r.slice?.value === 'month-to-month')!.status).toBe('passed');
  });

  it('a production comparison has no baseline yet and does not fail the run', () => {
    const results = evaluateGates([{ metric: 'roc_auc', max_drop: 0.01, vs: 'production' }], evaluation, {});
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ kind: 'max_drop', status: 'no_baseline', observed: null, threshold: 0.01 });
    expect(results[0].message).toContain('no baseline yet: no production model to compare with');
    expect(gatesPassed(results)).toBe(true);
  });

  it('a metric the task does not report, or a slice column without metrics, fails', () => {
    const [unknown, noSlice] = evaluateGates(
      [{ metric: 'r2', min: 0.5 }, { metric: 'f1', min: 0.5, slice: 'region' }],
      evaluation,
    );
    expect(unknown.status).toBe('failed');
    expect(unknown.message).toMatch(/^r2 is not a binary_classification metric \(known: accuracy, /);
    expect(noSlice.status).toBe('failed');
    expect(noSlice.message).toContain("no slice metrics for column 'region'");
  });

  it('a gate without any bound is a spec fault, thrown, saying which bounds there are', () => {
    expect(() => evaluateGates([{ metric: 'f1' }], evaluation)).toThrow(PipePilotError);
    expect(() => evaluateGates([{ metric: 'f1' }], evaluation)).toThrow(expect.objectContaining({ message: 'gate on f1 has no bound', hint: 'give the gate min, max, max_drop or max_drop_rel' }));
  });

  it('a slice column without any rows still gives a result: the note that nothing was checked', () => {
    const empty = { ...evaluation, slices: [{ column: 'contract', rows: [] }] };
    const results = evaluateGates([{ metric: 'f1', min: 0.6, slice: 'contract' }], empty);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'skipped', observed: null });
    expect(results[0].message).toBe('f1 min 0.6 on contract: no slice has enough rows, nothing checked; no rows');
  });

  it('a slice gate with every slice large enough gives one result per slice and no note', () => {
    const results = evaluateGates([{ metric: 'f1', min: 0.6, slice: 'contract' }], churnEvaluation(1));
    expect(results.map((r) => [r.slice?.value, r.status])).toEqual([['month-to-month', 'passed'], ['one-year', 'failed'], ['two-year', 'failed'], ['(missing)', 'passed']]);
  });

  it('gatesPassed: all passed or no_baseline → true; no gates → true', () => {
    expect(gatesPassed([])).toBe(true);
    const results = evaluateGates([{ metric: 'accuracy', min: 0.5 }, { metric: 'f1', max_drop_rel: 0.05, vs: 'production' }], evaluation);
    expect(results.map((r) => r.status)).toEqual(['passed', 'no_baseline']);
    expect(gatesPassed(results)).toBe(true);
  });
});

describe('formatObserved', () => {
  it('uses three decimals, and more when rounding would hide the difference from the threshold', () => {
    expect(formatObserved(0.91234, 0.95)).toBe('0.912');
    expect(formatObserved(0.59996, 0.6)).toBe('0.59996');
    expect(formatObserved(0.6, 0.6)).toBe('0.600');
    expect(formatObserved(0.000123456, 0.01)).toBe('0.000123');
  });
});
