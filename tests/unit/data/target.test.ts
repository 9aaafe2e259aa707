import { describe, expect, it } from 'vitest';
import type { FeatureSchema } from '../../../src/data/feature-schema.js';
import { readTable } from '../../../src/data/read-table.js';
import { compareLabels, prepareTarget } from '../../../src/data/target.js';
import type { Table } from '../../../src/data/table.js';
import { fixture, MISSING, errorOf } from './fixture.js';

const BC_SCHEMA: FeatureSchema = { target: 'diagnosis', numeric: ['mean_radius', 'mean_texture', 'mean_area'], categorical: [], excluded: [] };

function csv(text: string): Promise<Table> {
  return readTable(new TextEncoder().encode(text), { file: 't.csv', format: 'csv', missingValues: MISSING });
}


describe('prepareTarget', () => {
  it('binary: the second sorted label is positive by default', async () => {
    const table = await readTable(fixture('breast-cancer-bom-crlf.csv'), { file: 'bc.csv', format: 'csv', missingValues: MISSING });
    const t = prepareTarget(table, BC_SCHEMA, 'binary_classification', { file: 'bc.csv' });
    expect(t.classes).toEqual(['benign', 'malignant']);
    expect(Array.from(t.y)).toEqual([...new Array(10).fill(1), ...new Array(10).fill(0)]);
    expect(t.droppedMissingTarget).toBe(0);
    expect(t.table.rowCount).toBe(20);
  });

  it('binary: positive_class picks the positive label, and must be one of them', async () => {
    const table = await readTable(fixture('breast-cancer-bom-crlf.csv'), { file: 'bc.csv', format: 'csv', missingValues: MISSING });
    const t = prepareTarget(table, BC_SCHEMA, 'binary_classification', { file: 'bc.csv', positiveClass: 'benign' });
    expect(t.classes).toEqual(['malignant', 'benign']);
    expect(t.y[0]).toBe(0);
    expect(t.y[19]).toBe(1);
    const err = errorOf(() => prepareTarget(table, BC_SCHEMA, 'binary_classification', { file: 'bc.csv', positiveClass: 'Benign' }));
    expect(err.rule).toBe('positive_class');
    expect(err.message).toBe("bc.csv: positive_class 'Benign' is not a label of 'diagnosis' (labels: 'benign', 'malignant')");
  });

  it('drops rows whose target is missing and remembers where the kept rows came from', async () => {
    const table = await readTable(fixture('missing-target.csv'), { file: 'mt.csv', format: 'csv', missingValues: MISSING });
    const t = prepareTarget(table, BC_SCHEMA, 'binary_classification', { file: 'mt.csv' });
    expect(t.droppedMissingTarget).toBe(2);
    expect(Array.from(t.sourceRows)).toEqual([0, 2, 3, 5, 6, 7]);
    expect(t.table.rowCount).toBe(6);
    expect(Array.from(t.table.columns.get('mean_area')?.values as Float64Array)).toEqual([1040, 519.8, 475.9, 520, 273.9, 523.8]);
    expect(Array.from(t.y)).toEqual([1, 1, 1, 0, 0, 0]);
  });

  it('binary with three labels fails and points at multiclass', async () => {
    const table = await readTable(fixture('penguins.json'), { file: 'p.json', format: 'json', missingValues: MISSING });
    const schema: FeatureSchema = { target: 'Species', numeric: [], categorical: ['Island'], excluded: [] };
    const err = errorOf(() => prepareTarget(table, schema, 'binary_classification', { file: 'p.json' }));
    expect(err.message).toBe("p.json: binary classification needs exactly 2 classes in 'Species', found 3: 'Adelie', 'Chinstrap', 'Gentoo'");
    expect(err.hint).toContain('multiclass_classification');
  });

  it('multiclass: y is the index of the sorted class', async () => {
    const table = await readTable(fixture('penguins.json'), { file: 'p.json', format: 'json', missingValues: MISSING });
    const schema: FeatureSchema = { target: 'Species', numeric: [], categorical: ['Island'], excluded: [] };
    const t = prepareTarget(table, schema, 'multiclass_classification', { file: 'p.json' });
    expect(t.classes).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    expect([t.y[0], t.y[12], t.y[27]]).toEqual([0, 1, 2]);
    const one = await csv('x,y\n1,a\n2,a\n');
    expect(errorOf(() => prepareTarget(one, { target: 'y', numeric: ['x'], categorical: [], excluded: [] }, 'multiclass_classification', { file: 't.csv' })).rule).toBe('classes');
  });

  it('numeric labels become text and sort by value', async () => {
    const table = await csv('x,y\n1,10\n2,2\n3,1\n4,10\n5,\n');
    const t = prepareTarget(table, { target: 'y', numeric: ['x'], categorical: [], excluded: [] }, 'multiclass_classification', { file: 't.csv' });
    expect(t.classes).toEqual(['1', '2', '10']);
    expect(Array.from(t.y)).toEqual([2, 1, 0, 2]);
    expect(['b', '10', 'a', '9', '-1'].sort(compareLabels)).toEqual(['-1', '9', '10', 'a', 'b']);
  });

  it('regression needs a numeric target', async () => {
    const table = await readTable(fixture('breast-cancer-bom-crlf.csv'), { file: 'bc.csv', format: 'csv', missingValues: MISSING });
    const schema: FeatureSchema = { target: 'mean_area', numeric: ['mean_radius'], categorical: [], excluded: [] };
    const t = prepareTarget(table, schema, 'regression', { file: 'bc.csv' });
    expect(t.y[0]).toBe(1001);
    expect(t.classes).toEqual([]);
    const err = errorOf(() => prepareTarget(table, BC_SCHEMA, 'regression', { file: 'bc.csv' }));
    expect(err.message).toBe("bc.csv: regression target 'diagnosis' holds text (e.g. 'malignant')");
  });
});
