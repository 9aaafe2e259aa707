import { inspect } from 'node:util';
import { GitHubError, type GitHubValidationDetail } from '../errors.js';

/**
 * What Octokit throws (`RequestError`), read by shape rather than by class: the class lives in
 * a package we only get through @actions/github. A network failure has status 500 and no response.
 */
interface OctokitFailure {
  status: number;
  message: string;
  response?: { headers: Record<string, string | number | undefined>; data?: unknown };
}

export function isOctokitFailure(err: unknown): err is OctokitFailure {
  return err instanceof Error && typeof (err as Partial<OctokitFailure>).status === 'number';
}

function header(err: OctokitFailure, name: string): string | undefined {
  const value = err.response?.headers[name];
  return value === undefined ? undefined : String(value);
}

/**
 * GitHub's two rate limits: 429, or 403 with `x-ratelimit-remaining: 0` (primary) or a
 * `retry-after` (secondary). Any other 403 is a permission answer that no retry can change.
 */
export function isRateLimit(err: OctokitFailure): boolean {
  if (err.status === 429) return true;
  return err.status === 403 && (header(err, 'x-ratelimit-remaining') === '0' || header(err, 'retry-after') !== undefined);
}

/** How long GitHub asks us to wait, from `retry-after` (seconds) or `x-ratelimit-reset` (epoch seconds). */
export function requestedWaitMs(err: OctokitFailure, nowMs: number): number | undefined {
  const retryAfter = Number(header(err, 'retry-after'));
  if (Number.isFinite(retryAfter) && header(err, 'retry-after') !== undefined) return Math.max(0, retryAfter * 1000);
  const reset = Number(header(err, 'x-ratelimit-reset'));
  if (header(err, 'x-ratelimit-reset') !== undefined && Number.isFinite(reset)) return Math.max(0, reset * 1000 - nowMs);
  return undefined;
}

// Token shapes GitHub issues (classic, OAuth, user-to-server, server-to-server, refresh, fine-grained).
const TOKEN_SHAPES = /\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g;

/** `text` with `token` and anything shaped like a GitHub token replaced by `***`. */
export function redact(text: string, token: string): string {
  const exact = token.length >= 4 ? text.split(token).join('***') : text;
  return exact.replace(TOKEN_SHAPES, '***');
}

function apiMessage(err: OctokitFailure): string {
  const data = err.response?.data as { message?: unknown; errors?: unknown } | undefined;
  const main = typeof data?.message === 'string' ? data.message : err.message;
  const extra = Array.isArray(data?.errors)
    ? data.errors.map((e: { message?: unknown }) => (typeof e?.message === 'string' ? e.message : '')).filter(Boolean)
    : [];
  return extra.length > 0 ? `${main}: ${extra.join('; ')}` : main;
}

function details(err: OctokitFailure): GitHubValidationDetail[] {
  const errors = (err.response?.data as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.map((e: Record<string, unknown>) => ({
    resource: typeof e?.resource === 'string' ? e.resource : undefined,
    code: typeof e?.code === 'string' ? e.code : undefined,
    field: typeof e?.field === 'string' ? e.field : undefined,
  }));
}

const HINTS: Record<number, string> = {
  401: 'The token was refused: check the `github-token` input (or GITHUB_TOKEN) is set and not expired.',
  403: 'The token may not do this: grant the workflow `pull-requests: write` and `contents: write`, or use a token that can.',
  404: 'Check the repository, the number and that the token can see the repository.',
};

/**
 * Octokit's failure as a `GitHubError` for `route`. Octokit already redacts the authorization
 * header; GitHub's own text is redacted here too, and in the unlikely case the token shows up
 * anywhere in the original error, that error is not kept as the cause.
 */
export function toGitHubError(err: unknown, route: string, token: string): unknown {
  if (!isOctokitFailure(err)) return err;
  const leaks = token.length >= 4 && inspect(err, { depth: 6 }).includes(token);
  return new GitHubError({
    status: err.status,
    route,
    apiMessage: redact(apiMessage(err), token),
    rateLimited: isRateLimit(err),
    details: details(err),
    requestId: header(err, 'x-github-request-id'),
    hint: err.status >= 500 ? 'GitHub failed and kept failing after retries; rerun the job later.' : HINTS[err.status],
    cause: leaks ? new Error(redact(err.message, token)) : err,
  });
}
