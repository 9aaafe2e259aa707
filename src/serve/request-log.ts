import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock, Logger } from '../ports.js';

export type LogFormat = 'text' | 'json';

export interface RequestLogOptions {
  /** Where each line goes (the shell: stdout). */
  write: (line: string) => void;
  clock: Clock;
  /** Include the request's body (the feature values) in its line; off by default, since inputs may be personal data. */
  logInputs: boolean;
  /** Which model and version answered a request, when one did. */
  answerOf: (request: FastifyRequest) => { model: string; version: string } | undefined;
}

/**
 * `--log-format json`: one JSON line per request, written when its answer has been sent
 * (method, route, path, status, duration, model and version that answered, request id, body
 * size), and nothing else about it: no feature values unless `--log-inputs`. Probes and
 * scrapes (`/healthz`, `/readyz`, `/ping`, `/metrics`) are not logged, so a quiet server's log
 * is not drowned by its kubelet.
 */
export function useRequestLog(app: FastifyInstance, opts: RequestLogOptions): void {
  app.addHook('onResponse', async (request, reply) => {
    const path = request.url.split('?')[0];
    if (QUIET.has(path)) return;
    const answer = opts.answerOf(request);
    const id = request.headers['x-request-id'];
    const line: Record<string, unknown> = {
      time: new Date(opts.clock.now()).toISOString(),
      level: reply.statusCode >= 500 ? 'error' : 'info',
      msg: 'request',
      method: request.method,
      route: request.routeOptions.url ?? null,
      path,
      status: reply.statusCode,
      duration_ms: Math.round(reply.elapsedTime * 1000) / 1000,
      model: answer?.model ?? null,
      version: answer ? Number(answer.version) : null,
      request_id: typeof id === 'string' ? id.slice(0, 200) : null,
      bytes_in: Number(request.headers['content-length'] ?? 0) || 0,
    };
    if (opts.logInputs && request.body !== undefined) line.inputs = request.body;
    opts.write(`${JSON.stringify(line)}\n`);
  });
}

const QUIET = new Set(['/healthz', '/readyz', '/ping', '/metrics']);

/** The server's own messages (loads, swaps, refusals) in the chosen format: plain lines, or JSON lines like the request log's. */
export function formatLogger(format: LogFormat, clock: Clock, write: (line: string) => void): Logger {
  if (format === 'text') return { info: (m) => write(`${m}\n`), warn: (m) => write(`warning: ${m}\n`) };
  const line = (level: string, msg: string) => write(`${JSON.stringify({ time: new Date(clock.now()).toISOString(), level, msg })}\n`);
  return { info: (m) => line('info', m), warn: (m) => line('warn', m) };
}
