import type { FastifyError, FastifyInstance } from 'fastify';
import { DataError, PipePilotError } from '../errors.js';
import type { Logger } from '../ports.js';
import { RequestError } from './request-error.js';

/** The JSON every refused request gets: what is wrong, the field at fault, and what to do. Never a stack trace. */
export interface ErrorBody {
  error: string;
  field?: string;
  /** The 1-based record of the request at fault, when one is. */
  record?: number;
  hint?: string;
}

/**
 * Maps every failure to a status and an ErrorBody: our RequestErrors and DataErrors (a bad
 * record or column) are 4xx naming the field; fastify's own (body too large, wrong content type)
 * keep their 4xx; anything else is our bug, a 500 with a generic message, logged in full.
 */
export function useErrorReplies(app: FastifyInstance, log: Logger): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const { status, body } = describeFailure(err, request.routeOptions.bodyLimit);
    if (status >= 500 && status !== 503) log.warn(`${request.method} ${request.url}: internal error: ${err.stack ?? String(err)}`);
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => reply.status(404).send({ error: `no route ${request.method} ${request.url.split('?')[0]}`, hint: 'See GET /models and docs/serving.md for the routes.' } satisfies ErrorBody));
}

export function describeFailure(failure: unknown, bodyLimit?: number): { status: number; body: ErrorBody } {
  const err = failure as FastifyError;
  if (failure instanceof RequestError) return { status: failure.status, body: withHint({ error: failure.message, ...(failure.field ? { field: failure.field } : {}) }, failure.hint) };
  if (failure instanceof DataError) {
    // Messages start with the table's label ('request: record 2: …'); the label is ours, not the client's.
    const message = failure.message.replace(/^request: /, '');
    const at = { ...(failure.column !== undefined ? { field: failure.column } : {}), ...(failure.row !== undefined ? { record: failure.row } : {}) };
    return { status: 400, body: withHint({ error: message, ...at }, failure.hint) };
  }
  if (failure instanceof PipePilotError) return { status: 400, body: withHint({ error: failure.message }, failure.hint) };
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { status: 413, body: { error: `the body is larger than this route's limit of ${bodyLimit ?? '?'} bytes`, field: 'body', hint: 'Split the records into smaller batches, or use the /predict/batch route.' } };
  }
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return { status: 415, body: { error: 'unsupported content type; send application/json', field: 'content-type' } };
  }
  const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
  return status < 500 ? { status, body: { error: err.message } } : { status, body: { error: 'internal error; the server logged it', hint: 'Please report it with the request that caused it.' } };
}

function withHint(body: ErrorBody, hint: string | undefined): ErrorBody {
  return hint ? { ...body, hint } : body;
}
