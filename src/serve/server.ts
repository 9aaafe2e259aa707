import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { Registry } from 'prom-client';
import type { DriftWindowOptions } from '../monitor/drift-window.js';
import type { Clock, Logger } from '../ports.js';
import { Rng } from '../rng.js';
import type { LoadDeployment } from './deployment-source.js';
import { registerDriftRoute } from './drift-route.js';
import { useErrorReplies } from './error-reply.js';
import { createFleet, type Fleet, type RefreshReport } from './fleet.js';
import { useCsvBodies } from './csv-body.js';
import { useJsonBodies } from './json-body.js';
import { createLiveMetrics } from './live-metrics.js';
import { liveRecorder, registerLiveRoutes, updateLiveGauges } from './live-routes.js';
import type { LiveOptions } from './loaded-version.js';
import { SINGLE_BODY_LIMIT_BYTES, registerPredictRoutes } from './predict-routes.js';
import { createServeMetrics } from './serve-metrics.js';
import { registerStatusRoutes } from './status-routes.js';

export interface ServerDeps {
  /** Reads what the environment serves now (from git, in the shell). */
  loadDeployment: LoadDeployment;
  clock: Clock;
  log: Logger;
  /** Seeded; draws the canary split for requests without an `x-request-id`. Default seed 0. */
  rng?: Rng;
  /** Where the Prometheus series go (a fresh `new Registry()` per server). */
  metrics: Registry;
  /**
   * Drift settings per model: `psiMax` is the pipeline's `deploy.drift.psi_max` (default 0.2),
   * window and minimum rows default to 10,000 and 100.
   */
  drift?: (model: string) => DriftWindowOptions;
  /** Sizes of each version's live-outcome window (predictions kept for labels, judged window). */
  live?: LiveOptions;
  /** Body size limits in bytes (`--max-body-bytes`, `--max-batch-body-bytes`); default 1 MiB and 32 MiB. */
  limits?: { singleBytes?: number; batchBytes?: number };
}

/** The fastify app, plus `refresh` (the poller calls it; tests call it instead of waiting) and the fleet of model slots. */
export type ServeApp = FastifyInstance & {
  refresh(): Promise<RefreshReport>;
  fleet: Fleet;
  /** Which model and version answered a request (for the request log), when one did. */
  answerOf(request: FastifyRequest): { model: string; version: string } | undefined;
};

/**
 * The inference server, not yet listening (the shell listens, tests listen on port 0). Nothing
 * is loaded until the first `refresh()`; closing the app unloads every model.
 */
export function createServer(deps: ServerDeps): ServeApp {
  const metrics = createServeMetrics(deps.metrics);
  const fleet = createFleet({ loadDeployment: deps.loadDeployment, clock: deps.clock, log: deps.log, metrics, ...(deps.drift ? { drift: deps.drift } : {}), ...(deps.live ? { live: deps.live } : {}) });
  const liveMetrics = createLiveMetrics(deps.metrics);
  const live = liveRecorder();
  const app = Fastify({ logger: false, bodyLimit: deps.limits?.singleBytes ?? SINGLE_BODY_LIMIT_BYTES, return503OnClosing: true });
  useJsonBodies(app);
  useCsvBodies(app);
  useErrorReplies(app, deps.log);

  // Which model and version answered each request, for the request metrics (set by the predict routes).
  const answers = new WeakMap<FastifyRequest, { model: string; version: string }>();
  app.addHook('onResponse', async (request, reply) => {
    const answer = answers.get(request);
    const name = (request.params as { name?: unknown } | undefined)?.name;
    const labels = {
      model: answer?.model ?? (typeof name === 'string' && fleet.slots.has(name) ? name : ''),
      version: answer?.version ?? '',
      route: request.routeOptions.url ?? 'unmatched',
      status: String(reply.statusCode),
    };
    metrics.requests.inc(labels);
    metrics.latency.observe(labels, reply.elapsedTime / 1000);
    live.onResponse(request, reply);
  });

  registerPredictRoutes(app, { fleet, rng: deps.rng ?? new Rng(0), metrics, answered: (request, s) => answers.set(request, { model: s.model, version: String(s.version) }), routed: live.routed, ...(deps.limits ? { limits: deps.limits } : {}) });
  registerStatusRoutes(app, { fleet, metrics, beforeScrape: () => updateLiveGauges(fleet, liveMetrics) });
  registerDriftRoute(app, { fleet });
  registerLiveRoutes(app, { fleet });
  app.addHook('onClose', async () => fleet.close());
  return Object.assign(app, { refresh: () => fleet.refresh(), fleet, answerOf: (request: FastifyRequest) => answers.get(request) });
}
