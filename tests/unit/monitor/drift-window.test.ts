import { describe, expect, it } from 'vitest';
import type { CategoricalStats, FeatureStats, NumericStats } from '../../../src/data/reference-stats.js';
import type { Column, Table } from '../../../src/data/table.js';
import { DriftWindow } from '../../../src/monitor/drift-window.js';

const amount: NumericStats = {
  name: 'amount', kind: 'numeric', count: 100, missing: 0, mean: 5, std: 5, min: -10, max: 20,
  quantiles: null, histogram: { edges: [0, 10], fractions: [0.25, 0.5, 0.25] },
};
const colour: CategoricalStats = { name: 'colour', kind: 'categorical', count: 100, missing: 0, distinct: 3, top: [{ value: 'red', fraction: 0.5 }, { value: 'blue', fraction: 0.3 }], other: 0.2 };
const reference: FeatureStats = { rows: 100, features: [amount, colour] };

/** Ten rows in the reference's colour shares (red .5, blue .3, other .2), repeated. */
const COLOURS = ['red', 'red', 'red', 'red', 'red', 'blue', 'blue', 'blue', 'green', 'grey'];

function table(amounts: number[], colours: (string | null)[] = amounts.map((_, i) => COLOURS[i % COLOURS.length])): Table {
  const columns = new Map<string, Column>([
    ['amount', { kind: 'numeric', values: Float64Array.from(amounts) }],
    ['colour', { kind: 'categorical', values: colours }],
  ]);
  return { rowCount: amounts.length, columns };
}

const feature = (w: DriftWindow, name: string) => w.snapshot().features.find((f) => f.name === name)!;

describe('DriftWindow', () => {
  it('PSI is 0 when live shares match the reference bins, and hand-computed when they do not', () => {
    const w = new DriftWindow(reference, { minRows: 1 });
    w.observe(table([-1, 5, 7, 12]));
    expect(feature(w, 'amount')).toMatchObject({ psi: 0, rows: 4, missing: 0, flagged: false, top_moves: [] });
    const shifted = new DriftWindow(reference, { minRows: 1 });
    shifted.observe(table([-5, -1, 5, 12])); // shares .5 .25 .25 against .25 .5 .25
    const d = feature(shifted, 'amount');
    expect(d.psi).toBeCloseTo(0.25 * Math.log(2) + 0.25 * Math.log(2), 12);
    expect(d.flagged).toBe(true); // 0.347 > 0.2
    expect(d.top_moves.map((m) => m.bin)).toEqual(['below 0', '0 – 10']);
    expect(d.top_moves[0]).toEqual({ bin: 'below 0', reference: 0.25, live: 0.5 });
  });

  it('missing values get their own bin, floored at 1e-4 on the side that has none', () => {
    const w = new DriftWindow(reference, { minRows: 1 });
    w.observe(table([-1, 5, 5, NaN])); // live: .25 .5 0 | missing .25; reference: .25 .5 .25 | missing 0
    const d = feature(w, 'amount');
    expect(d.missing).toBe(1);
    expect(d.psi).toBeCloseTo(2 * (0.25 - 1e-4) * Math.log(0.25 / 1e-4), 12);
    expect(d.top_moves.map((m) => m.bin).sort()).toEqual(['10 and above', 'missing']);
  });

  it('categorical values outside the reference top list count as other; null is missing', () => {
    const w = new DriftWindow(reference, { minRows: 1 });
    w.observe(table([5, 5, 5, 5], ['red', 'red', 'green', 'purple'])); // red .5, blue 0, other .5
    const d = feature(w, 'colour');
    expect(d.psi).toBeCloseTo((1e-4 - 0.3) * Math.log(1e-4 / 0.3) + (0.5 - 0.2) * Math.log(0.5 / 0.2), 12);
    expect(d.top_moves).toEqual([{ bin: 'blue', reference: 0.3, live: 0 }, { bin: 'other', reference: 0.2, live: 0.5 }]); // a tie keeps bin order
    w.observe(table([5], [null]));
    expect(feature(w, 'colour')).toMatchObject({ rows: 5, missing: 1 });
    expect(feature(w, 'colour').top_moves.map((m) => m.bin)).toContain('missing');
  });

  it('keeps only the last buckets: old rows are evicted a whole bucket at a time', () => {
    const w = new DriftWindow(reference, { windowRows: 4, bucketRows: 2, minRows: 1 });
    w.observe(table([-5, -5, -5])); // buckets [-5 -5] [-5]
    expect(w.snapshot().rows).toBe(3);
    w.observe(table([5, 5])); // [-5 5] fills; the next row needs a third bucket, so [-5 -5] goes: [-5 5] [5]
    expect(w.snapshot().rows).toBe(3);
    expect(feature(w, 'amount').missing).toBe(0);
    w.observe(table([-1, 5, 12, 7, 12, 5])); // one batch across buckets: [5 -1] [5 12] [7 12] [5], the last two kept
    const d = feature(w, 'amount');
    expect(d.rows).toBe(3); // 7 12 5: below 0, 2/3 in 0 – 10, 1/3 above
    const e = [0.25, 0.5, 0.25];
    const a = [1e-4, 2 / 3, 1 / 3];
    expect(d.psi).toBeCloseTo(e.reduce((s, x, i) => s + (a[i] - x) * Math.log(a[i] / x), 0), 12);
  });

  it('with fewer rows than minRows it reports insufficient data and flags nothing', () => {
    const w = new DriftWindow(reference);
    expect(w.snapshot()).toMatchObject({ rows: 0, insufficient_data: true, flagged: [], threshold: 0.2, window_rows: 10_000, min_rows: 100 });
    expect(w.snapshot().features.every((f) => f.psi === null)).toBe(true);
    w.observe(table(Array.from({ length: 99 }, () => -5)));
    expect(w.snapshot()).toMatchObject({ rows: 99, insufficient_data: true, flagged: [] });
    expect(feature(w, 'amount').psi).toBeGreaterThan(1);
    w.observe(table([-5]));
    expect(w.snapshot()).toMatchObject({ rows: 100, insufficient_data: false, flagged: ['amount'] });
  });

  it('sorts features by PSI and flags against the given threshold', () => {
    const w = new DriftWindow(reference, { minRows: 1, psiMax: 0.5 });
    w.observe(table([-5, -1, 5, 12], ['red', 'red', 'green', 'purple'])); // amount 0.347, colour 2.6
    const s = w.snapshot();
    expect(s.features.map((f) => f.name)).toEqual(['colour', 'amount']);
    expect(s).toMatchObject({ threshold: 0.5, flagged: ['colour'] });
  });

  it('a feature absent from the rows is not counted; a reference feature with no values has no PSI', () => {
    const empty: NumericStats = { ...amount, name: 'blank', count: 0, missing: 100, histogram: { edges: [], fractions: [0] } };
    const w = new DriftWindow({ rows: 100, features: [amount, empty] }, { minRows: 1 });
    w.observe(table([5]));
    expect(feature(w, 'blank')).toMatchObject({ psi: null, rows: 0, flagged: false });
  });

  it('refuses bad options and malformed reference statistics, naming them', () => {
    expect(() => new DriftWindow(reference, { windowRows: 0 })).toThrow(/windowRows must be a positive integer, got 0/);
    expect(() => new DriftWindow(reference, { bucketRows: 1.5 })).toThrow(/bucketRows must be a positive integer/);
    expect(() => new DriftWindow(reference, { windowRows: 10, bucketRows: 20 })).toThrow(/bucketRows \(20\) must not exceed windowRows \(10\)/);
    expect(() => new DriftWindow(reference, { psiMax: -1 })).toThrow(/psiMax must be a positive number/);
    expect(() => new DriftWindow({ rows: 1 } as unknown as FeatureStats)).toThrow(/features must be an array/);
    const broken = { ...amount, histogram: { edges: [0, 10], fractions: [1] } };
    expect(() => new DriftWindow({ rows: 1, features: [broken] })).toThrow(/'amount': histogram needs edges and one more fraction/);
    const noTop = { ...colour, top: undefined } as unknown as CategoricalStats;
    expect(() => new DriftWindow({ rows: 1, features: [noTop] })).toThrow(/'colour': categorical needs top and other/);
  });
});
