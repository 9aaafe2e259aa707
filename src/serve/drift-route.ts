import type { FastifyInstance } from 'fastify';
import type { Fleet } from './fleet.js';
import { findSlot } from './predict-routes.js';

/** `GET /models/:name/drift`: not yet; live-traffic drift belongs to src/monitor. */
export function registerDriftRoute(app: FastifyInstance, deps: { fleet: Fleet }): void {
  app.get('/models/:name/drift', async (request, reply) => {
    const slot = findSlot(deps.fleet, (request.params as { name: string }).name);
    return reply.status(501).send({ error: `drift monitoring of ${slot.model} is not implemented yet`, hint: 'Compare versions\' training data with `pipepilot diff` meanwhile.' });
  });
}
