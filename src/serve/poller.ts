import type { Logger } from '../ports.js';

export interface Poller {
  /** Stops after the current refresh (if any) finishes. */
  stop(): Promise<void>;
}

/**
 * Calls `refresh` every `intervalMs` until stopped: the pull-based half of deployment (the server
 * follows the manifests in git; nothing pushes to it). `sleep` is injected so tests never wait;
 * it receives an AbortSignal so `stop` cuts a real sleep short.
 */
export function startPoller(opts: { refresh: () => Promise<unknown>; intervalMs: number; sleep: (ms: number, signal: AbortSignal) => Promise<void>; log: Logger }): Poller {
  const abort = new AbortController();
  const loop = (async () => {
    while (!abort.signal.aborted) {
      try {
        await opts.sleep(opts.intervalMs, abort.signal);
      } catch {
        break; // aborted
      }
      if (abort.signal.aborted) break;
      try {
        await opts.refresh();
      } catch (err) {
        opts.log.warn(`refresh failed: ${(err as Error).message}`);
      }
    }
  })();
  return {
    async stop() {
      abort.abort();
      await loop;
    },
  };
}
