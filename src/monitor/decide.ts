import type { Manifest } from '../registry/manifest.js';
import type { RolloutSpec } from '../spec/types.js';
import type { ModelEvidence, VersionEvidence } from './evidence.js';
import { testMetricDrop } from './metric-test.js';

/** What the pipeline declares for the monitor: the rollout (defaults filled) and drift. */
export interface MonitorPolicy {
  rollout: RolloutSpec;
  drift?: { psi_max: number; action?: 'alert' | 'rollback' };
}

/** One row of the evidence table: a signal, both sides, the limit, and how it stands. */
export interface Check {
  signal: string;
  stable: string;
  canary: string;
  threshold: string;
  verdict: 'pass' | 'fail' | 'wait' | 'alert';
}

interface DecisionBase {
  model: string;
  /** Why, one sentence each, the deciding ones first. */
  reasons: string[];
  checks: Check[];
  /** Conditions to alert on (drift, a rollback); an empty list clears an open alert. */
  alerts: string[];
}

export type Decision = DecisionBase &
  (
    /** `waiting: 'servers'`: the servers do not serve the manifest yet, so nothing was judged (an open alert is neither renewed nor cleared). */
    | { action: 'hold'; waiting?: 'servers' }
    | { action: 'alert' }
    | { action: 'advance'; version: number; weight: number }
    | { action: 'complete'; version: number }
    | { action: 'rollback'; role: 'canary' | 'stable'; version: number }
  );

/**
 * One pass of the control loop for one model, from plain data: the policy, the evidence summed
 * over replicas, and the manifest in git. Pure and deterministic: the same three give the same
 * decision. In order: servers that do not serve the manifest yet → hold; a drifting version →
 * rollback (drift.action: rollback) or an alert; without a canary → alert or hold; a canary
 * with too little evidence → hold, saying what is missing; a canary past a limit (5xx rate,
 * p99 latency, live metric worse beyond `max_drop` at the confidence) → rollback; a canary
 * within every limit → advance to the next step, or complete at 100.
 */
export function decideRollout(policy: MonitorPolicy, evidence: ModelEvidence, manifest: Manifest): Decision {
  const model = manifest.model;
  const stable = evidence.versions.find((v) => v.role === 'stable');
  const canary = evidence.versions.find((v) => v.role === 'canary');
  const served = describeServed(evidence);
  const wanted = `stable v${manifest.version}${manifest.canary ? `, canary v${manifest.canary.version} at ${manifest.canary.weight}%` : ''}`;
  if (!stable || stable.version !== manifest.version || canary?.version !== manifest.canary?.version || (manifest.canary && evidence.canary_weight !== manifest.canary.weight)) {
    return { model, action: 'hold', waiting: 'servers', reasons: [`the servers serve ${served}, the manifest says ${wanted}: waiting for them to follow git`], checks: [], alerts: [] };
  }
  const checks: Check[] = [];
  const drift = driftChecks(policy, stable, canary, checks);
  if (drift.rollback) return { model, action: 'rollback', role: drift.rollback.role, version: drift.rollback.version, reasons: drift.alerts, checks, alerts: drift.alerts };
  if (!canary || !manifest.canary) {
    return { model, action: drift.alerts.length ? 'alert' : 'hold', reasons: drift.alerts.length ? drift.alerts : [`no canary in the manifest: nothing to roll out (v${stable.version} serves)`], checks, alerts: drift.alerts };
  }
  const verdicts = canaryChecks(policy.rollout, stable, canary, checks);
  const failed = verdicts.filter((v) => v.verdict === 'fail');
  if (failed.length) {
    const reasons = failed.map((f) => f.reason);
    const alerts = [...drift.alerts, `canary v${canary.version} rolled back: ${reasons.join('; ')}`];
    return { model, action: 'rollback', role: 'canary', version: canary.version, reasons, checks, alerts };
  }
  const waiting = verdicts.filter((v) => v.verdict === 'wait');
  if (waiting.length) return { model, action: 'hold', reasons: waiting.map((w) => w.reason), checks, alerts: drift.alerts };
  const next = policy.rollout.steps.find((w) => w > manifest.canary!.weight) ?? 100;
  const reasons = [`canary v${canary.version} is within every limit at ${manifest.canary.weight}%`];
  if (next >= 100) return { model, action: 'complete', version: canary.version, reasons, checks, alerts: drift.alerts };
  return { model, action: 'advance', version: canary.version, weight: next, reasons, checks, alerts: drift.alerts };
}

function describeServed(e: ModelEvidence): string {
  return e.versions.map((v) => `${v.role} v${v.version}`).join(', ') + (e.versions.some((v) => v.role === 'canary') ? ` at ${e.canary_weight}%` : '') || 'nothing';
}

/** Features above psi_max per served version; a drifting canary is rolled back before a drifting stable. */
function driftChecks(policy: MonitorPolicy, stable: VersionEvidence, canary: VersionEvidence | undefined, checks: Check[]): { alerts: string[]; rollback?: { role: 'canary' | 'stable'; version: number } } {
  const limit = policy.drift?.psi_max;
  if (limit === undefined) return { alerts: [] };
  const top = (v: VersionEvidence | undefined) => v?.drift[0];
  const over = (v: VersionEvidence | undefined) => (v ? v.drift.filter((d) => d.psi > limit) : []);
  const show = (v: VersionEvidence | undefined) => (top(v) ? `${top(v)!.psi.toFixed(3)} (${top(v)!.feature})` : v ? 'too few rows' : '—');
  const drifting = [canary, stable].filter((v): v is VersionEvidence => over(v).length > 0);
  const rollback = policy.drift?.action === 'rollback';
  checks.push({ signal: 'drift: highest feature PSI', stable: show(stable), canary: show(canary), threshold: `≤ ${limit}`, verdict: drifting.length === 0 ? 'pass' : rollback ? 'fail' : 'alert' });
  const alerts = drifting.map((v) => `${v.role} v${v.version} drifts: ${over(v).map((d) => `${d.feature} PSI ${d.psi.toFixed(3)}`).join(', ')} above ${limit}`);
  return { alerts, ...(rollback && drifting.length ? { rollback: { role: drifting[0].role, version: drifting[0].version } } : {}) };
}

interface Verdict {
  verdict: 'pass' | 'fail' | 'wait';
  reason: string;
}

function canaryChecks(r: RolloutSpec, stable: VersionEvidence, canary: VersionEvidence, checks: Check[]): Verdict[] {
  const out: Verdict[] = [];
  const add = (c: Omit<Check, 'verdict'>, v: Verdict) => {
    checks.push({ ...c, verdict: v.verdict });
    out.push(v);
  };
  const enough = canary.requests.total >= r.min_requests;
  add({ signal: 'requests answered', stable: String(stable.requests.total), canary: String(canary.requests.total), threshold: `canary ≥ ${r.min_requests}` },
    enough ? { verdict: 'pass', reason: 'enough requests' } : { verdict: 'wait', reason: `the canary has answered ${canary.requests.total} requests; ${r.min_requests - canary.requests.total} more before it is judged` });
  if (!enough) return out;

  const rate = (v: VersionEvidence) => (v.requests.total ? v.requests.server_errors / v.requests.total : 0);
  const increase = rate(canary) - rate(stable);
  add({ signal: '5xx error rate', stable: percent(rate(stable)), canary: percent(rate(canary)), threshold: `canary − stable ≤ ${percent(r.max_error_rate_increase)}` },
    increase > r.max_error_rate_increase ? { verdict: 'fail', reason: `the canary's 5xx rate ${percent(rate(canary))} is ${percent(increase)} above stable's ${percent(rate(stable))} (limit ${percent(r.max_error_rate_increase)})` } : { verdict: 'pass', reason: '5xx rate within the limit' });

  const sp = stable.p99_seconds;
  const cp = canary.p99_seconds;
  if (sp !== null && cp !== null && sp > 0) {
    const ratio = cp / sp;
    add({ signal: 'p99 latency', stable: ms(sp), canary: ms(cp), threshold: `canary / stable ≤ ${r.max_p99_latency_ratio}` },
      ratio > r.max_p99_latency_ratio ? { verdict: 'fail', reason: `the canary's p99 latency ${ms(cp)} is ${ratio.toFixed(2)}× stable's ${ms(sp)} (limit ${r.max_p99_latency_ratio}×)` } : { verdict: 'pass', reason: 'p99 latency within the limit' });
  }

  const limit = r.max_metric_drop;
  if (!limit) return out;
  const name = stable.metric.name;
  const shown = (v: VersionEvidence) => (v.metric.value === null ? `— (${v.metric.n} labels)` : `${v.metric.value.toFixed(4)} (${v.metric.n} labels)`);
  const row = { signal: `live ${name}`, stable: shown(stable), canary: shown(canary) };
  const short = Math.max(0, r.min_labels - stable.metric.n) + Math.max(0, r.min_labels - canary.metric.n);
  if (stable.metric.n < r.min_labels || canary.metric.n < r.min_labels) {
    add({ ...row, threshold: `≥ ${r.min_labels} labels each` }, { verdict: 'wait', reason: `${short} more labelled rows needed (≥ ${r.min_labels} each for stable and canary; they have ${stable.metric.n} and ${canary.metric.n})` });
    return out;
  }
  const t = testMetricDrop(stable.metric, canary.metric, limit.drop, limit.confidence);
  const interval = `drop ${t.drop.toFixed(4)}, ${Math.round(limit.confidence * 100)}% interval [${t.low.toFixed(4)}, ${t.high.toFixed(4)}]`;
  add({ ...row, threshold: `drop ≤ ${limit.drop} at ${limit.confidence}; ${interval}` },
    t.verdict === 'worse' ? { verdict: 'fail', reason: `the canary's live ${name} is worse than stable's by more than ${limit.drop} (${interval})` }
      : t.verdict === 'unclear' ? { verdict: 'wait', reason: `the canary's live ${name} is not yet shown within ${limit.drop} of stable's (${interval}); more labels narrow it` }
        : { verdict: 'pass', reason: `live ${name} within the limit` });
  return out;
}

function percent(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}

function ms(seconds: number): string {
  return `${(seconds * 1000).toFixed(1)} ms`;
}
