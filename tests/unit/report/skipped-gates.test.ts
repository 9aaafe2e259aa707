import { describe, expect, it } from 'vitest';
import type { GateResult } from '../../../src/evaluate/gate-result.js';
import type { MetricsDoc } from '../../../src/evaluate/metrics-doc.js';
import { verdictTitle } from '../../../src/report/pr-comment-verdict.js';
import { gatesSection } from '../../../src/report/run-report.js';

const gate = (status: GateResult['status'], value?: string): GateResult => ({
  gate: { metric: 'f1', min: 0.6, slice: 'contract' },
  metric: 'f1',
  ...(value ? { slice: { column: 'contract', value } } : {}),
  observed: status === 'skipped' ? null : 0.7,
  threshold: status === 'skipped' ? null : 0.6,
  kind: 'min',
  status,
  message: status === 'skipped' ? 'f1 min 0.6 on contract: 1 slice skipped (fewer than min_slice_rows): (missing) (n=3)' : `f1 on contract=${value} 0.700 >= min 0.6`,
});

// Only the fields these two sections read.
const doc = (gates: GateResult[]) => ({ pipeline: { name: 'churn' }, gates }) as unknown as MetricsDoc;

describe('a slice gate skipped for too few rows', () => {
  it('is shown and counted as skipped, not as a passed gate', () => {
    const gates = [gate('passed', 'one-year'), gate('passed', 'two-year'), gate('skipped')];
    expect(verdictTitle(doc(gates))).toBe('## ✅ churn: both gates pass, 1 skipped');
    expect(verdictTitle(doc([gate('failed', 'one-year'), gate('passed', 'two-year'), gate('skipped')]))).toBe('## ❌ churn: 1 of 2 gates failed, 1 skipped');
    const table = gatesSection(doc(gates));
    expect(table).toMatch(/\| ⏭ skipped \| f1 \| all rows \|/);
    expect(table.match(/✅ pass/g)).toHaveLength(2);
  });
});
