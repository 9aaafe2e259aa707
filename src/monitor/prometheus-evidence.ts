import type { ModelEvidence, VersionEvidence } from './evidence.js';

/** One instant vector of Prometheus's HTTP API (`data.result` of `/api/v1/query`). */
export type PromVector = { metric: Record<string, string>; value: [number, string] }[];

/**
 * The PromQL queries whose answers make one model's evidence, already summed over replicas by
 * Prometheus: counts with `sum`, the p99 with `max` (the slowest replica), PSI with `max`.
 * The model name is checked by the caller to be a registry name, so it needs no escaping.
 */
export function evidenceQueries(model: string): Record<EvidenceQuery, string> {
  const m = `model="${model}"`;
  return {
    requests: `sum by (version, role, outcome) (pipepilot_live_requests{${m}})`,
    p99: `max by (version, role) (pipepilot_live_latency_seconds{${m}, quantile="0.99"})`,
    labelled: `sum by (version, role) (pipepilot_live_labelled_rows{${m}})`,
    sums: `sum by (version, role, part) (pipepilot_live_metric_sum{${m}})`,
    psi: `max by (version, feature) (pipepilot_feature_psi{${m}})`,
    weight: `max (pipepilot_canary_weight_percent{${m}})`,
    replicas: `count (pipepilot_model_version{${m}, role="main"})`,
  };
}

export type EvidenceQuery = 'requests' | 'p99' | 'labelled' | 'sums' | 'psi' | 'weight' | 'replicas';

/**
 * One model's evidence from the answers to `evidenceQueries`. The live metric is accuracy when
 * a `correct` sum is present, else mae from `abs_error` and `abs_error_sq`. A model with no live
 * series at all is a RangeError (Prometheus does not scrape its servers, or the name is wrong).
 */
export function evidenceFromPrometheus(model: string, answers: Record<EvidenceQuery, PromVector>): ModelEvidence | { disagree: string } {
  const versions = new Map<string, VersionEvidence>();
  const at = (s: { metric: Record<string, string> }): VersionEvidence | undefined => {
    const { version, role } = s.metric;
    if (role !== 'stable' && role !== 'canary') return undefined;
    const key = `${role}/${version}`;
    let v = versions.get(key);
    if (!v) {
      v = { version: Number(version), role, requests: { total: 0, client_errors: 0, server_errors: 0 }, p99_seconds: null, metric: { name: 'accuracy', n: 0, correct: 0, value: null }, drift: [] };
      versions.set(key, v);
    }
    return v;
  };
  const num = (s: { value: [number, string] }) => Number(s.value[1]);
  for (const s of answers.requests) {
    const v = at(s);
    if (!v) continue;
    v.requests.total += num(s);
    if (s.metric.outcome === 'client_error') v.requests.client_errors += num(s);
    if (s.metric.outcome === 'server_error') v.requests.server_errors += num(s);
  }
  if (versions.size === 0) throw new RangeError(`Prometheus has no pipepilot_live_requests series for model '${model}'`);
  for (const s of answers.p99) {
    const v = at(s);
    if (v) v.p99_seconds = num(s);
  }
  const parts = new Map<VersionEvidence, Record<string, number>>();
  for (const s of answers.sums) {
    const v = at(s);
    if (v) parts.set(v, { ...parts.get(v), [s.metric.part]: num(s) });
  }
  for (const s of answers.labelled) {
    const v = at(s);
    if (!v) continue;
    const n = num(s);
    const p = parts.get(v) ?? {};
    v.metric = p.correct !== undefined || p.abs_error === undefined
      ? { name: 'accuracy', n, correct: p.correct ?? 0, value: n ? (p.correct ?? 0) / n : null }
      : { name: 'mae', n, sum: p.abs_error, sum_sq: p.abs_error_sq ?? 0, value: n ? p.abs_error / n : null };
  }
  const all = [...versions.values()];
  for (const role of ['stable', 'canary'] as const) {
    const served = all.filter((v) => v.role === role).map((v) => `v${v.version}`);
    if (served.length > 1) return { disagree: `replicas serve different ${role} versions (${served.join(', ')})` };
  }
  for (const s of answers.psi) {
    for (const v of all.filter((x) => String(x.version) === s.metric.version)) v.drift.push({ feature: s.metric.feature, psi: num(s) });
  }
  for (const v of all) v.drift.sort((a, b) => b.psi - a.psi || (a.feature < b.feature ? -1 : 1));
  return {
    model,
    replicas: answers.replicas.length ? num(answers.replicas[0]) : 0,
    canary_weight: answers.weight.length ? num(answers.weight[0]) : 0,
    versions: all.sort((a, b) => (a.role === b.role ? a.version - b.version : a.role === 'stable' ? -1 : 1)),
  };
}
