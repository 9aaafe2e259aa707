import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';

/** A GET's response: status and the body as a node stream. */
export interface GetResponse {
  status: number;
  /** Response headers, names in lower case (a ranges read checks Content-Range and ETag). */
  headers: IncomingHttpHeaders;
  body: Readable;
  /** Drops the body without reading it. */
  discard(): void;
}

/** `signal` aborts the request, before or during the body (a download's stall watchdog). */
export type HttpGet = (url: string, headers: Record<string, string>, signal?: AbortSignal) => Promise<GetResponse>;

const MAX_REDIRECTS = 5;

/**
 * GET with node:http(s) rather than fetch: a WHATWG stream that errors drops the chunks it had
 * queued, so bytes that arrived before a cut would be lost to the resume; an IncomingMessage in
 * flowing mode emits each chunk as it is parsed, before it reports the early end. Follows up to 5 redirects
 * (release assets redirect to storage), dropping Authorization when the origin changes.
 */
export const httpGet: HttpGet = async (url, headers, signal) => {
  let current = new URL(url);
  let sent = { ...headers };
  for (let hop = 0; ; hop++) {
    const res = await getOnce(current, sent, signal);
    const location = res.headers.location;
    if (res.statusCode === undefined || ![301, 302, 303, 307, 308].includes(res.statusCode) || location === undefined || hop === MAX_REDIRECTS) {
      return { status: res.statusCode ?? 0, headers: res.headers, body: res, discard: () => res.destroy() };
    }
    res.destroy();
    const next = new URL(location, current);
    if (next.origin !== current.origin) {
      const { authorization: _dropped, ...rest } = sent;
      sent = rest;
    }
    current = next;
  }
};

function getOnce(url: URL, headers: Record<string, string>, signal: AbortSignal | undefined): Promise<IncomingMessage> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, { method: 'GET', headers, ...(signal && { signal }) }, resolve);
    req.on('error', reject);
    req.end();
  });
}
