import { describe, expect, it } from 'vitest';
import type { MetricsDoc } from '../../../src/evaluate/metrics-doc.js';
import { dataSection } from '../../../src/report/run-report.js';

const doc = (features: MetricsDoc['data']['features']): MetricsDoc =>
  ({
    data: {
      source: 'movies.csv', format: 'csv', fingerprint: `sha256:${'0'.repeat(64)}`,
      rows: { read: 10, dropped_missing_target: 0, used: 10, train: 8, test: 2 },
      target: 'y', classes: [], features, input_columns: 3, warnings: [],
    },
  }) as unknown as MetricsDoc;

describe('the report’s data section (issue 10)', () => {
  it('says when inference was on and which features it added, and names missing-indicator inputs', () => {
    const md = dataSection(doc({ numeric: ['budget', 'runtime'], categorical: [], excluded: [], inferred: ['runtime'], missing_indicators: ['budget'] }));
    expect(md).toContain('- features.infer is on: features added by inference: `runtime`');
    expect(md).toContain('- `budget` imputed with a missing-indicator input `budget=(missing)`');
  });

  it('says nothing of inference when it was off', () => {
    expect(dataSection(doc({ numeric: ['budget'], categorical: [], excluded: [] }))).not.toContain('infer');
  });
});
