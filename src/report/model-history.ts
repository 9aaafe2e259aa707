import type { ManifestChange, ModelHistory, VersionRecord } from '../registry/model-history.js';
import { num } from './run-report.js';

/**
 * `pipepilot history` for a terminal: the versions as an aligned table (newest first), then
 * each environment's timeline. With `--at`, a first line says what every environment ran then.
 */
export function renderHistory(h: ModelHistory): string {
  const out: string[] = [];
  const count = `${h.versions.length} version${h.versions.length === 1 ? '' : 's'}`;
  out.push(h.at ? `${h.model} as of ${h.at}: ${count} registered by then` : `${h.model}: ${count}`);
  if (h.at) {
    for (const e of h.environments) out.push(`  ${e.env}: ${e.current ? runningAt(e.current) : 'not deployed'}`);
  }
  if (h.versions.length > 0) out.push('', alignColumns([
    ['version', 'registered', 'by', ...h.headline, 'gates', h.at ? 'deployed then' : 'deployed'],
    ...h.versions.map((v) => versionRow(v, h.headline)),
  ]));
  for (const e of h.environments) {
    out.push('', `${e.env}${e.changes.length === 0 ? ': no manifest by then' : ''}`);
    if (e.changes.length > 0) out.push(alignColumns(e.changes.map(changeRow), '  '));
  }
  return out.join('\n') + '\n';
}

function versionRow(v: VersionRecord, headline: string[]): string[] {
  const gates = !v.gates
    ? '—'
    : v.gates.total === 0
      ? 'none'
      : `${v.gates.passed ? 'passed' : 'FAILED'} ${v.gates.total - v.gates.failed}/${v.gates.total}${v.gates.overridden ? ' (forced)' : ''}`;
  const deployed = v.deployed.map((d) => (d.role === 'canary' ? `${d.env} (canary ${d.weight}%)` : d.env)).join(', ');
  return [
    `v${v.version}`,
    v.registered ? shortTime(v.registered.committed_at) : '—',
    v.registered?.author ?? '—',
    ...headline.map((name) => num(v.metrics[name]?.value)),
    v.problem ? `unreadable: ${v.problem}` : gates,
    deployed,
  ];
}

function changeRow(c: ManifestChange): string[] {
  const what = c.problem ? `unreadable (${c.problem})` : c.version === null ? 'removed' : `v${c.version}${c.canary ? ` + canary v${c.canary.version} at ${c.canary.weight}%` : ''}`;
  return [shortTime(c.committed_at), what, c.author, c.commit.slice(0, 12), c.subject];
}

function runningAt(c: ManifestChange): string {
  if (c.version === null) return c.problem ? `unreadable manifest (${c.problem})` : 'manifest removed (not deployed)';
  const canary = c.canary ? ` with canary v${c.canary.version} at ${c.canary.weight}%` : '';
  return `v${c.version}${canary} (since ${c.committed_at}, ${c.commit.slice(0, 12)} by ${c.author})`;
}

/**
 * `2026-11-01T12:00:05+01:00` → `2026-11-01 12:00:05 +01:00`: the committer's own clock, to the
 * second — a promotion and its rollback often land in the same minute, and `--at` needs the
 * seconds to tell them apart (issue 14).
 */
function shortTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)(.*)$/.exec(iso);
  return m ? `${m[1]} ${m[2]} ${m[3] === 'Z' ? '+00:00' : m[3]}` : iso;
}

/** Rows as text columns padded to the widest cell; the last column is not padded. */
function alignColumns(rows: string[][], indent = ''): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => indent + r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ').trimEnd()).join('\n');
}
