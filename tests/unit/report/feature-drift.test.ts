import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CategoricalStats, type NumericStats, referenceStats } from '../../../src/data/reference-stats.js';
import type { Table } from '../../../src/data/table.js';
import { candidateFractionsFromStats, featureDrift, populationStabilityIndex } from '../../../src/report/feature-drift.js';
import { projectRoot } from '../../helpers/temp-project.js';
import { HAND_PSI, candidateXValues, productionX } from './pr-comment-fixtures.js';

function numericTable(columns: Record<string, ArrayLike<number>>): Table {
  const entries = Object.entries(columns);
  return {
    rowCount: entries[0][1].length,
    columns: new Map(entries.map(([name, values]) => [name, { kind: 'numeric' as const, values: Float64Array.from(values) }])),
  } as Table;
}

const statsOf = (columns: Record<string, ArrayLike<number>>) =>
  referenceStats(numericTable(columns), { target: 'y', numeric: Object.keys(columns), categorical: [], excluded: [] });

describe('population stability index', () => {
  it('matches a hand-computed value on a three-bin histogram, and is 0 for the same shares', () => {
    expect(populationStabilityIndex([0.5, 0.3, 0.2], [0.2, 0.2, 0.6])).toBeCloseTo(HAND_PSI, 6);
    expect(populationStabilityIndex([0.5, 0.3, 0.2], [0.5, 0.3, 0.2])).toBe(0);
  });

  it('an empty bin does not make it infinite: floored at one row in ten thousand', () => {
    const psi = populationStabilityIndex([1, 0], [0.5, 0.5]);
    expect(Number.isFinite(psi)).toBe(true);
    expect(psi).toBeCloseTo(-0.5 * Math.log(0.5) + (0.5 - 1e-4) * Math.log(0.5 / 1e-4), 9);
  });
});

describe('feature drift against production statistics', () => {
  it('numeric with the candidate values: exact shares on production\'s edges', () => {
    const candidate = statsOf({ x: candidateXValues });
    const [d] = featureDrift({ rows: 10, features: [productionX] }, candidate, new Map([['x', candidateXValues]]));
    expect(d).toMatchObject({ name: 'x', kind: 'numeric', approximate: false });
    expect(d.psi).toBeCloseTo(HAND_PSI, 6);
    expect(d.biggestMove).toEqual({ bin: '20 and above', production: 0.2, candidate: 0.6 });
  });

  it('numeric from statistics alone: exact where the candidate shares production\'s edges, marked approximate', () => {
    const candidate: NumericStats = { ...productionX, histogram: { edges: [10, 20], fractions: [0.2, 0.2, 0.6] } };
    expect(candidateFractionsFromStats(candidate, [10, 20])).toEqual([0.2, 0.2, 0.6].map((x) => expect.closeTo(x, 12)));
    const [d] = featureDrift({ rows: 10, features: [productionX] }, { rows: 10, features: [candidate] });
    expect(d.approximate).toBe(true);
    expect(d.psi).toBeCloseTo(HAND_PSI, 6);
  });

  it('the estimate from statistics stays close to the exact PSI on real data, and flags the same features', () => {
    const lines = readFileSync(join(projectRoot, 'pipelines/data/breast-cancer.csv'), 'utf8').trim().split('\n');
    const names = lines[0].split(',').slice(0, 30);
    const rows = lines.slice(1).map((l) => l.split(',').slice(0, 30).map(Number));
    const columns = (rs: number[][], scale = 1) => Object.fromEntries(names.map((n, j) => [n, rs.map((r) => r[j] * scale)]));
    for (const [production, candidate] of [
      [columns(rows.filter((_, i) => i % 2 === 0)), columns(rows.filter((_, i) => i % 2 === 1))],
      [columns(rows.slice(0, 300)), columns(rows.slice(0, 300), 1.15)], // every value 15% larger: clear drift
    ]) {
      const p = statsOf(production);
      const c = statsOf(candidate);
      const exact = new Map(featureDrift(p, c, new Map(Object.entries(candidate).map(([n, v]) => [n, Float64Array.from(v)]))).map((d) => [d.name, d.psi as number]));
      for (const d of featureDrift(p, c)) {
        expect(Math.abs((d.psi as number) - (exact.get(d.name) as number))).toBeLessThan(0.07);
        expect((d.psi as number) > 0.2).toBe((exact.get(d.name) as number) > 0.2);
      }
    }
  });

  it('categorical over production\'s top categories plus other: a new category is a big shift', () => {
    const production: CategoricalStats = { name: 'c', kind: 'categorical', count: 10, missing: 0, distinct: 2, top: [{ value: 'A', fraction: 0.6 }, { value: 'B', fraction: 0.4 }], other: 0 };
    const candidate: CategoricalStats = { ...production, distinct: 3, top: [{ value: 'C', fraction: 0.4 }, { value: 'A', fraction: 0.3 }, { value: 'B', fraction: 0.3 }] };
    const [d] = featureDrift({ rows: 10, features: [production] }, { rows: 10, features: [candidate] });
    // bins A, B, other: e = .6, .4, 0 (→ 1e-4); a = .3, .3, .4
    expect(d.psi).toBeCloseTo(0.3 * Math.log(2) + 0.1 * Math.log(4 / 3) + 0.3999 * Math.log(4000), 9);
    expect(d.biggestMove).toMatchObject({ bin: 'other', candidate: expect.closeTo(0.4, 12) });
  });

  it('missing values are a bin of their own; a side without values has no PSI; kinds must match', () => {
    const half: NumericStats = { ...productionX, count: 5, missing: 5 };
    const [withMissing] = featureDrift({ rows: 10, features: [productionX] }, { rows: 10, features: [half] });
    expect(withMissing.biggestMove?.bin).toBe('missing');
    expect(withMissing.psi).toBeGreaterThan(0.2);
    const empty: NumericStats = { ...productionX, count: 0, missing: 10, quantiles: null, min: null, max: null, histogram: { edges: [], fractions: [0] } };
    expect(featureDrift({ rows: 10, features: [productionX] }, { rows: 10, features: [empty] })[0].psi).toBeNull();
    const asCategory: CategoricalStats = { name: 'x', kind: 'categorical', count: 10, missing: 0, distinct: 1, top: [{ value: '1', fraction: 1 }], other: 0 };
    expect(featureDrift({ rows: 10, features: [productionX] }, { rows: 10, features: [asCategory] })).toEqual([]);
  });

  it('from statistics: a constant feature has PSI 0; a 0/1 flag is overstated but flagged alike (known limit: pass values)', () => {
    const flagP = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1];
    const flagC = [0, 0, 1, 1, 1, 1, 1, 1, 1, 1];
    const p = statsOf({ flag: flagP, constant: new Array(10).fill(3) });
    const c = statsOf({ flag: flagC, constant: new Array(10).fill(3) });
    const exact = featureDrift(p, c, new Map([['flag', Float64Array.from(flagC)], ['constant', new Float64Array(10).fill(3)]]));
    const approx = featureDrift(p, c);
    expect(approx.find((d) => d.name === 'constant')?.psi).toBe(0);
    expect(exact.find((d) => d.name === 'constant')?.psi).toBe(0);
    const flag = (ds: typeof exact) => ds.find((d) => d.name === 'flag')?.psi as number;
    expect(flag(exact)).toBeGreaterThan(0.2);
    expect(flag(approx)).toBeGreaterThanOrEqual(flag(exact));
  });
});
