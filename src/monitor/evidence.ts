import type { LiveMetric } from './live-window.js';

/** What the servers say about one served version, summed over replicas. */
export interface VersionEvidence {
  version: number;
  role: 'stable' | 'canary';
  requests: { total: number; client_errors: number; server_errors: number };
  /** The slowest replica's p99 latency in seconds (null before any request). */
  p99_seconds: number | null;
  metric: LiveMetric;
  /** Each feature's live PSI (null while the drift window holds too few rows). */
  drift: { feature: string; psi: number }[];
}

/** One model's evidence, as one replica reports it or as summed over replicas. */
export interface ModelEvidence {
  model: string;
  replicas: number;
  canary_weight: number;
  versions: VersionEvidence[];
}

/**
 * Adds the replicas' evidence of one model: counts add (requests, labelled rows, correct rows or
 * error sums), latency takes the slowest replica's p99 (quantiles do not add; the worst one is
 * what a caller may meet), drift takes each feature's highest PSI. Replicas that serve different
 * versions or weights (one has not followed git yet) cannot be added: the answer says so.
 */
export function sumReplicas(replicas: readonly ModelEvidence[]): ModelEvidence | { disagree: string } {
  if (replicas.length === 0) throw new RangeError('no replica evidence to add');
  const shape = (e: ModelEvidence) => `${e.versions.map((v) => `${v.role} v${v.version}`).join(', ')} at ${e.canary_weight}%`;
  const first = replicas[0];
  const other = replicas.find((r) => shape(r) !== shape(first));
  if (other) return { disagree: `replicas serve different things: ${shape(first)} and ${shape(other)}` };
  return {
    model: first.model,
    replicas: replicas.reduce((n, r) => n + r.replicas, 0),
    canary_weight: first.canary_weight,
    versions: first.versions.map((v, i) => replicas.slice(1).reduce((sum, r) => addVersion(sum, r.versions[i]), v)),
  };
}

function addVersion(a: VersionEvidence, b: VersionEvidence): VersionEvidence {
  const psi = new Map(a.drift.map((d) => [d.feature, d.psi]));
  for (const d of b.drift) psi.set(d.feature, Math.max(psi.get(d.feature) ?? -Infinity, d.psi));
  return {
    version: a.version,
    role: a.role,
    requests: { total: a.requests.total + b.requests.total, client_errors: a.requests.client_errors + b.requests.client_errors, server_errors: a.requests.server_errors + b.requests.server_errors },
    p99_seconds: a.p99_seconds === null ? b.p99_seconds : b.p99_seconds === null ? a.p99_seconds : Math.max(a.p99_seconds, b.p99_seconds),
    metric: addMetric(a.metric, b.metric),
    drift: [...psi].map(([feature, p]) => ({ feature, psi: p })).sort((x, y) => y.psi - x.psi || (x.feature < y.feature ? -1 : 1)),
  };
}

function addMetric(a: LiveMetric, b: LiveMetric): LiveMetric {
  const n = a.n + b.n;
  if (a.name === 'accuracy' && b.name === 'accuracy') return { name: 'accuracy', n, correct: a.correct + b.correct, value: n ? (a.correct + b.correct) / n : null };
  if (a.name === 'mae' && b.name === 'mae') return { name: 'mae', n, sum: a.sum + b.sum, sum_sq: a.sum_sq + b.sum_sq, value: n ? (a.sum + b.sum) / n : null };
  throw new RangeError(`replicas report different live metrics: ${a.name} and ${b.name}`);
}
