import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';

/** How the stand-in answers one path: the bytes, with Range support; or a status; or cut after `cutAfter` bytes. */
export interface Route {
  body?: Uint8Array;
  status?: number;
  /** Send the headers (full Content-Length) and this many bytes, then close the connection: a cut download. */
  cutAfter?: number;
  /** Cut only the first this-many requests, then serve normally. Default: every request. */
  cutTimes?: number;
  /**
   * Stall: send the headers and this many bytes (or, with -1, no response at all), then hold the
   * connection open in silence until the client gives up. A download's stall watchdog must fire.
   */
  stallAfter?: number;
  /** Stall only the first this-many requests, then serve normally. Default: every request. */
  stallTimes?: number;
}

export interface DataServer {
  url: string;
  /** Every request seen: path and Range header. */
  requests: { path: string; range?: string; authorization?: string }[];
}

/**
 * A loopback HTTP file server for download tests: serves bytes with Range (206), or a fixed
 * status, or a response cut mid-body. Closed when the test ends.
 */
export async function dataServer(routes: Record<string, Route>): Promise<DataServer> {
  const requests: DataServer['requests'] = [];
  const cuts = new Map<string, number>();
  const stalls = new Map<string, number>();
  const server: Server = createServer((req: IncomingMessage, res) => {
    const path = req.url ?? '/';
    requests.push({ path, range: req.headers.range, authorization: req.headers.authorization });
    const route = routes[path];
    const stalledSoFar = stalls.get(path) ?? 0;
    const stall = route?.stallAfter !== undefined && stalledSoFar < (route.stallTimes ?? Infinity);
    if (stall) stalls.set(path, stalledSoFar + 1);
    if (stall && route.stallAfter === -1) return; // no answer at all; closeAllConnections ends it
    if (!route || route.status !== undefined || !route.body) {
      res.writeHead(route?.status ?? 404).end();
      return;
    }
    const body = route.body;
    const start = Number(/^bytes=(\d+)-$/.exec(req.headers.range ?? '')?.[1] ?? 0);
    if (start >= body.length && start > 0) {
      res.writeHead(416, { 'content-range': `bytes */${body.length}` }).end();
      return;
    }
    const part = body.subarray(start);
    const headers = { 'content-length': String(part.length), ...(start > 0 && { 'content-range': `bytes ${start}-${body.length - 1}/${body.length}` }) };
    res.writeHead(start > 0 ? 206 : 200, headers);
    if (stall) {
      res.write(part.subarray(0, route.stallAfter));
      return;
    }
    const cutSoFar = cuts.get(path) ?? 0;
    if (route.cutAfter !== undefined && cutSoFar < (route.cutTimes ?? Infinity)) {
      cuts.set(path, cutSoFar + 1);
      // A FIN (not a reset) after the bytes, so the client surely receives them before the early end.
      res.write(part.subarray(0, route.cutAfter), () => res.socket?.end());
      return;
    }
    res.end(part);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  onTestFinished(() => {
    server.closeAllConnections();
    return new Promise<void>((done) => server.close(() => done()));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}
