import { describe, expect, it } from 'vitest';
import type { FeatureSchema } from '../../../src/data/feature-schema.js';
import { readTable } from '../../../src/data/read-table.js';
import { binOf, histogramFractions, referenceStats, type CategoricalStats, type NumericStats } from '../../../src/data/reference-stats.js';
import { sortedPresentColumns } from '../../../src/data/sorted-values.js';
import type { Table } from '../../../src/data/table.js';
import { fixture, MISSING } from './fixture.js';

function table(columns: Table['columns'], rowCount: number): Table {
  return { rowCount, columns };
}

describe('referenceStats', () => {
  it('summarises a numeric feature: moments, quantiles (linear interpolation) and decile histogram', () => {
    const t = table(new Map([['x', { kind: 'numeric', values: new Float64Array([4, NaN, 2, 1, 3]) }]]), 5);
    const schema: FeatureSchema = { target: 'y', numeric: ['x'], categorical: [], excluded: [] };
    const [x] = referenceStats(t, schema).features as NumericStats[];
    expect(x).toMatchObject({ name: 'x', kind: 'numeric', count: 4, missing: 1, mean: 2.5, min: 1, max: 4 });
    expect(x.std).toBeCloseTo(Math.sqrt(1.25), 12); // population std of 1..4
    const q = x.quantiles!;
    expect(q.p50).toBe(2.5);
    expect(q.p25).toBeCloseTo(1.75, 12);
    expect(q.p75).toBeCloseTo(3.25, 12);
    expect(q.p01).toBeCloseTo(1.03, 12);
    expect(q.p05).toBeCloseTo(1.15, 12);
    expect(q.p95).toBeCloseTo(3.85, 12);
    expect(q.p99).toBeCloseTo(3.97, 12);
    const expectedEdges = [1.3, 1.6, 1.9, 2.2, 2.5, 2.8, 3.1, 3.4, 3.7];
    x.histogram.edges.forEach((e, i) => expect(e).toBeCloseTo(expectedEdges[i], 12));
    expect(x.histogram.fractions).toEqual([0.25, 0, 0, 0.25, 0, 0, 0.25, 0, 0, 0.25]);
  });

  it('keeps separate bins for a discrete feature whose deciles tie', () => {
    const t = table(new Map([['b', { kind: 'numeric', values: new Float64Array([0, 0, 0, 0, 0, 0, 0, 1, 1, 1]) }]]), 10);
    const [b] = referenceStats(t, { target: 'y', numeric: ['b'], categorical: [], excluded: [] }).features as NumericStats[];
    expect(b.histogram.edges.map((e) => Number(e.toFixed(12)))).toEqual([0, 0.3, 1]);
    expect(b.histogram.fractions.map((f) => Number(f.toFixed(12)))).toEqual([0, 0.7, 0, 0.3]);
    // New data bins the same way: below the range, between, above.
    expect(histogramFractions(new Float64Array([-5, 0.1, 7, NaN]), b.histogram.edges)).toEqual([1 / 3, 1 / 3, 0, 1 / 3]);
    expect(binOf([0, 0.3, 1], 0.3)).toBe(2);
  });

  it('the same statistics from columns sorted beforehand, and histograms that bin as histogramFractions does', () => {
    // Repeated values that land on decile edges, negatives, -0 and +0, and missing values.
    const values = Float64Array.from({ length: 997 }, (_, i) => (i % 13 === 0 ? NaN : i % 7 === 0 ? -0 : Math.round(Math.sin(i) * 5) / 2));
    const t = table(new Map([['v', { kind: 'numeric', values }], ['w', { kind: 'numeric', values: values.map((v) => v * 3 + 1) }]]), values.length);
    const schema: FeatureSchema = { target: 'y', numeric: ['v', 'w'], categorical: [], excluded: [] };
    const plain = referenceStats(t, schema);
    expect(referenceStats(t, schema, sortedPresentColumns(t, schema.numeric))).toEqual(plain);
    for (const [k, name] of ['v', 'w'].entries()) {
      const { edges, fractions } = (plain.features[k] as NumericStats).histogram;
      expect(fractions).toEqual(histogramFractions(t.columns.get(name)!.values as Float64Array, edges));
    }
  });

  it('summarises a categorical feature with top categories by count then name, and the rest as other', () => {
    const values = ['a', 'b', 'a', null, 'c', 'a'];
    const t = table(new Map([['c', { kind: 'categorical', values }]]), 6);
    const [c] = referenceStats(t, { target: 'y', numeric: [], categorical: ['c'], excluded: [] }).features as CategoricalStats[];
    expect(c).toEqual({
      name: 'c', kind: 'categorical', count: 5, missing: 1, distinct: 3,
      top: [{ value: 'a', fraction: 0.6 }, { value: 'b', fraction: 0.2 }, { value: 'c', fraction: 0.2 }], other: 0,
    });
  });

  it('caps the top list at 50 categories', () => {
    const values = Array.from({ length: 120 }, (_, i) => `k${String(i % 60).padStart(2, '0')}`);
    const t = table(new Map([['k', { kind: 'categorical', values }]]), 120);
    const [k] = referenceStats(t, { target: 'y', numeric: [], categorical: ['k'], excluded: [] }).features as CategoricalStats[];
    expect(k.distinct).toBe(60);
    expect(k.top).toHaveLength(50);
    expect(k.top[0]).toEqual({ value: 'k00', fraction: 2 / 120 });
    expect(k.other).toBeCloseTo(20 / 120, 12);
  });

  it('is plain JSON for real data, with nulls for an all-missing feature, and deterministic', async () => {
    const penguins = await readTable(fixture('penguins.json'), { file: 'p.json', format: 'json', missingValues: MISSING });
    penguins.columns.set('nothing', { kind: 'numeric', values: new Float64Array(28).fill(NaN) });
    const schema: FeatureSchema = { target: 'Species', numeric: ['Body Mass (g)', 'nothing'], categorical: ['Island', 'Sex'], excluded: [] };
    const stats = referenceStats(penguins, schema);
    expect(JSON.parse(JSON.stringify(stats))).toEqual(stats);
    expect(stats.features.map((f) => f.name)).toEqual(['Body Mass (g)', 'nothing', 'Island', 'Sex']);
    const mass = stats.features[0] as NumericStats;
    expect(mass).toMatchObject({ count: 26, missing: 2, min: 3250, max: 6000 });
    expect((stats.features[1] as NumericStats).mean).toBeNull();
    expect((stats.features[3] as CategoricalStats).missing).toBe(7);
    expect(referenceStats(penguins, schema)).toEqual(stats);
  });
});
