import { UsageError } from '../errors.js';
import { headlineMetricNames } from './headline-metrics.js';
import type { Manifest } from './manifest.js';
import type { RegistryMetadata } from './metadata.js';

/** A commit as `history` shows it: who and when (commit time, ISO 8601 with offset). */
export interface CommitInfo {
  commit: string;
  author: string;
  email: string;
  committed_at: string;
}

/** One change of an environment's manifest on the branch's first-parent line. */
export interface ManifestChange extends CommitInfo {
  subject: string;
  /** The version the manifest names after this commit; null when the commit removed the manifest or it is unreadable. */
  version: number | null;
  canary: { version: number; weight: number } | null;
  reason: string | null;
  /** Why the manifest at this commit could not be read (then version is null). */
  problem?: string;
}

export interface EnvironmentTimeline {
  env: string;
  /** Newest first. */
  changes: ManifestChange[];
}

export interface VersionRecord {
  version: number;
  /** metadata.json's `created_at` (the registering clock). */
  created_at: string | null;
  /** The commit that added the version's metadata.json; null when history does not reach it (a shallow clone). */
  registered: CommitInfo | null;
  metrics: Record<string, { value: number | null; low: number | null; high: number | null }>;
  gates: { passed: boolean; failed: number; total: number; overridden: boolean } | null;
  baseline_version: number | null;
  /** Environments serving this version at the moment shown (now, or `--at`). */
  deployed: { env: string; role: 'serving' | 'canary'; weight?: number }[];
  /** Why metadata.json could not be read (then metrics and gates are empty). */
  problem?: string;
}

export interface ModelHistory {
  model: string;
  /** The moment shown: undefined for now (HEAD), else `--at` as an ISO instant. */
  at?: string;
  /** Table columns: the newest version's headline metrics. */
  headline: string[];
  /** Newest first; with `at`, only versions registered by then (and those whose registration is unknown). */
  versions: VersionRecord[];
  /** Per environment (sorted by name); with `at`, only changes up to then. */
  environments: (EnvironmentTimeline & { current: ManifestChange | null })[];
}

export interface HistoryInput {
  model: string;
  /** Epoch milliseconds of `--at`, or undefined for now. */
  atMs?: number;
  versions: { version: number; metadata?: RegistryMetadata; problem?: string; registered?: CommitInfo }[];
  timelines: EnvironmentTimeline[];
}

/** Assembles what `history` shows from what the use case read. Pure. */
export function buildHistory(input: HistoryInput): ModelHistory {
  const atMs = input.atMs;
  const timelines = input.timelines
    .map((t) => ({ env: t.env, changes: atMs === undefined ? t.changes : t.changes.filter((c) => Date.parse(c.committed_at) <= atMs) }))
    .sort((a, b) => (a.env < b.env ? -1 : 1));
  const environments = timelines.map((t) => ({ ...t, current: t.changes[0] ?? null }));
  const versions = input.versions
    .filter((v) => atMs === undefined || v.registered === undefined || Date.parse(v.registered.committed_at) <= atMs)
    .sort((a, b) => b.version - a.version);
  const newest = versions.find((v) => v.metadata)?.metadata;
  const headline = newest ? headlineMetricNames(newest) : [];
  return {
    model: input.model,
    ...(atMs === undefined ? {} : { at: new Date(atMs).toISOString() }),
    headline,
    versions: versions.map((v) => versionRecord(v, headline, environments)),
    environments,
  };
}

function versionRecord(v: HistoryInput['versions'][number], headline: string[], envs: ModelHistory['environments']): VersionRecord {
  const m = v.metadata;
  const deployed: VersionRecord['deployed'] = [];
  for (const { env, current } of envs) {
    if (current?.version === v.version) deployed.push({ env, role: 'serving' });
    if (current?.canary?.version === v.version) deployed.push({ env, role: 'canary', weight: current.canary.weight });
  }
  const metrics: VersionRecord['metrics'] = {};
  for (const name of headline) {
    if (!m || !(name in m.metrics)) continue;
    metrics[name] = { value: m.metrics[name], low: m.intervals[name]?.low ?? null, high: m.intervals[name]?.high ?? null };
  }
  return {
    version: v.version,
    created_at: m?.created_at ?? null,
    registered: v.registered ?? null,
    metrics,
    gates: m ? { passed: m.gates_passed, failed: m.gates.filter((g) => g.status === 'failed').length, total: m.gates.length, overridden: m.override !== null } : null,
    baseline_version: m?.baseline_version ?? null,
    deployed,
    ...(v.problem ? { problem: v.problem } : {}),
  };
}

/** A manifest change from its commit and the manifest text at that commit (undefined: removed there). */
export function manifestChange(commit: CommitInfo & { subject: string }, manifest: Manifest | undefined | { problem: string }): ManifestChange {
  if (manifest === undefined) return { ...commit, version: null, canary: null, reason: null };
  if ('problem' in manifest) return { ...commit, version: null, canary: null, reason: null, problem: manifest.problem };
  return { ...commit, version: manifest.version, canary: manifest.canary ?? null, reason: manifest.reason };
}

// 2026-11-01, 2026-11-01T12:00, 2026-11-01 12:00:30.5, …Z, …+02:00
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * `--at` as epoch milliseconds. An ISO 8601 date or date-time; without an offset it is UTC (so
 * an answer does not depend on the machine's time zone), and a bare date is its first instant.
 */
export function parseInstant(text: string, option = '--at'): number {
  const m = INSTANT.exec(text.trim());
  const fail = () =>
    new UsageError(`${option} '${text}' is not a date or time`, {
      hint: 'Use an ISO 8601 date or date-time, e.g. 2026-11-01, 2026-11-01T12:00 (UTC) or 2026-11-01T12:00:00+01:00.',
    });
  if (!m) throw fail();
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
  const fields = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)] as const;
  const utc = Date.UTC(...fields, Number(frac.slice(0, 3).padEnd(3, '0')));
  const check = new Date(utc);
  // Date.UTC rolls 2026-02-30 over to March: a field that changed was out of range.
  if (check.getUTCFullYear() !== fields[0] || check.getUTCMonth() !== fields[1] || check.getUTCDate() !== fields[2] || check.getUTCHours() !== fields[3] || check.getUTCMinutes() !== fields[4] || check.getUTCSeconds() !== fields[5]) {
    throw fail();
  }
  if (!zone || zone === 'Z') return utc;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMin = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  if (Number(digits.slice(0, 2)) > 23 || Number(digits.slice(2)) > 59) throw fail();
  return utc - sign * offsetMin * 60_000;
}
