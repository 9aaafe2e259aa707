import { LOWER_IS_BETTER, type PreprocessSpec } from '../spec/types.js';
import { paramsUsedBy } from '../spec/model-params.js';
import type { RegistryMetadata } from './metadata.js';

/** A value that differs between the two versions (only changed ones are listed). */
export interface ValueChange {
  name: string;
  from: unknown;
  to: unknown;
}

export interface MetricChange {
  name: string;
  from: number | null;
  to: number | null;
  from_interval: { low: number | null; high: number | null } | null;
  to_interval: { low: number | null; high: number | null } | null;
  /** to − from; null when either is undefined. */
  difference: number | null;
  lower_is_better: boolean;
  /** better/worse by the metric's direction; same when equal; unknown when a value is missing. */
  verdict: 'better' | 'worse' | 'same' | 'unknown';
  /**
   * Whether the two bootstrap intervals overlap: overlapping intervals mean the change may be
   * noise. Not a test (the versions were scored on their own test rows); null without intervals.
   */
  intervals_overlap: boolean | null;
}

export type FeatureKind = 'numeric' | 'categorical';

export interface VersionDiff {
  model: string;
  from: { version: number; created_at: string; label?: string };
  to: { version: number; created_at: string; label?: string };
  params: ValueChange[];
  /** Changed preprocessing settings (dotted names); null when a version predates their recording. */
  preprocess: ValueChange[] | null;
  metrics: MetricChange[];
  gates: { from: { passed: boolean; failed: number; total: number }; to: { passed: boolean; failed: number; total: number } };
  data: {
    source: { from: string; to: string };
    fingerprint: { from: string; to: string };
    /** Row counts (read, used, train, test), every one, changed or not. */
    rows: { name: string; from: number; to: number }[];
  };
  features: {
    target: { from: string; to: string };
    classes: { from: string[]; to: string[] };
    added: { name: string; kind: FeatureKind }[];
    removed: { name: string; kind: FeatureKind }[];
    kind_changed: { name: string; from: FeatureKind; to: FeatureKind }[];
    unchanged: number;
    input_columns: { from: number; to: number };
  };
  /** Pipeline file and blob, training commit, PipePilot version, backend: changed ones. */
  lineage: ValueChange[];
}

/** What changed from version `a` to version `b` of one model. Pure; `labels` name a side resolved through an environment. */
export function diffVersions(a: RegistryMetadata, b: RegistryMetadata, labels: { from?: string; to?: string } = {}): VersionDiff {
  const side = (m: RegistryMetadata, label?: string) => ({ version: m.version, created_at: m.created_at, ...(label ? { label } : {}) });
  const gates = (m: RegistryMetadata) => ({ passed: m.gates_passed, failed: m.gates.filter((g) => g.status === 'failed').length, total: m.gates.length });
  const rows = (m: RegistryMetadata) => m.lineage.data.rows;
  return {
    model: b.model,
    from: side(a, labels.from),
    to: side(b, labels.to),
    params: paramChanges(a, b),
    preprocess: a.preprocess && b.preprocess ? preprocessChanges(a.preprocess, b.preprocess) : null,
    metrics: metricChanges(a, b),
    gates: { from: gates(a), to: gates(b) },
    data: {
      source: { from: a.lineage.data.source, to: b.lineage.data.source },
      fingerprint: { from: a.lineage.data.fingerprint, to: b.lineage.data.fingerprint },
      rows: (['read', 'used', 'train', 'test'] as const).map((name) => ({ name, from: rows(a)[name], to: rows(b)[name] })),
    },
    features: featureChanges(a, b),
    lineage: changed([
      ['pipeline', a.lineage.pipeline.path, b.lineage.pipeline.path],
      ['pipeline blob', a.lineage.pipeline.blob_sha, b.lineage.pipeline.blob_sha],
      ['trained at commit', a.lineage.commit.sha, b.lineage.commit.sha],
      ['PipePilot', a.lineage.pipepilot_version, b.lineage.pipepilot_version],
      ['backend', a.lineage.backend.name, b.lineage.backend.name],
    ]),
  };
}

function paramChanges(a: RegistryMetadata, b: RegistryMetadata): ValueChange[] {
  // Only the params each type reads: versions registered before the projection carry every default.
  const pa = paramsUsedBy(a.model_spec.type, a.model_spec.params) as Record<string, unknown>;
  const pb = paramsUsedBy(b.model_spec.type, b.model_spec.params) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(pa), ...Object.keys(pb)])].sort();
  return changed([
    ['task', a.task, b.task],
    ['type', a.model_spec.type, b.model_spec.type],
    ['seed', a.model_spec.seed, b.model_spec.seed],
    ...keys.map((k): [string, unknown, unknown] => [k, pa[k], pb[k]]),
  ]);
}

/** The preprocess block as dotted name → value pairs, in a fixed order: `impute.numeric`, …, `scale`. */
export function flatPreprocess(p: PreprocessSpec): [string, unknown][] {
  const out: [string, unknown][] = [];
  const walk = (prefix: string, value: unknown): void => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const k of Object.keys(value).sort()) walk(prefix ? `${prefix}.${k}` : k, (value as Record<string, unknown>)[k]);
    } else out.push([prefix, value]);
  };
  walk('', p);
  return out;
}

function preprocessChanges(a: PreprocessSpec, b: PreprocessSpec): ValueChange[] {
  const from = new Map(flatPreprocess(a));
  const to = new Map(flatPreprocess(b));
  return changed([...new Set([...from.keys(), ...to.keys()])].map((k): [string, unknown, unknown] => [k, from.get(k), to.get(k)]));
}

function changed(entries: [string, unknown, unknown][]): ValueChange[] {
  return entries.filter(([, x, y]) => JSON.stringify(x) !== JSON.stringify(y)).map(([name, from, to]) => ({ name, from: from ?? null, to: to ?? null }));
}

function metricChanges(a: RegistryMetadata, b: RegistryMetadata): MetricChange[] {
  const names = [...new Set([...Object.keys(b.metrics), ...Object.keys(a.metrics)])];
  return names.map((name) => {
    const from = a.metrics[name] ?? null;
    const to = b.metrics[name] ?? null;
    const lower = LOWER_IS_BETTER.has(name);
    const difference = from === null || to === null ? null : to - from;
    const verdict = difference === null ? 'unknown' : difference === 0 ? 'same' : (difference < 0) === lower ? 'better' : 'worse';
    const fi = a.intervals[name] ?? null;
    const ti = b.intervals[name] ?? null;
    return { name, from, to, from_interval: fi, to_interval: ti, difference, lower_is_better: lower, verdict, intervals_overlap: overlap(fi, ti) };
  });
}

function overlap(x: MetricChange['from_interval'], y: MetricChange['to_interval']): boolean | null {
  if (!x || !y || x.low === null || x.high === null || y.low === null || y.high === null) return null;
  return x.low <= y.high && y.low <= x.high;
}

function featureChanges(a: RegistryMetadata, b: RegistryMetadata): VersionDiff['features'] {
  const kinds = (m: RegistryMetadata) => new Map<string, FeatureKind>([
    ...m.features.numeric.map((n): [string, FeatureKind] => [n, 'numeric']),
    ...m.features.categorical.map((n): [string, FeatureKind] => [n, 'categorical']),
  ]);
  const ka = kinds(a);
  const kb = kinds(b);
  const out: VersionDiff['features'] = {
    target: { from: a.features.target, to: b.features.target },
    classes: { from: a.features.classes, to: b.features.classes },
    added: [],
    removed: [],
    kind_changed: [],
    unchanged: 0,
    input_columns: { from: a.features.input_columns, to: b.features.input_columns },
  };
  for (const [name, kind] of kb) {
    const before = ka.get(name);
    if (before === undefined) out.added.push({ name, kind });
    else if (before !== kind) out.kind_changed.push({ name, from: before, to: kind });
    else out.unchanged++;
  }
  for (const [name, kind] of ka) if (!kb.has(name)) out.removed.push({ name, kind });
  return out;
}
