import type { ModelEvidence, VersionEvidence } from './evidence.js';
import type { LiveMetric } from './live-window.js';

/**
 * A server's `GET /models/:name/live` answer as evidence, checked field by field: a server of
 * another version (or something else answering on that port) is named, not half-read.
 * Throws a RangeError saying which field is wrong.
 */
export function evidenceFromLive(body: unknown, model: string): ModelEvidence {
  const b = object(body, 'the answer');
  if (b.model !== model) throw new RangeError(`answers for model '${String(b.model)}', not '${model}'`);
  const versions = array(b.versions, 'versions').map((v, i) => versionEvidence(object(v, `versions[${i}]`), `versions[${i}]`));
  return { model, replicas: 1, canary_weight: number(b.canary_weight, 'canary_weight'), versions };
}

function versionEvidence(v: Record<string, unknown>, at: string): VersionEvidence {
  const role = v.role;
  if (role !== 'stable' && role !== 'canary') throw new RangeError(`${at}.role must be stable or canary`);
  const r = object(v.requests, `${at}.requests`);
  const lat = object(v.latency_seconds, `${at}.latency_seconds`);
  return {
    version: number(v.version, `${at}.version`),
    role,
    requests: { total: number(r.total, `${at}.requests.total`), client_errors: number(r.client_errors, `${at}.requests.client_errors`), server_errors: number(r.server_errors, `${at}.requests.server_errors`) },
    p99_seconds: lat.p99 === null ? null : number(lat.p99, `${at}.latency_seconds.p99`),
    metric: metric(object(v.metric, `${at}.metric`), `${at}.metric`),
    drift: array(v.drift ?? [], `${at}.drift`).map((d, i) => {
      const o = object(d, `${at}.drift[${i}]`);
      if (typeof o.feature !== 'string') throw new RangeError(`${at}.drift[${i}].feature must be a string`);
      return { feature: o.feature, psi: number(o.psi, `${at}.drift[${i}].psi`) };
    }),
  };
}

function metric(m: Record<string, unknown>, at: string): LiveMetric {
  const n = number(m.n, `${at}.n`);
  const value = m.value === null ? null : number(m.value, `${at}.value`);
  if (m.name === 'accuracy') return { name: 'accuracy', n, correct: number(m.correct, `${at}.correct`), value };
  if (m.name === 'mae') return { name: 'mae', n, sum: number(m.sum, `${at}.sum`), sum_sq: number(m.sum_sq, `${at}.sum_sq`), value };
  throw new RangeError(`${at}.name must be accuracy or mae`);
}

function object(v: unknown, at: string): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new RangeError(`${at} must be an object`);
  return v as Record<string, unknown>;
}

function array(v: unknown, at: string): unknown[] {
  if (!Array.isArray(v)) throw new RangeError(`${at} must be an array`);
  return v;
}

function number(v: unknown, at: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`${at} must be a finite number`);
  return v;
}
