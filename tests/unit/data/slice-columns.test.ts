import { describe, expect, it } from 'vitest';
import { readTable } from '../../../src/data/read-table.js';
import { loadSpec } from '../../../src/spec/load-spec.js';
import { prepareRows } from '../../../src/use-cases/prepare-rows.js';
import { MISSING, errorOf } from './fixture.js';

function csv(): Uint8Array {
  const lines = ['tenure,plan,churned'];
  for (let i = 0; i < 60; i++) lines.push([i % 37, ['basic', 'pro'][i % 2], i % 3 ? 'yes' : 'no'].join(','));
  return new TextEncoder().encode(lines.join('\n'));
}

const pipeline = (extra: string) => `apiVersion: pipepilot/v1
name: churn
data:
  source: data/churn.csv
  target: churned
${extra}model: {task: binary_classification, type: linear}
`;

describe('slices on an inferred column', () => {
  it('a slice on a column inferred as numeric is refused like a listed numeric one; listed as categorical it is sliced by value', async () => {
    const table = await readTable(csv(), { file: 'data/churn.csv', format: 'csv', missingValues: MISSING });
    const refused = errorOf(() => prepareRows(loadSpec(pipeline('evaluate: {slices: [tenure]}\n'), { file: 'pipelines/churn.yaml', root: '/nonexistent' }).spec, table));
    expect(refused).toMatchObject({ column: 'tenure', rule: 'slice' });
    expect(refused.message).toMatch(/slice column 'tenure' holds numbers/);
    expect(refused.hint).toMatch(/data\.features\.categorical/);
    const gate = errorOf(() => prepareRows(loadSpec(pipeline('gates:\n  - {metric: accuracy, min: 0.1, slice: tenure}\n'), { file: 'pipelines/churn.yaml', root: '/nonexistent' }).spec, table));
    expect(gate.column).toBe('tenure');

    const listed = pipeline('  features: {categorical: [tenure]}\nevaluate: {slices: [tenure, plan]}\n').replace('  target: churned\n  features', '  target: churned\n  features');
    const rows = prepareRows(loadSpec(listed, { file: 'pipelines/churn.yaml', root: '/nonexistent' }).spec, table);
    expect(rows.sliceColumns).toEqual(['tenure', 'plan']);
  });
});
