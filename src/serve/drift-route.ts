import type { FastifyInstance } from 'fastify';
import type { Fleet } from './fleet.js';
import type { LoadedVersion } from './loaded-version.js';
import type { ModelSlot } from './model-slot.js';
import { findSlot } from './predict-routes.js';
import { notReady } from './score-request.js';
import type { ServeMetrics } from './serve-metrics.js';

/**
 * `GET /models/:name/drift`: the main version's live inputs against its training reference
 * (PSI per feature, highest first), and the canary's under `canary` when one is served. Each
 * loaded version counts only the rows it scored, so a newly swapped-in version starts empty.
 */
export function registerDriftRoute(app: FastifyInstance, deps: { fleet: Fleet }): void {
  app.get('/models/:name/drift', async (request) => {
    const slot = findSlot(deps.fleet, (request.params as { name: string }).name);
    const serving = slot.serving;
    if (!serving) throw notReady(slot);
    return {
      ...versionDrift(serving.main),
      ...(serving.canary ? { canary: { ...versionDrift(serving.canary.version), weight: serving.canary.weightPercent } } : {}),
    };
  });
}

function versionDrift(loaded: LoadedVersion): Record<string, unknown> {
  const head = { model: loaded.model, version: loaded.version };
  if (!loaded.drift) return { ...head, rows: 0, insufficient_data: true, features: [], problem: loaded.driftProblem ?? 'no drift window' };
  const s = loaded.drift.snapshot();
  return {
    ...head,
    rows: s.rows,
    threshold: s.threshold,
    window_rows: s.window_rows,
    ...(s.insufficient_data ? { insufficient_data: true, min_rows: s.min_rows } : {}),
    flagged: s.flagged,
    features: s.features,
  };
}

/**
 * Sets the drift gauges from every served version's window, called when /metrics is scraped.
 * PSI is exported only once a window holds enough rows (sampling noise would page someone);
 * series of versions no longer served are dropped by the reset.
 */
export function updateDriftGauges(fleet: Fleet, metrics: ServeMetrics): void {
  metrics.featurePsi.reset();
  metrics.driftFlagged.reset();
  for (const slot of fleet.slots.values()) {
    for (const loaded of servedVersions(slot)) {
      const s = loaded.drift?.snapshot();
      if (!s) continue;
      const labels = { model: loaded.model, version: String(loaded.version) };
      metrics.driftFlagged.set(labels, s.flagged.length);
      if (s.insufficient_data) continue;
      for (const f of s.features) if (f.psi !== null) metrics.featurePsi.set({ ...labels, feature: f.name }, f.psi);
    }
  }
}

function servedVersions(slot: ModelSlot): LoadedVersion[] {
  const s = slot.serving;
  return s ? [s.main, ...(s.canary ? [s.canary.version] : [])] : [];
}
