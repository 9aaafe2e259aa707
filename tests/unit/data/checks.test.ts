import { describe, expect, it } from 'vitest';
import { checkData } from '../../../src/data/checks.js';
import type { FeatureSchema } from '../../../src/data/feature-schema.js';
import { readTable } from '../../../src/data/read-table.js';
import { prepareTarget } from '../../../src/data/target.js';
import { dataSpec, fixture, MISSING, errorOf } from './fixture.js';

const SCHEMA: FeatureSchema = { target: 'diagnosis', numeric: ['mean_radius', 'mean_texture', 'mean_area'], categorical: [], excluded: [] };


describe('checkData', () => {
  it('passes data that meets every check', async () => {
    const table = await readTable(fixture('breast-cancer-bom-crlf.csv'), { file: 'bc.csv', format: 'csv', missingValues: MISSING });
    const t = prepareTarget(table, SCHEMA, 'binary_classification', { file: 'bc.csv' });
    expect(() => checkData(t.table, SCHEMA, t.y, t.classes, dataSpec({ source: 'bc.csv' }), 'binary_classification')).not.toThrow();
  });

  it('collects every failure into one error, one line each, with the first rule', async () => {
    const table = await readTable(fixture('infinity.csv'), { file: 'inf.csv', format: 'csv', missingValues: MISSING });
    const spec = dataSpec({ source: 'inf.csv' });
    const y = new Float64Array(8); // every row in class 0 of two
    const err = errorOf(() => checkData(table, SCHEMA, y, ['benign', 'malignant'], spec, 'binary_classification'));
    expect(err.rule).toBe('min_rows');
    expect(err.file).toBe('inf.csv');
    expect(err.message.split('\n')).toEqual([
      'inf.csv: data checks failed:',
      '  - 8 row(s) with a target, fewer than min_rows 20',
      "  - column 'mean_radius' holds -Infinity at data row 6",
      "  - column 'mean_texture' holds Infinity at data row 3",
      '  - the target has 1 class(es) with rows; classification needs at least 2',
      "  - class 'malignant' has 0 row(s), fewer than min_class_rows 2",
    ]);
  });

  it('names rows as in the data when rows with no target were dropped', async () => {
    const table = await readTable(new TextEncoder().encode('x,y\n1,1\n2,\n3,2\n-Infinity,3\n'), { file: 'r.csv', format: 'csv', missingValues: MISSING });
    const schema: FeatureSchema = { target: 'y', numeric: ['x'], categorical: [], excluded: [] };
    const t = prepareTarget(table, schema, 'regression', { file: 'r.csv' });
    const err = errorOf(() => checkData(t.table, schema, t.y, t.classes, dataSpec({ source: 'r.csv', checks: { min_rows: 1, max_missing_fraction: 0.5, min_class_rows: 2 } }), 'regression', t.sourceRows));
    expect(err.rule).toBe('finite');
    expect(err.column).toBe('x');
    expect(err.row).toBe(4);
  });

  it('checks a regression target for infinity too, and the missing fraction of each feature', async () => {
    const table = await readTable(new TextEncoder().encode('a,b,y\n1,,1\n2,,Infinity\n,,3\n4,x,4\n'), { file: 'm.csv', format: 'csv', missingValues: MISSING });
    const schema: FeatureSchema = { target: 'y', numeric: ['a'], categorical: ['b'], excluded: [] };
    const spec = dataSpec({ source: 'm.csv', checks: { min_rows: 1, max_missing_fraction: 0.5, min_class_rows: 2 } });
    const err = errorOf(() => checkData(table, schema, new Float64Array([1, Infinity, 3, 4]), [], spec, 'regression'));
    expect(err.message.split('\n').slice(1)).toEqual([
      "  - column 'b' is 75.0% missing (0.750), more than max_missing_fraction 0.5",
      "  - column 'y' holds Infinity at data row 2",
    ]);
    expect(err.rule).toBe('max_missing_fraction');
  });

  it('a regression target beyond float32 is named by its data row; the largest float32 passes', async () => {
    const schema: FeatureSchema = { target: 'y', numeric: ['x'], categorical: [], excluded: [] };
    const spec = dataSpec({ source: 't.csv', checks: { min_rows: 1, max_missing_fraction: 0.5, min_class_rows: 2 } });
    const check = async (y: string) => {
      const table = await readTable(new TextEncoder().encode(`x,y\n1,1\n2,\n3,${y}\n`), { file: 't.csv', format: 'csv', missingValues: MISSING });
      const t = prepareTarget(table, schema, 'regression', { file: 't.csv' });
      return () => checkData(t.table, schema, t.y, t.classes, spec, 'regression', t.sourceRows);
    };
    expect(await check('3.4028234663852886e38')).not.toThrow();
    const err = errorOf(await check('-3.41e38'));
    expect(err.message.split('\n')[1]).toBe("  - column 'y' holds -3.41e+38 at data row 3, beyond the model's float32 range (±3.4e38)");
    expect({ rule: err.rule, column: err.column, row: err.row }).toEqual({ rule: 'finite', column: 'y', row: 3 });
  });

  it('reports a feature the data does not have', async () => {
    const table = await readTable(fixture('breast-cancer-bom-crlf.csv'), { file: 'bc.csv', format: 'csv', missingValues: MISSING });
    const t = prepareTarget(table, SCHEMA, 'binary_classification', { file: 'bc.csv' });
    const schema = { ...SCHEMA, numeric: [...SCHEMA.numeric, 'mean_smoothness'] };
    const err = errorOf(() => checkData(t.table, schema, t.y, t.classes, dataSpec({ source: 'bc.csv' }), 'binary_classification'));
    expect(err.rule).toBe('columns');
    expect(err.column).toBe('mean_smoothness');
  });
});
