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

describe('testMetricDrop at its boundaries (mutation testing, issue 15)', () => {
  const acc = (n: number, correct: number) => ({ name: 'accuracy' as const, n, correct, value: correct / n });
  /** The MAE counts of these absolute errors, as a live window sums them. */
  const mae = (errors: number[]) => ({ name: 'mae' as const, n: errors.length, sum: errors.reduce((a, b) => a + b, 0), sum_sq: errors.reduce((a, b) => a + b * b, 0), value: null });

  // Expected values computed in Python with z = 1.6434212300741773, simple-statistics' probit(0.95)
  // (the exact quantile is 1.6448536…: the library's approximation makes the interval 0.09 % narrower).
  it('accuracy: the Agresti–Caffo interval, pinned', () => {
    const t = testMetricDrop(acc(1000, 950), acc(1000, 900), 0.02, 0.95);
    expect(t.drop).toBeCloseTo(0.04990019960079839, 12);
    expect(t.low).toBeCloseTo(0.030547679478754416, 12);
    expect(t.high).toBeCloseTo(0.06925271972284236, 12);
    expect(t.verdict).toBe('worse');
  });

  it('mae: the Welch interval from sums and sums of squares, pinned; one row has no spread', () => {
    const t = testMetricDrop(mae([1, 2, 3, 4]), mae([2, 4, 9]), 1, 0.95);
    expect(t.drop).toBeCloseTo(2.5, 12);
    expect(t.low).toBeCloseTo(-1.081753531781323, 12);
    expect(t.high).toBeCloseTo(6.081753531781323, 12);
    expect(t.verdict).toBe('unclear');
    expect(testMetricDrop(mae([2]), mae([5]), 1, 0.95)).toEqual({ drop: 3, low: 3, high: 3, verdict: 'worse' });
  });

  it('an interval bound exactly at the allowed drop is unclear, not worse and not within', () => {
    const t = testMetricDrop(mae([2]), mae([5]), 3, 0.95); // low = high = drop = 3
    expect(t.verdict).toBe('unclear');
    expect(testMetricDrop(mae([2]), mae([5]), 2.999, 0.95).verdict).toBe('worse');
    expect(testMetricDrop(mae([2]), mae([5]), 3.001, 0.95).verdict).toBe('within');
  });

  it('the confidence sets the width; different live metrics on the two sides are refused', () => {
    const t90 = testMetricDrop(acc(1000, 950), acc(1000, 900), 0.02, 0.9);
    const t95 = testMetricDrop(acc(1000, 950), acc(1000, 900), 0.02, 0.95);
    expect(t90.high - t90.low).toBeLessThan(t95.high - t95.low);
    expect(() => testMetricDrop(acc(10, 9), mae([1, 2]), 0.1, 0.95)).toThrow('live metrics differ: stable accuracy, canary mae');
    expect(() => testMetricDrop(mae([1, 2]), acc(10, 9), 0.1, 0.95)).toThrow('live metrics differ: stable mae, canary accuracy');
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

describe('decideRollout: the evidence table and the reasons a reviewer reads', () => {
  const table = policy({ max_metric_drop: { drop: 0.02, confidence: 0.9 } }, { psi_max: 0.2 });
  const healthy = () => evidence(
    { requests: { total: 800, client_errors: 3, server_errors: 12 }, p99_seconds: 0.015 },
    { requests: { total: 1000, client_errors: 0, server_errors: 10 }, p99_seconds: 0.0123, drift: [{ feature: 'age', psi: 0.05 }, { feature: 'bmi', psi: 0.01 }] },
  );

  it('one row per signal, both sides, the limit and its verdict', () => {
    const d = decideRollout(table, healthy(), manifest);
    expect(d.reasons).toEqual(['canary v2 is within every limit at 10%']);
    expect(d.checks).toEqual([
      { signal: 'drift: highest feature PSI', stable: '0.050 (age)', canary: 'too few rows', threshold: '≤ 0.2', verdict: 'pass' },
      { signal: 'requests answered', stable: '1000', canary: '800', threshold: 'canary ≥ 100', verdict: 'pass' },
      { signal: '5xx error rate', stable: '1.00%', canary: '1.50%', threshold: 'canary − stable ≤ 1.00%', verdict: 'pass' },
      { signal: 'p99 latency', stable: '12.3 ms', canary: '15.0 ms', threshold: 'canary / stable ≤ 1.5', verdict: 'pass' },
      { signal: 'live accuracy', stable: '0.9500 (2000 labels)', canary: '0.9500 (2000 labels)', threshold: 'drop ≤ 0.02 at 0.9; drop 0.0000, 90% interval [-0.0089, 0.0089]', verdict: 'pass' },
    ]);
  });

  it('no drift policy, no latency to compare, no metric limit: those rows are absent; a stable without requests has a 0% rate', () => {
    const d = decideRollout(policy(), evidence({ p99_seconds: 0.5 }, { requests: { total: 0, client_errors: 0, server_errors: 0 }, p99_seconds: 0 }), manifest);
    expect(d.action).toBe('advance');
    expect(d.checks.map((c) => c.signal)).toEqual(['requests answered', '5xx error rate']);
    expect(d.checks[1]).toMatchObject({ stable: '0.00%', canary: '0.00%' });
    expect(decideRollout(policy(), evidence({ p99_seconds: null }), manifest).checks.map((c) => c.signal)).toEqual(['requests answered', '5xx error rate']);
  });

  it('too few requests: one row, verdict wait, the reason says how many answered and how many more', () => {
    const d = decideRollout(table, evidence({ requests: { total: 40, client_errors: 0, server_errors: 0 } }), manifest);
    expect(d.reasons).toEqual(['the canary has answered 40 requests; 60 more before it is judged']);
    expect(d.checks.slice(1)).toEqual([{ signal: 'requests answered', stable: '1000', canary: '40', threshold: 'canary ≥ 100', verdict: 'wait' }]);
  });

  it('each failing limit is its own reason, all of them in the rollback alert, and its row says fail', () => {
    const d = decideRollout(table, evidence(
      { requests: { total: 1000, client_errors: 0, server_errors: 40 }, p99_seconds: 0.03, metric: { name: 'accuracy', n: 2000, correct: 1500, value: 0.75 } },
      { requests: { total: 1000, client_errors: 0, server_errors: 10 } },
    ), manifest);
    expect(d).toMatchObject({ action: 'rollback', role: 'canary', version: 2 });
    expect(d.reasons).toEqual([
      "the canary's 5xx rate 4.00% is 3.00% above stable's 1.00% (limit 1.00%)",
      "the canary's p99 latency 30.0 ms is 3.00× stable's 10.0 ms (limit 1.5×)",
      expect.stringMatching(/^the canary's live accuracy is worse than stable's by more than 0\.02 \(drop 0\.1998, 90% interval \[0\.\d{4}, 0\.\d{4}\]\)$/),
    ]);
    expect(d.alerts).toEqual([`canary v2 rolled back: ${d.reasons.join('; ')}`]);
    expect(d.checks.map((c) => c.verdict)).toEqual(['pass', 'pass', 'fail', 'fail', 'fail']);
  });

  it('labels short on either side: a wait row naming both counts; an unclear interval waits, saying more labels narrow it', () => {
    const few = decideRollout(table, evidence({ metric: { name: 'accuracy', n: 30, correct: 29, value: 29 / 30 } }, { metric: { name: 'accuracy', n: 90, correct: 85, value: 85 / 90 } }), manifest);
    expect(few.reasons).toEqual(['80 more labelled rows needed (≥ 100 each for stable and canary; they have 90 and 30)']);
    expect(few.checks.at(-1)).toEqual({ signal: 'live accuracy', stable: '0.9444 (90 labels)', canary: '0.9667 (30 labels)', threshold: '≥ 100 labels each', verdict: 'wait' });
    const none = decideRollout(table, evidence({ metric: { name: 'accuracy', n: 0, correct: 0, value: null } }), manifest);
    expect(none.checks.at(-1)).toMatchObject({ canary: '— (0 labels)', verdict: 'wait' });
    const same = { name: 'accuracy' as const, n: 100, correct: 95, value: 0.95 };
    const unclear = decideRollout(table, evidence({ metric: same }, { metric: same }), manifest);
    expect(unclear.reasons).toEqual([expect.stringMatching(/^the canary's live accuracy is not yet shown within 0\.02 of stable's \(drop 0\.0000, 90% interval \[-0\.\d{4}, 0\.\d{4}\]\); more labels narrow it$/)]);
    expect(unclear.checks.at(-1)!.verdict).toBe('wait');
  });

  it('drift: the alert names each feature above psi_max with its PSI; the row says alert, or fail when it rolls back', () => {
    const drifting = evidence({ drift: [{ feature: 'age', psi: 0.31 }, { feature: 'bmi', psi: 0.25 }, { feature: 'sex', psi: 0.1 }] });
    const alert = decideRollout(policy({}, { psi_max: 0.2 }), drifting, manifest);
    expect(alert.alerts).toEqual(['canary v2 drifts: age PSI 0.310, bmi PSI 0.250 above 0.2']);
    expect(alert.checks[0]).toEqual({ signal: 'drift: highest feature PSI', stable: 'too few rows', canary: '0.310 (age)', threshold: '≤ 0.2', verdict: 'alert' });
    const back = decideRollout(policy({}, { psi_max: 0.2, action: 'rollback' }), drifting, manifest);
    expect(back).toMatchObject({ action: 'rollback', role: 'canary', version: 2, reasons: alert.alerts, alerts: alert.alerts });
    expect(back.checks).toHaveLength(1);
    expect(back.checks[0].verdict).toBe('fail');
    const stableOnly = { model: 'bc', replicas: 1, canary_weight: 0, versions: [side('stable')] };
    expect(decideRollout(policy({}, { psi_max: 0.2 }), stableOnly, { model: 'bc', version: 1, reason: 'r' }).checks[0]).toMatchObject({ stable: 'too few rows', canary: '—', verdict: 'pass' });
  });

  it('without a canary: the reason names the serving version; a drift alert is the reason instead', () => {
    const stableOnly = (drift: VersionEvidence['drift']) => ({ model: 'bc', replicas: 1, canary_weight: 0, versions: [side('stable', { drift })] });
    const noCanary = { model: 'bc', version: 1, reason: 'r' };
    expect(decideRollout(policy(), stableOnly([]), noCanary).reasons).toEqual(['no canary in the manifest: nothing to roll out (v1 serves)']);
    const alert = decideRollout(policy({}, { psi_max: 0.2 }), stableOnly([{ feature: 'age', psi: 0.5 }]), noCanary);
    expect(alert).toMatchObject({ action: 'alert', reasons: ['stable v1 drifts: age PSI 0.500 above 0.2'], alerts: ['stable v1 drifts: age PSI 0.500 above 0.2'] });
  });

  it('the order of the versions in the evidence does not matter; holding shows no checks and raises no alert', () => {
    const e = evidence();
    const reversed = { ...e, versions: [...e.versions].reverse() };
    expect(decideRollout(table, reversed, manifest)).toEqual(decideRollout(table, e, manifest));
    expect(decideRollout(table, evidence({ version: 3 }), manifest)).toMatchObject({ action: 'hold', checks: [], alerts: [] });
  });

  it('stable short of labels while the canary has plenty: still a wait, naming both counts', () => {
    const d = decideRollout(table, evidence({}, { metric: { name: 'accuracy', n: 99, correct: 95, value: 95 / 99 } }), manifest);
    expect(d.reasons).toEqual(['1 more labelled rows needed (≥ 100 each for stable and canary; they have 99 and 2000)']);
  });

  it('servers behind git: the reason says what they serve and what the manifest says; every mismatch holds', () => {
    const hold = (e: ModelEvidence, m: Manifest = manifest) => decideRollout(policy(), e, m);
    expect(hold(evidence({ version: 3 })).reasons).toEqual(['the servers serve stable v1, canary v3 at 10%, the manifest says stable v1, canary v2 at 10%: waiting for them to follow git']);
    expect(hold({ model: 'bc', replicas: 1, canary_weight: 0, versions: [] }).reasons).toEqual(['the servers serve nothing, the manifest says stable v1, canary v2 at 10%: waiting for them to follow git']);
    const stableOnly = { model: 'bc', replicas: 1, canary_weight: 0, versions: [side('stable')] };
    expect(hold(stableOnly).reasons[0]).toBe('the servers serve stable v1, the manifest says stable v1, canary v2 at 10%: waiting for them to follow git');
    expect(hold(evidence({}, { version: 7 })).action).toBe('hold');
    // A canary still served after git dropped it, and a stable version git has moved on from.
    expect(hold(evidence(), { model: 'bc', version: 1, reason: 'r' }).reasons[0]).toBe('the servers serve stable v1, canary v2 at 10%, the manifest says stable v1: waiting for them to follow git');
    expect(hold(stableOnly, { model: 'bc', version: 2, reason: 'r' }).action).toBe('hold');
    expect(hold(evidence({}, {}, 10), { ...manifest, canary: { version: 2, weight: 50 } }).action).toBe('hold');
  });
});
