import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';

/** How the stand-in serves one file. */
export interface RangeRoute {
  body?: Uint8Array;
  /** A fixed status for every request (404, 403, 503 ...). */
  status?: number;
  /** Answer Range requests with 200 and the whole body, as a server without Range support does. */
  ignoreRange?: boolean;
  /** Send only half the bytes a range promises, then end the connection, for the first this-many range requests. */
  truncateTimes?: number;
  /** After this many requests, serve `replacement` instead (a new ETag): the file replaced mid-read. */
  replaceAfter?: number;
  replacement?: Uint8Array;
  /** Answer the first this-many requests with 503 (a busy store), then serve normally. */
  unavailableTimes?: number;
  /** Honour If-Match with 412 (S3 does). Default true; false checks the client's own ETag comparison. */
  honourIfMatch?: boolean;
}

export interface RangeRequestLog {
  path: string;
  range?: string;
  ifMatch?: string;
  authorization?: string;
  status: number;
  /** Body bytes sent. */
  sent: number;
}

export interface RangeServer {
  url: string;
  requests: RangeRequestLog[];
  /** Body bytes sent in all. */
  bytesSent(): number;
}

function etagOf(body: Uint8Array): string {
  return `"${createHash('md5').update(body).digest('hex')}"`;
}

/** `bytes=a-b`, `bytes=a-` or `bytes=-n` against a body of `size` bytes; undefined when unsatisfiable. */
function parseRange(header: string, size: number): { start: number; end: number } | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header);
  if (m === null || (m[1] === '' && m[2] === '')) return undefined;
  if (m[1] === '') return size === 0 ? undefined : { start: Math.max(0, size - Number(m[2])), end: size };
  const start = Number(m[1]);
  const end = m[2] === '' ? size : Math.min(size, Number(m[2]) + 1);
  return start < size && start < end ? { start, end } : undefined;
}

/**
 * A loopback HTTP file server with real Range semantics (RFC 9110: suffix and explicit ranges,
 * Content-Range, ETag, If-Match → 412) and the failures a ranges read must meet; it counts what
 * it sends. Closed when the test ends.
 */
export async function rangeServer(routes: Record<string, RangeRoute>): Promise<RangeServer> {
  const requests: RangeRequestLog[] = [];
  const seen = new Map<string, number>();
  const truncated = new Map<string, number>();
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    const n = (seen.get(path) ?? 0) + 1;
    seen.set(path, n);
    const log: RangeRequestLog = {
      path, range: req.headers.range, ifMatch: req.headers['if-match'] as string | undefined,
      authorization: req.headers.authorization, status: 0, sent: 0,
    };
    requests.push(log);
    const route = routes[path];
    const send = (status: number, headers: Record<string, string>, body?: Uint8Array, cut = false) => {
      log.status = status;
      res.writeHead(status, headers);
      if (body === undefined) return void res.end();
      const part = cut ? body.subarray(0, Math.floor(body.length / 2)) : body;
      log.sent = part.length;
      if (cut) res.write(part, () => res.socket?.end());
      else res.end(part);
    };
    if (!route || route.status !== undefined || !route.body) return send(route?.status ?? 404, {});
    if (n <= (route.unavailableTimes ?? 0)) return send(503, {});
    const body = route.replaceAfter !== undefined && n > route.replaceAfter && route.replacement ? route.replacement : route.body;
    const etag = etagOf(body);
    const common = { etag, 'last-modified': 'Mon, 07 Dec 2026 00:00:00 GMT', 'accept-ranges': route.ignoreRange ? 'none' : 'bytes' };
    const ifMatch = req.headers['if-match'];
    if (ifMatch !== undefined && ifMatch !== etag && (route.honourIfMatch ?? true)) return send(412, {});
    if (req.headers.range === undefined || route.ignoreRange) {
      return send(200, { ...common, 'content-length': String(body.length) }, body);
    }
    const range = parseRange(req.headers.range, body.length);
    if (range === undefined) return send(416, { 'content-range': `bytes */${body.length}` });
    const cutSoFar = truncated.get(path) ?? 0;
    const cut = cutSoFar < (route.truncateTimes ?? 0);
    if (cut) truncated.set(path, cutSoFar + 1);
    return send(206, {
      ...common, 'content-length': String(range.end - range.start), 'content-range': `bytes ${range.start}-${range.end - 1}/${body.length}`,
    }, body.subarray(range.start, range.end), cut);
  };
  const server: Server = createServer(handle);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  onTestFinished(() => {
    server.closeAllConnections();
    return new Promise<void>((done) => server.close(() => done()));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    bytesSent: () => requests.reduce((n, r) => n + r.sent, 0),
  };
}
