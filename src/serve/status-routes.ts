import type { FastifyInstance } from 'fastify';
import { updateDriftGauges } from './drift-route.js';
import type { Fleet } from './fleet.js';
import type { ModelSlot } from './model-slot.js';
import type { ServeMetrics } from './serve-metrics.js';

/** `GET /models`, `/healthz`, `/readyz` and `/metrics`. */
export function registerStatusRoutes(app: FastifyInstance, deps: { fleet: Fleet; metrics: ServeMetrics; beforeScrape?: () => void }): void {
  const { fleet } = deps;
  app.get('/healthz', async () => ({ status: 'ok' }));

  // `problem`: the last read of the deployments failed (e.g. the git remote is unreachable);
  // every model listed keeps serving what it had.
  app.get('/models', async () => {
    const problem = fleet.status().problem;
    return { models: [...fleet.slots.values()].map(describeSlot), ...(problem ? { problem } : {}) };
  });

  // Ready when at least one model is deployed and every deployed model serves a verified, warmed-up version. A refused newer version
  // (bad manifest, digest mismatch) is reported but does not make the server unready while the
  // previous one serves: pulling every replica out of the load balancer would turn a refused
  // deployment into an outage.
  app.get('/readyz', async (_request, reply) => {
    const r = readiness(fleet);
    return reply.status(r.ready ? 200 : 503).send(r);
  });
  // SageMaker's health check: the same answer as /readyz.
  app.get('/ping', async (_request, reply) => {
    const r = readiness(fleet);
    return reply.status(r.ready ? 200 : 503).send(r);
  });

  app.get('/metrics', async (_request, reply) => {
    updateDriftGauges(fleet, deps.metrics);
    deps.beforeScrape?.();
    const text = await deps.metrics.registry.metrics();
    return reply.type(deps.metrics.registry.contentType).send(text);
  });
}

function readiness(fleet: Fleet): Record<string, unknown> & { ready: boolean } {
  const status = fleet.status();
  const models = [...fleet.slots.values()].map((s) => ({ name: s.model, version: s.serving?.main.version ?? null, ...(s.problem ? { problem: s.problem } : {}) }));
  const waiting = models.filter((m) => m.version === null).map((m) => `${m.name}: not loaded${m.problem ? ` (${m.problem})` : ''}`);
  // Nothing deployed is not ready: a typo'd --env would otherwise pass every readiness probe and 503 every prediction.
  const nothing = status.refreshed && models.length === 0 ? [status.nothingDeployed ?? 'no model is deployed in this environment'] : [];
  const why = !status.refreshed ? [status.problem ?? 'the deployments have not been read yet'] : [...nothing, ...waiting];
  const ready = why.length === 0;
  return { ready, ...(ready ? {} : { why }), ...(status.problem ? { problem: status.problem } : {}), models };
}

function describeSlot(slot: ModelSlot): Record<string, unknown> {
  const s = slot.serving;
  return {
    name: slot.model,
    version: s?.main.version ?? null,
    canary: s?.canary ? { version: s.canary.version.version, weight: s.canary.weightPercent } : null,
    loaded_at: s ? new Date(s.main.loadedAtMs).toISOString() : null,
    // Nothing is served unless every artifact matched metadata.json's digest when it was read.
    digests_verified: s !== undefined,
    revision: slot.revision ?? null,
    ...(slot.problem ? { problem: slot.problem } : {}),
  };
}
