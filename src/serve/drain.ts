import net from 'node:net';
import type { FastifyInstance } from 'fastify';

export interface DrainOptions {
  /** Requests served at once; beyond it a request gets 503 with `Retry-After: 1` at once (0: no limit). */
  maxConcurrent: number;
}

/** The count of requests in flight and the drain switch, installed on an app before it listens. */
export interface Drain {
  readonly inFlight: number;
  readonly draining: boolean;
  /**
   * Stops accepting connections, lets requests in flight finish (each answered with
   * `Connection: close`, so keep-alive clients reconnect elsewhere) until every connection has
   * ended, then closes the app (which unloads the models). After `timeoutMs` the remaining
   * connections are cut. Resolves with the requests still in flight when it gave up (0 when
   * everything finished).
   */
  drainAndClose(timeoutMs: number): Promise<number>;
}

/**
 * Graceful shutdown and the concurrency limit, both built on one count of requests in flight.
 *
 * Why not fastify's own `return503OnClosing`: a request arriving on an open keep-alive
 * connection while closing would get a 503, and a load balancer that has not yet seen the pod
 * leave counts that as a failed request. Here such a request is served and its answer closes the
 * connection; only new connections are refused (the listener is closed), which a client or
 * proxy retries elsewhere without the request ever having been accepted. While draining,
 * `/readyz` and `/ping` say 503 `draining`, so Kubernetes and SageMaker stop routing here.
 */
export function useDrain(app: FastifyInstance, opts: DrainOptions): Drain {
  let inFlight = 0;
  let draining = false;
  app.addHook('onRequest', async (request, reply) => {
    if (draining) {
      reply.header('connection', 'close');
      if (request.url === '/readyz' || request.url === '/ping') return reply.status(503).send({ ready: false, why: ['draining: the server is shutting down'] });
    }
    if (opts.maxConcurrent > 0 && inFlight >= opts.maxConcurrent && !isStatusRoute(request.url)) {
      return reply.status(503).header('retry-after', '1').send({ error: `busy: ${opts.maxConcurrent} requests in flight (--max-concurrent-requests)`, hint: 'Retry shortly, or add replicas.' });
    }
    inFlight += 1;
    (request as { pipepilotCounted?: boolean }).pipepilotCounted = true;
  });
  const done = async (request: object) => {
    if (!(request as { pipepilotCounted?: boolean }).pipepilotCounted) return;
    (request as { pipepilotCounted?: boolean }).pipepilotCounted = false;
    inFlight -= 1;
  };
  app.addHook('onResponse', async (request) => done(request));
  app.addHook('onRequestAbort', async (request) => done(request));

  return {
    get inFlight() {
      return inFlight;
    },
    get draining() {
      return draining;
    },
    async drainAndClose(timeoutMs) {
      draining = true;
      // net.Server's close, not http.Server's: since Node 19 the latter also cuts idle keep-alive
      // sockets at once, racing a request a client is just sending on one. This one only stops
      // accepting, and calls back once every connection has ended: each is closed by the answer
      // to its next request (`Connection: close` above), or cut when the time is up.
      const allClosed = new Promise<boolean>((wake) => net.Server.prototype.close.call(app.server, () => wake(true)));
      let timer: NodeJS.Timeout | undefined;
      const expired = new Promise<boolean>((wake) => (timer = setTimeout(() => wake(false), timeoutMs)));
      await Promise.race([allClosed, expired]);
      clearTimeout(timer);
      const left = inFlight;
      app.server.closeAllConnections();
      await app.close();
      return left;
    },
  };
}

// Probes and scrapes are cheap and must answer even when the server is saturated.
function isStatusRoute(url: string): boolean {
  return url === '/healthz' || url === '/readyz' || url === '/ping' || url === '/metrics';
}
