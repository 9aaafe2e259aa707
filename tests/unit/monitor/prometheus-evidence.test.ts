import { describe, expect, it } from 'vitest';
import { evidenceFromPrometheus, evidenceQueries, type PromVector } from '../../../src/monitor/prometheus-evidence.js';

const sample = (metric: Record<string, string>, v: number) => ({ metric, value: [0, String(v)] as [number, string] });
const empty = { requests: [], p99: [], labelled: [], sums: [], psi: [], weight: [], replicas: [] } as Record<keyof ReturnType<typeof evidenceQueries>, PromVector>;

describe('evidence from Prometheus query answers', () => {
  it('reads requests by outcome, p99, a regression metric from its sums, PSI by version, weight and replicas', () => {
    const e = evidenceFromPrometheus('m', {
      ...empty,
      requests: [sample({ version: '1', role: 'stable', outcome: 'ok' }, 90), sample({ version: '1', role: 'stable', outcome: 'server_error' }, 10), sample({ version: '2', role: 'canary', outcome: 'client_error' }, 5)],
      p99: [sample({ version: '1', role: 'stable' }, 0.02)],
      labelled: [sample({ version: '1', role: 'stable' }, 4)],
      sums: [sample({ version: '1', role: 'stable', part: 'abs_error' }, 8), sample({ version: '1', role: 'stable', part: 'abs_error_sq' }, 20)],
      psi: [sample({ version: '1', feature: 'a' }, 0.1), sample({ version: '1', feature: 'b' }, 0.3)],
      weight: [sample({}, 10)],
      replicas: [sample({}, 3)],
    });
    if ('disagree' in e) throw new Error(e.disagree);
    expect(e).toMatchObject({ model: 'm', replicas: 3, canary_weight: 10 });
    expect(e.versions[0]).toEqual({
      version: 1, role: 'stable', requests: { total: 100, client_errors: 0, server_errors: 10 }, p99_seconds: 0.02,
      metric: { name: 'mae', n: 4, sum: 8, sum_sq: 20, value: 2 }, drift: [{ feature: 'b', psi: 0.3 }, { feature: 'a', psi: 0.1 }],
    });
    expect(e.versions[1]).toMatchObject({ version: 2, role: 'canary', requests: { total: 5, client_errors: 5 }, p99_seconds: null });
  });

  it('two stable versions (a replica behind) disagree; no live series at all is an error naming the model', () => {
    const two = evidenceFromPrometheus('m', { ...empty, requests: [sample({ version: '1', role: 'stable', outcome: 'ok' }, 1), sample({ version: '2', role: 'stable', outcome: 'ok' }, 1)] });
    expect(two).toEqual({ disagree: 'replicas serve different stable versions (v1, v2)' });
    expect(() => evidenceFromPrometheus('m', empty)).toThrow(/no pipepilot_live_requests series for model 'm'/);
  });
});
