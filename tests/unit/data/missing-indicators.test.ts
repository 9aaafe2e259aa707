import { describe, expect, it } from 'vitest';
import { planMissingIndicators } from '../../../src/data/missing-indicators.js';
import type { FeatureSchema } from '../../../src/data/feature-schema.js';
import type { Table } from '../../../src/data/table.js';
import { fitPreprocessor, parsePreprocessor, transformTable } from '../../../src/features/preprocessor.js';
import { loadSpec } from '../../../src/spec/load-spec.js';
import { prepareRows } from '../../../src/use-cases/prepare-rows.js';
import { dataSpec, errorOf } from './fixture.js';

/** 40 rows: `budget` missing in `missingRows` of them (numeric), `genre` text, `y` alternating 0/1. */
function movies(missingRows: number): Table {
  const n = 40;
  const budget = Float64Array.from({ length: n }, (_, i) => (i < missingRows ? NaN : 10 + i));
  const genre = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 'drama' : 'comedy'));
  const y = Float64Array.from({ length: n }, (_, i) => i % 2);
  return {
    rowCount: n,
    columns: new Map([
      ['budget', { kind: 'numeric', values: budget }],
      ['genre', { kind: 'categorical', values: genre }],
      ['y', { kind: 'numeric', values: y }],
    ]),
  };
}

const schema: FeatureSchema = { target: 'y', numeric: ['budget'], categorical: ['genre'], excluded: [] };

const pipeline = (checks = '') =>
  loadSpec(
    `apiVersion: pipepilot/v1\nname: movies\ndata:\n  source: movies.csv\n  target: y\n  features: {numeric: [budget], categorical: [genre]}\n${checks}model: {task: binary_classification, type: linear}\n`,
    { file: 'movies.yaml', root: '/repo' },
  ).spec;

describe('planMissingIndicators', () => {
  it('gives a feature over max_missing_fraction an indicator and a warning; one exactly at the limit keeps none', () => {
    const over = planMissingIndicators(movies(21), schema, dataSpec({ target: 'y', checks: { min_rows: 20, max_missing_fraction: 0.5, min_class_rows: 2, too_missing: 'indicator' } }));
    expect(over.schema.missingIndicators).toEqual(['budget']);
    expect(over.warnings).toEqual([
      "data.csv: feature 'budget' is 52.5% missing, over max_missing_fraction 0.5: imputed, with a missing-indicator column 'budget=(missing)'; set data.checks.max_missing_fraction to fail instead",
    ]);
    const at = planMissingIndicators(movies(20), schema, dataSpec({ target: 'y', checks: { min_rows: 20, max_missing_fraction: 0.5, min_class_rows: 2, too_missing: 'indicator' } }));
    expect(at.schema.missingIndicators).toBeUndefined();
    expect(at.warnings).toEqual([]);
  });

  it("adds nothing when too_missing is 'fail' or absent", () => {
    for (const too_missing of ['fail', undefined] as const) {
      const planned = planMissingIndicators(movies(30), schema, dataSpec({ target: 'y', checks: { min_rows: 20, max_missing_fraction: 0.5, min_class_rows: 2, too_missing } }));
      expect(planned.schema).toBe(schema);
    }
  });
});

describe('a listed feature mostly missing (issue 10)', () => {
  it('by default is imputed with an indicator input and a warning instead of failing the run', () => {
    const rows = prepareRows(pipeline(), movies(25));
    expect(rows.schema.missingIndicators).toEqual(['budget']);
    expect(rows.warnings.some((w) => w.includes("feature 'budget' is 62.5% missing"))).toBe(true);
    const pre = fitPreprocessor({ table: rows.trainTable, features: rows.schema, spec: pipeline().preprocess, target: { name: 'y', task: 'binary_classification', classes: ['0', '1'], threshold: 0.5 } });
    expect(pre.outputNames.at(-1)).toBe('budget=(missing)');
    const out = transformTable(pre, rows.trainTable);
    const budget = rows.trainTable.columns.get('budget')!.values as Float64Array;
    for (let r = 0; r < out.rows; r++) expect(out.x[r * out.cols + out.cols - 1]).toBe(Number.isNaN(budget[r]) ? 1 : 0);
  });

  it('fails the data check, naming the column, when the pipeline set max_missing_fraction', () => {
    const err = errorOf(() => prepareRows(pipeline('  checks: {max_missing_fraction: 0.5}\n'), movies(25)));
    expect(err.rule).toBe('max_missing_fraction');
    expect(err.message).toContain("column 'budget' is 62.5% missing");
  });

  it('fails with too_missing: fail even at the default limit', () => {
    expect(errorOf(() => prepareRows(pipeline('  checks: {too_missing: fail}\n'), movies(25))).column).toBe('budget');
  });
});

describe('a preprocessor with missing indicators', () => {
  const table = movies(10);
  const pre = fitPreprocessor({
    table, features: { numeric: ['budget'], categorical: ['genre'], missingIndicators: ['budget', 'genre'] },
    spec: pipeline().preprocess, target: { name: 'y', task: 'binary_classification', classes: ['0', '1'], threshold: 0.5 },
  });

  it('survives a JSON round trip', () => {
    expect(parsePreprocessor(JSON.parse(JSON.stringify(pre)), 'p.json')).toEqual(pre);
  });

  it('is rejected when an indicator names no feature or the column count does not add up', () => {
    expect(() => parsePreprocessor({ ...pre, missingIndicators: ['nope', 'genre'] }, 'p.json')).toThrow(/missingIndicators must list feature names/);
    expect(() => parsePreprocessor({ ...pre, missingIndicators: ['budget'] }, 'p.json')).toThrow(/outputNames has/);
  });
});
