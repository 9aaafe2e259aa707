import type { FastifyInstance } from 'fastify';
import { RequestError } from './request-error.js';

/**
 * The only body parser: JSON (`application/json`, any charset), so any other content type is a
 * 415. A `__proto__` key is refused, naming it: harmless to our Map-based tables, but a classic
 * prototype-pollution probe no one sends by accident. The key check runs only when the text
 * could hold such a key (spelled out or \u-escaped), so big clean batches parse at full speed.
 */
export function useJsonBodies(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
}

export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') throw new RequestError(400, 'the body is empty; send a JSON object', { field: 'body' });
  const suspicious = text.includes('__proto__') || text.includes('\\u');
  try {
    return suspicious ? JSON.parse(text, refuseProto) : JSON.parse(text);
  } catch (err) {
    if (err instanceof RequestError) throw err;
    throw new RequestError(400, `the body is not valid JSON: ${(err as Error).message}`, { field: 'body', hint: 'Send application/json; NaN and Infinity are not JSON (send null for a missing value).' });
  }
}

function refuseProto(key: string, value: unknown): unknown {
  if (key === '__proto__') throw new RequestError(400, 'the key __proto__ is not allowed', { field: '__proto__' });
  return value;
}
