import type { getOctokit } from '@actions/github';
import { GitHubError } from '../errors.js';
import { retry } from '../retry.js';
import { isOctokitFailure, isRateLimit, requestedWaitMs } from './github-failure.js';

export interface RequestRetryPolicy {
  sleep: (ms: number) => Promise<void>;
  /** Epoch milliseconds, for `x-ratelimit-reset`. */
  now: () => number;
  /** Tries per request, the first included. */
  attempts: number;
  /** A rate limit that asks for a longer wait fails at once: a job should not idle that long. */
  maxWaitMs: number;
}

/**
 * Retries every request Octokit sends (paginated pages included) on 5xx, network failures and
 * rate limits, never on another 4xx. A POST that failed with a 5xx is not resent here: it may
 * have taken effect, so the caller re-runs its whole find-then-write step instead (see
 * `retryWrite`). A rate-limited POST was refused outright and is safe to resend.
 *
 * Our own `retry` rather than @octokit/plugin-retry/-throttling: one policy for git and GitHub,
 * and the waits go through the injected `sleep`, so tests never wait.
 */
export function retryRequests(octokit: ReturnType<typeof getOctokit>, policy: RequestRetryPolicy): void {
  octokit.hook.wrap('request', (request, options) => {
    let last: unknown;
    return retry(async () => request(options), {
      attempts: policy.attempts,
      sleep: policy.sleep,
      isRetryable: (err) => {
        last = err;
        return isRetryableRequest(err, String(options.method), policy);
      },
      delayMs: (attempt) => waitMs(last, attempt, policy),
    });
  });
}

function isRetryableRequest(err: unknown, method: string, policy: RequestRetryPolicy): boolean {
  if (!isOctokitFailure(err)) return false;
  if (isRateLimit(err)) return (requestedWaitMs(err, policy.now()) ?? 0) <= policy.maxWaitMs;
  return err.status >= 500 && method.toUpperCase() !== 'POST';
}

function waitMs(err: unknown, attempt: number, policy: RequestRetryPolicy): number {
  const backoffMs = 1000 * 2 ** (attempt - 1);
  if (!isOctokitFailure(err) || !isRateLimit(err)) return backoffMs;
  // GitHub's advice for a secondary rate limit without retry-after is to wait at least a minute.
  return requestedWaitMs(err, policy.now()) ?? Math.min(60_000, policy.maxWaitMs);
}

/** Whether a write step failed in a way that re-running the whole find-then-write step can fix. */
export function isAmbiguousWrite(err: unknown): boolean {
  return err instanceof GitHubError && err.route.startsWith('POST ') && err.status >= 500;
}
