import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';
import {
  ROUTES, type Reply, type StandInState, type StoredArtifact, type StoredComment, type StoredIssue, type StoredPull,
} from './github-stand-in-routes.js';

export type { StoredArtifact, StoredComment, StoredIssue, StoredPull };

export interface RecordedRequest {
  method: string;
  /** Path and query as sent. */
  path: string;
  /** The route template it matched, e.g. `POST /repos/{owner}/{repo}/pulls`; undefined when none did. */
  route?: string;
}

export interface Fault {
  /** How many of the next requests to this route fail. Default 1. */
  times?: number;
  headers?: Record<string, string>;
  message?: string;
  /** Let the request take effect first, then answer with the fault (a 502 after the write happened). */
  afterEffect?: boolean;
}

export interface GitHubStandIn {
  baseUrl: string;
  owner: string;
  repo: string;
  token: string;
  /** Live state: tests read it to assert "one comment, updated" or "PR opened once". */
  comments: StoredComment[];
  pulls: StoredPull[];
  artifacts: StoredArtifact[];
  /** Issues (not pull requests), e.g. the monitor's alert issues. */
  issues: StoredIssue[];
  requests: RecordedRequest[];
  /** How many requests matched `route`. */
  count(route: string): number;
  addComment(c: { issueNumber: number; body: string; login: string }): StoredComment;
  addPull(p: { head: string; base?: string; title?: string; body?: string; files?: StoredPull['files'] }): StoredPull;
  addArtifact(a: { name: string; workflowRunId: number; expired?: boolean }): StoredArtifact;
  /** The next `times` requests to `route` get `status` instead of their answer. */
  failNext(route: string, status: number, fault?: Fault): void;
  /** Runs `fn` just before the next request to `route` is handled (a racing run's write). */
  beforeNext(route: string, fn: () => void): void;
  /**
   * Presses the merge button on pull request `number` (over HTTP, as a person's browser would):
   * merges it in `origin` (given to `githubStandIn`). Returns GitHub's status and message.
   */
  merge(number: number): Promise<{ status: number; sha?: string; message: string }>;
}

const DEFAULT_MESSAGES: Record<number, string> = {
  403: 'Resource not accessible by integration',
  404: 'Not Found',
  422: 'Validation Failed',
  429: 'You have exceeded a secondary rate limit.',
};

/**
 * A loopback HTTP server for the GitHub REST routes PipePilot calls, keeping state, so Octokit is
 * tested over real HTTP through its base URL (nock cannot intercept Octokit's fetch). Requests
 * must carry the token, as GitHub's do. Closed when the test ends.
 */
export async function githubStandIn(
  options: { owner?: string; repo?: string; token?: string; viewer?: string; installationToken?: boolean; origin?: string } = {},
): Promise<GitHubStandIn> {
  const token = options.token ?? 'ghs_standInToken0123456789abcdefABCDEF';
  const viewer = options.installationToken ? undefined : (options.viewer ?? 'pipepilot-bot');
  const state: StandInState = {
    baseUrl: '',
    owner: options.owner ?? 'octo-org',
    repo: options.repo ?? 'churn-models',
    viewer,
    author: viewer ?? 'github-actions[bot]',
    comments: [],
    pulls: [],
    artifacts: [],
    issues: [],
    nextId: 1,
    origin: options.origin,
  };
  const requests: RecordedRequest[] = [];
  const faults = new Map<string, (Fault & { status: number })[]>();
  const before = new Map<string, (() => void)[]>();
  const templates = Object.keys(ROUTES).map((route) => ({ route, ...compile(route) }));

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', state.baseUrl);
    const method = req.method ?? 'GET';
    const match = templates.map((t) => ({ t, m: t.method === method ? t.regex.exec(url.pathname) : null })).find((x) => x.m);
    requests.push({ method, path: url.pathname + url.search, route: match?.t.route });
    if (req.headers.authorization !== `token ${token}`) return send(res, { status: 401, body: { message: 'Bad credentials' } });
    const groups = match?.m?.groups ?? {};
    const otherRepo = match?.t.route.includes('{owner}') && (groups.owner !== state.owner || groups.repo !== state.repo);
    if (!match || otherRepo) return send(res, { status: 404, body: { message: 'Not Found' } });
    const route = match.t.route;
    before.get(route)?.shift()?.();
    const fault = faults.get(route)?.[0];
    if (fault && --fault.times! <= 0) faults.get(route)!.shift();
    const body = await readJson(req);
    if (fault && !fault.afterEffect) return sendFault(res, fault);
    const reply = ROUTES[route](state, groups, url.searchParams, body);
    if (fault) return sendFault(res, fault);
    return send(res, reply, url);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => send(res, { status: 500, body: { message: String(err) } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  onTestFinished(async () => {
    // Octokit's fetch keeps connections alive; close them, or close() waits for their timeout.
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  return {
    baseUrl: state.baseUrl, owner: state.owner, repo: state.repo, token,
    comments: state.comments, pulls: state.pulls, artifacts: state.artifacts, issues: state.issues, requests,
    count: (route) => requests.filter((r) => r.route === route).length,
    addComment: (c) => {
      const comment = { id: state.nextId++, ...c };
      state.comments.push(comment);
      return comment;
    },
    addPull: (p) => {
      const pull: StoredPull = {
        number: state.nextId++, head: p.head, base: p.base ?? 'main', title: p.title ?? 'a pull request',
        body: p.body ?? '', state: 'open', draft: false, labels: [], files: p.files ?? [],
      };
      state.pulls.push(pull);
      return pull;
    },
    addArtifact: (a) => {
      const artifact = { id: state.nextId++, expired: false, ...a };
      state.artifacts.push(artifact);
      return artifact;
    },
    failNext: (route, status, fault = {}) => {
      if (!(route in ROUTES)) throw new Error(`the stand-in has no route '${route}'`);
      faults.set(route, [...(faults.get(route) ?? []), { ...fault, times: fault.times ?? 1, status }]);
    },
    beforeNext: (route, fn) => before.set(route, [...(before.get(route) ?? []), fn]),
    merge: async (number) => {
      const res = await fetch(`${state.baseUrl}/repos/${state.owner}/${state.repo}/pulls/${number}/merge`, {
        method: 'PUT',
        headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ merge_method: 'merge' }),
      });
      const body = (await res.json()) as { sha?: string; message: string };
      return { status: res.status, ...body };
    },
  };
}

function compile(route: string): { method: string; regex: RegExp } {
  const [method, path] = route.split(' ');
  const pattern = path.replace(/\{(\w+)\}/g, (_m, name: string) => `(?<${name}>[^/]+)`);
  return { method, regex: new RegExp(`^${pattern}$`) };
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

function sendFault(res: ServerResponse, fault: Fault & { status: number }): void {
  const message = fault.message ?? DEFAULT_MESSAGES[fault.status] ?? 'Server Error';
  send(res, { status: fault.status, body: { message } }, undefined, fault.headers);
}

/** Writes a reply; a listing is paged by per_page (default 30, at most 100) and page, with GitHub's Link header. */
function send(res: ServerResponse, reply: Reply, url?: URL, extraHeaders: Record<string, string> = {}): void {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'x-ratelimit-remaining': '4999', ...extraHeaders };
  let body = reply.body;
  if (reply.page && url) {
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
    const page = Number(url.searchParams.get('page') ?? 1);
    body = reply.page.slice((page - 1) * perPage, page * perPage);
    if (page * perPage < reply.page.length) {
      const next = new URL(url);
      next.searchParams.set('page', String(page + 1));
      headers.link = `<${next.href}>; rel="next"`;
    }
  }
  res.writeHead(reply.status, headers);
  res.end(body === undefined ? '' : JSON.stringify(body));
}
