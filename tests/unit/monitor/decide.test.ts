import { describe, expect, it } from 'vitest';
import { decideRollout, type MonitorPolicy } from '../../../src/monitor/decide.js';
import { sumReplicas, type ModelEvidence, type VersionEvidence } from '../../../src/monitor/evidence.js';
import { testMetricDrop } from '../../../src/monitor/metric-test.js';
import type { Manifest } from '../../../src/registry/manifest.js';
import { rolloutDefaults } from '../../../src/spec/defaults.js';

const policy = (over: Partial<MonitorPolicy['rollout']> = {}, drift?: MonitorPolicy['drift']): MonitorPolicy => ({
  rollout: { ...rolloutDefaults({ min_requests: 100, min_labels: 100, max_error_rate_increase: 0.01, max_p99_latency_ratio: 1.5 }), ...over },
  ...(drift ? { drift } : {}),
});
const manifest: Manifest = { model: 'bc', version: 1, canary: { version: 2, weight: 10 }, reason: 'test' };

function side(role: 'stable' | 'canary', over: Partial<VersionEvidence> = {}): VersionEvidence {
  return {
    version: role === 'stable' ? 1 : 2, role,
    requests: { total: 1000, client_errors: 0, server_errors: 0 },
    p99_seconds: 0.01,
    metric: { name: 'accuracy', n: 2000, correct: 1900, value: 0.95 },
    drift: [],
    ...over,
  };
}
const evidence = (canary: Partial<VersionEvidence> = {}, stable: Partial<VersionEvidence> = {}, weight = 10): ModelEvidence => ({
  model: 'bc', replicas: 1, canary_weight: weight, versions: [side('stable', stable), side('canary', canary)],
});

describe('decideRollout: a healthy canary walks the steps', () => {
  it('advances 10 → 50, then completes from 50, and the same evidence gives the same decision', () => {
    const first = decideRollout(policy(), evidence(), manifest);
    expect(first).toMatchObject({ action: 'advance', version: 2, weight: 50 });
    expect(decideRollout(policy(), evidence(), manifest)).toEqual(first);
    const at50 = decideRollout(policy(), evidence({}, {}, 50), { ...manifest, canary: { version: 2, weight: 50 } });
    expect(at50).toMatchObject({ action: 'complete', version: 2 });
  });

  it('a weight between steps goes to the next step above it', () => {
    expect(decideRollout(policy({ steps: [5, 25, 100] }), evidence({}, {}, 7), { ...manifest, canary: { version: 2, weight: 7 } })).toMatchObject({ action: 'advance', weight: 25 });
  });

  it('holds while the servers do not serve the manifest yet', () => {
    const d = decideRollout(policy(), evidence({}, {}, 50), manifest);
    expect(d.action).toBe('hold');
    expect(d.reasons[0]).toMatch(/waiting for them to follow git/);
    expect(d).toMatchObject({ waiting: 'servers', alerts: [] });
    expect(decideRollout(policy(), evidence({ version: 3 }), manifest).action).toBe('hold');
  });

  it('without a canary there is nothing to roll out', () => {
    const d = decideRollout(policy(), { model: 'bc', replicas: 1, canary_weight: 0, versions: [side('stable')] }, { model: 'bc', version: 1, reason: 'r' });
    expect(d).toMatchObject({ action: 'hold', alerts: [] });
    expect(d).not.toHaveProperty('waiting'); // judged: an open alert issue is closed on it
  });
});

describe('decideRollout: boundaries', () => {
  it('min_requests: one short holds (saying how many are missing), exactly enough judges', () => {
    const short = decideRollout(policy(), evidence({ requests: { total: 99, client_errors: 0, server_errors: 0 } }), manifest);
    expect(short.action).toBe('hold');
    expect(short.reasons[0]).toMatch(/1 more before it is judged/);
    expect(decideRollout(policy(), evidence({ requests: { total: 100, client_errors: 0, server_errors: 0 } }), manifest).action).toBe('advance');
  });

  it('5xx rate: an increase equal to the limit passes, one request more fails; 4xx do not count', () => {
    const at = (errors: number) => decideRollout(policy({ max_error_rate_increase: 0.01 }), evidence({ requests: { total: 1000, client_errors: 500, server_errors: errors } }, { requests: { total: 1000, client_errors: 0, server_errors: 10 } }), manifest);
    expect(at(20).action).toBe('advance'); // 2% − 1% = the limit
    const over = at(21);
    expect(over).toMatchObject({ action: 'rollback', role: 'canary', version: 2 });
    expect(over.reasons[0]).toMatch(/5xx rate 2.10%/);
    expect(over.alerts.at(-1)).toMatch(/rolled back/);
  });

  it('p99 latency: a ratio equal to the limit passes, above it rolls back', () => {
    expect(decideRollout(policy(), evidence({ p99_seconds: 0.015 }), manifest).action).toBe('advance');
    expect(decideRollout(policy(), evidence({ p99_seconds: 0.0151 }), manifest).action).toBe('rollback');
    expect(decideRollout(policy(), evidence({ p99_seconds: 1 }, { p99_seconds: null }), manifest).action).toBe('advance'); // nothing to compare with
  });

  it('labels: no decision from 99 labels, and the metric test decides once each side has min_labels', () => {
    const limit = { max_metric_drop: { drop: 0.02, confidence: 0.95 } };
    const few = decideRollout(policy(limit), evidence({ metric: { name: 'accuracy', n: 99, correct: 10, value: 0.1 } }), manifest);
    expect(few.action).toBe('hold');
    expect(few.reasons[0]).toMatch(/1 more labelled rows needed/);
    const bad = decideRollout(policy(limit), evidence({ metric: { name: 'accuracy', n: 100, correct: 10, value: 0.1 } }), manifest);
    expect(bad.action).toBe('rollback');
    const stableShort = decideRollout(policy(limit), evidence({}, { metric: { name: 'accuracy', n: 99, correct: 95, value: 0.96 } }), manifest);
    expect(stableShort.action).toBe('hold');
    // The same accuracy on both sides: shown within the limit with 2,000 labels each, unclear with 100.
    expect(decideRollout(policy(limit), evidence(), manifest).action).toBe('advance');
    const fewEqual = { name: 'accuracy' as const, n: 100, correct: 95, value: 0.95 };
    const unclear = decideRollout(policy(limit), evidence({ metric: fewEqual }, { metric: fewEqual }), manifest);
    expect(unclear.action).toBe('hold');
    expect(unclear.reasons[0]).toMatch(/not yet shown within 0.02/);
  });

  it('drift: a PSI equal to psi_max is not drift; above it alerts, or rolls back the drifting canary first', () => {
    const drifting = (psi: number) => evidence({ drift: [{ feature: 'age', psi }] }, { drift: [{ feature: 'age', psi }] });
    expect(decideRollout(policy({}, { psi_max: 0.2 }), drifting(0.2), manifest)).toMatchObject({ action: 'advance', alerts: [] });
    const alert = decideRollout(policy({}, { psi_max: 0.2, action: 'alert' }), drifting(0.21), manifest);
    expect(alert.action).toBe('advance'); // an alert rides along; the canary is as healthy as stable
    expect(alert.alerts).toHaveLength(2);
    expect(decideRollout(policy({}, { psi_max: 0.2, action: 'rollback' }), drifting(0.21), manifest)).toMatchObject({ action: 'rollback', role: 'canary' });
    const stableOnly = { model: 'bc', replicas: 1, canary_weight: 0, versions: [side('stable', { drift: [{ feature: 'age', psi: 0.5 }] })] };
    const noCanary = { model: 'bc', version: 1, reason: 'r' };
    expect(decideRollout(policy({}, { psi_max: 0.2 }), stableOnly, noCanary)).toMatchObject({ action: 'alert' });
    expect(decideRollout(policy({}, { psi_max: 0.2, action: 'rollback' }), stableOnly, noCanary)).toMatchObject({ action: 'rollback', role: 'stable', version: 1 });
  });
});

describe('testMetricDrop', () => {
  it('accuracy: worse, within or unclear at the confidence', () => {
    const m = (n: number, correct: number) => ({ name: 'accuracy' as const, n, correct, value: correct / n });
    expect(testMetricDrop(m(1000, 950), m(1000, 700), 0.02, 0.95).verdict).toBe('worse');
    expect(testMetricDrop(m(1000, 950), m(1000, 950), 0.02, 0.95).verdict).toBe('within');
    expect(testMetricDrop(m(12, 12), m(12, 6), 0.02, 0.95).verdict).toBe('worse'); // a 50-point drop shows even on 12
    expect(testMetricDrop(m(12, 12), m(12, 11), 0.02, 0.95).verdict).toBe('unclear');
    const t = testMetricDrop(m(1000, 950), m(1000, 900), 0.02, 0.95);
    expect(t.drop).toBeCloseTo(951 / 1002 - 901 / 1002, 9);
    expect(t.low).toBeLessThan(t.drop);
  });

  it('mae: a larger mean absolute error on the canary is a positive drop', () => {
    const m = (n: number, mean: number, sd: number) => ({ name: 'mae' as const, n, sum: n * mean, sum_sq: (n - 1) * sd * sd + n * mean * mean, value: mean });
    const t = testMetricDrop(m(400, 1, 0.5), m(400, 2, 0.5), 0.1, 0.95);
    expect(t.drop).toBeCloseTo(1, 9);
    expect(t.verdict).toBe('worse');
    expect(testMetricDrop(m(400, 1, 0.5), m(400, 1, 0.5), 0.1, 0.95).verdict).toBe('within');
  });
});

describe('sumReplicas', () => {
  it('adds counts, takes the slowest p99 and the highest PSI per feature', () => {
    const a = evidence({ p99_seconds: 0.02, drift: [{ feature: 'x', psi: 0.1 }] });
    const b = evidence({ p99_seconds: 0.05, drift: [{ feature: 'x', psi: 0.3 }, { feature: 'y', psi: 0.2 }] });
    const sum = sumReplicas([a, b]);
    if ('disagree' in sum) throw new Error(sum.disagree);
    expect(sum.replicas).toBe(2);
    const canary = sum.versions[1];
    expect(canary.requests.total).toBe(2000);
    expect(canary.metric).toEqual({ name: 'accuracy', n: 4000, correct: 3800, value: 0.95 });
    expect(canary.p99_seconds).toBe(0.05);
    expect(canary.drift).toEqual([{ feature: 'x', psi: 0.3 }, { feature: 'y', psi: 0.2 }]);
  });

  it('replicas serving different weights cannot be added', () => {
    expect(sumReplicas([evidence(), evidence({}, {}, 50)])).toMatchObject({ disagree: expect.stringMatching(/at 10% and .* at 50%/) });
  });
});
