import { describe, expect, it } from 'vitest';
import { applyFeatureSchema, inferFeatureSchema } from '../../../src/data/feature-schema.js';
import { readTable } from '../../../src/data/read-table.js';
import type { Table } from '../../../src/data/table.js';
import { dataSpec, fixture, MISSING, errorOf } from './fixture.js';

/** 60 rows with one column of each kind inference has to tell apart. */
function mixedCsv(): string {
  const lines = ['customer_id,row,age,plan,code,comment,const,empty,score,label'];
  for (let i = 0; i < 60; i++) {
    const comment = `customer ${i} wrote a long complaint about the billing page and the app`;
    lines.push([1000 + ((i * 37) % 60), i + 1, 20 + (i % 30), ['basic', 'pro', 'team'][i % 3], `C${String(i).padStart(4, '0')}`,
      comment, 'x', '', (i * 0.37).toFixed(2), i % 2 ? 'yes' : 'no'].join(','));
  }
  return lines.join('\n');
}

async function mixedTable(): Promise<Table> {
  return readTable(new TextEncoder().encode(mixedCsv()), { file: 'mixed.csv', format: 'csv', missingValues: MISSING });
}


describe('inferFeatureSchema', () => {
  it('infers features and leaves out ids, sequences, free text, constant and empty columns, with warnings', async () => {
    const { schema, warnings } = inferFeatureSchema(await mixedTable(), dataSpec({ source: 'mixed.csv', target: 'label' }), 'binary_classification');
    expect(schema.target).toBe('label');
    expect(schema.numeric).toEqual(['age', 'score']);
    expect(schema.categorical).toEqual(['plan']);
    expect(schema.excluded.map((e) => e.column)).toEqual(['customer_id', 'row', 'code', 'comment', 'const', 'empty']);
    const reason = Object.fromEntries(schema.excluded.map((e) => [e.column, e.reason]));
    expect(reason.customer_id).toMatch(/^an identifier \(unique integers, named like an id\)/);
    expect(reason.row).toMatch(/counting up by one/);
    expect(reason.code).toBe('an identifier (60 distinct values in 60 rows)');
    expect(reason.comment).toMatch(/^free text/);
    expect(reason.const).toBe("a single value ('x') in every row");
    expect(reason.empty).toBe('no values (every row is missing)');
    expect(warnings).toHaveLength(6);
    expect(warnings[0]).toContain("column 'customer_id' left out");
  });

  it('leaves out an inferred column missing more often than max_missing_fraction, but keeps a listed one for the check to judge', async () => {
    const lines = ['age,cabin,label'];
    for (let i = 0; i < 40; i++) lines.push(`${20 + ((i * 7) % 30)},${i % 5 === 0 ? `C${i % 7}` : ''},${i % 2}`);
    const table = await readTable(new TextEncoder().encode(lines.join('\n')), { file: 't.csv', format: 'csv', missingValues: MISSING });
    const inferred = inferFeatureSchema(table, dataSpec({ source: 't.csv', target: 'label' }), 'binary_classification');
    expect(inferred.schema.categorical).toEqual([]);
    expect(inferred.schema.excluded).toEqual([{ column: 'cabin', reason: '80% missing, over data.checks.max_missing_fraction 0.5' }]);
    expect(inferred.warnings[0]).toContain("'cabin' left out");
    const listed = inferFeatureSchema(
      table,
      dataSpec({ source: 't.csv', target: 'label', features: { numeric: [], categorical: ['cabin'], infer: true } }),
      'binary_classification',
    );
    expect(listed.schema.categorical).toEqual(['cabin']);
  });

  it('uses listed features as listed, drops dropped ones, and infers nothing when infer is off', async () => {
    const spec = dataSpec({
      source: 'mixed.csv', target: 'label', drop: ['plan'],
      features: { numeric: ['row'], categorical: ['age'], infer: false },
    });
    const { schema, warnings } = inferFeatureSchema(await mixedTable(), spec, 'binary_classification');
    expect(schema.numeric).toEqual(['row']); // listed: an id-like column is kept when asked for
    expect(schema.categorical).toEqual(['age']);
    expect(schema.excluded.find((e) => e.column === 'plan')?.reason).toBe('listed in data.drop');
    expect(schema.excluded.find((e) => e.column === 'score')?.reason).toMatch(/not listed/);
    expect(warnings).toEqual([]);
  });

  it('names an unknown listed column and suggests the close one', async () => {
    const spec = dataSpec({ source: 'mixed.csv', target: 'label', features: { numeric: ['agee'], categorical: [], infer: true } });
    const table = await mixedTable();
    const unknown = errorOf(() => inferFeatureSchema(table, spec, 'binary_classification'));
    expect(unknown.column).toBe('agee');
    expect(unknown.message).toBe("mixed.csv: numeric feature 'agee' is not a column of the data (did you mean 'age'?)");
    expect(unknown.hint).toContain("'customer_id'");
    const target = errorOf(() => inferFeatureSchema(table, dataSpec({ source: 'mixed.csv', target: 'lable' }), 'binary_classification'));
    expect(target.message).toContain("target 'lable' is not a column of the data (did you mean 'label'?)");
    const several = errorOf(() => inferFeatureSchema(table, dataSpec({ source: 'mixed.csv', target: 'lable', features: { numeric: ['agee'], categorical: ['plann'], infer: true } }), 'binary_classification'));
    expect(several.message).toBe("mixed.csv: 3 named columns are not columns of the data: target 'lable' (did you mean 'label'?), numeric feature 'agee' (did you mean 'age'?), categorical feature 'plann' (did you mean 'plan'?)");
  });

  it('rejects a numeric feature that holds text, and a column given two roles', async () => {
    const table = await mixedTable();
    const text = errorOf(() => inferFeatureSchema(table, dataSpec({ source: 'mixed.csv', target: 'label', features: { numeric: ['plan'], categorical: [], infer: true } }), 'binary_classification'));
    expect(text.message).toBe("mixed.csv: numeric feature 'plan' holds text (e.g. 'basic')");
    expect(text.hint).toContain('features.categorical');
    const twice = errorOf(() => inferFeatureSchema(table, dataSpec({ source: 'mixed.csv', target: 'label', drop: ['label'] }), 'binary_classification'));
    expect(twice.message).toContain("column 'label' is named both as target and as dropped column");
  });

  it("a mostly numeric column with a placeholder ('-') warns naming it; adding it to missing_values makes the column numeric", async () => {
    const lines = ['income,plan,label'];
    for (let i = 0; i < 60; i++) lines.push([i % 10 === 3 ? '-' : String((i % 20) * 100), ['basic', 'pro'][i % 2], i % 3 ? 'yes' : 'no'].join(','));
    const bytes = new TextEncoder().encode(lines.join('\n'));
    const read = (missingValues: string[]) => readTable(bytes, { file: 'p.csv', format: 'csv', missingValues });
    const spec = (missing: string[]) => ({ ...dataSpec({ source: 'p.csv', target: 'label' }), missing_values: missing });
    const before = inferFeatureSchema(await read(MISSING), spec(MISSING), 'binary_classification');
    expect(before.schema.categorical).toContain('income');
    expect(before.warnings).toHaveLength(1);
    expect(before.warnings[0]).toMatch(/^p\.csv: column 'income' is mostly numbers \(90% of its values\) but also holds '-' \(6 rows\).*add "-" to data\.missing_values/);
    const after = inferFeatureSchema(await read([...MISSING, '-']), spec([...MISSING, '-']), 'binary_classification');
    expect(after.schema.numeric).toEqual(['income']);
    expect(after.warnings).toEqual([]);
    // A genuinely categorical column (mostly text) does not warn, nor does one with many distinct texts.
    expect(before.warnings.join()).not.toMatch(/'plan'/);
  });

  it('fails when no feature is left', async () => {
    const t = await readTable(new TextEncoder().encode('id,y\n1,a\n2,b\n3,a\n'), { file: 'f.csv', format: 'csv', missingValues: [] });
    const err = errorOf(() => inferFeatureSchema(t, dataSpec({ source: 'f.csv', target: 'y' }), 'binary_classification'));
    expect(err.rule).toBe('features');
  });

  it('applyFeatureSchema keeps target and features, turning a numeric column listed as categorical into text', async () => {
    const table = await readTable(fixture('penguins.json'), { file: 'p.json', format: 'json', missingValues: MISSING });
    const spec = dataSpec({
      source: 'p.json', target: 'Species',
      features: { numeric: [], categorical: ['Flipper Length (mm)'], infer: false },
    });
    const { schema } = inferFeatureSchema(table, spec, 'multiclass_classification');
    const applied = applyFeatureSchema(table, schema);
    expect([...applied.columns.keys()]).toEqual(['Species', 'Flipper Length (mm)']);
    const flipper = applied.columns.get('Flipper Length (mm)');
    expect(flipper?.kind).toBe('categorical');
    expect(flipper?.values.slice(0, 4)).toEqual(['181', '186', '195', null]);
  });
});

describe('inferFeatureSchema on a table read by ranges (issue 10): only the used columns, the others named in fileColumns', () => {
  async function partial(keep: string[]): Promise<Table> {
    const whole = await mixedTable();
    return { rowCount: whole.rowCount, columns: new Map([...whole.columns].filter(([name]) => keep.includes(name))), fileColumns: [...whole.columns.keys()] };
  }

  it('gives the schema of the whole table: the unread columns excluded for the same reasons, in file order', async () => {
    const listed = dataSpec({ source: 'mixed.csv', target: 'label', features: { numeric: ['age'], categorical: ['plan'], infer: false }, drop: ['comment'] });
    const whole = inferFeatureSchema(await mixedTable(), listed, 'binary_classification');
    const ranged = inferFeatureSchema(await partial(['age', 'plan', 'label']), listed, 'binary_classification');
    expect(ranged).toEqual(whole);
    const inferred = dataSpec({ source: 'mixed.csv', target: 'label', drop: ['comment', 'code'] });
    const all = (await mixedTable()).columns.keys();
    expect(inferFeatureSchema(await partial([...all].filter((c) => c !== 'comment' && c !== 'code')), inferred, 'binary_classification'))
      .toEqual(inferFeatureSchema(await mixedTable(), inferred, 'binary_classification'));
  });

  it('a listed column the file lacks is the same error as for a whole read', async () => {
    const listed = dataSpec({ source: 'mixed.csv', target: 'label', features: { numeric: ['agee'], categorical: [], infer: false } });
    const err = errorOf(() => inferFeatureSchema({ rowCount: 1, columns: new Map(), fileColumns: ['age', 'label'] }, listed, 'binary_classification'));
    expect(err.message).toContain("numeric feature 'agee'");
    expect(err.message).toContain("'age'");
  });
});
