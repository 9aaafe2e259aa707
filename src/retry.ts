/**
 * Runs `fn` up to `attempts` times while the error it throws `isRetryable`, waiting
 * `delayMs(attempt)` between tries through the `sleep` it is given (so tests never sleep).
 * The last error is rethrown as is. Used for lost push races and git lock contention; never for
 * mistakes a retry cannot fix.
 */
export async function retry<T>(
  fn: (attempt: number) => Promise<T>,
  options: {
    attempts: number;
    isRetryable: (err: unknown) => boolean;
    sleep: (ms: number) => Promise<void>;
    /** Wait before attempt `attempt + 1` (attempt counts from 1). Default: none. */
    delayMs?: (attempt: number) => number;
  },
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (attempt >= options.attempts || !options.isRetryable(err)) throw err;
      await options.sleep(options.delayMs?.(attempt) ?? 0);
    }
  }
}
