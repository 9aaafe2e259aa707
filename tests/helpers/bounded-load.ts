import { Agent, request } from 'node:http';

/** How a bounded load run ended, request by request. */
export interface LoadTally {
  /** Answered 200. */
  ok: number;
  /** Answered 200 after `markedAt` was called (e.g. after SIGTERM was sent). */
  okAfterMark: number;
  /** Never accepted: the connection was refused (the server had stopped listening). */
  refused: number;
  /** Accepted and then lost: a non-200 answer, a reset, a hang-up. Must stay 0. */
  failed: { status?: number; error?: string }[];
  /** The `version` field of every 200 answer. */
  versions: Set<number>;
}

export interface BoundedLoad {
  tally: LoadTally;
  /** Resolves once `n` requests have been answered 200. */
  served(n: number): Promise<void>;
  /** From now on, 200s are also counted in `okAfterMark`. */
  mark(): void;
  /** Stops the workers (each finishes its current request) and returns the tally. */
  stop(): Promise<LoadTally>;
}

/**
 * `workers` clients, each sending POSTs one after another on its own keep-alive connection to
 * 127.0.0.1, until stopped, until `maxRequests` have been sent in all, or until its connection is
 * refused (the server is gone). Bounded by construction: it never runs past `maxRequests`.
 */
export function boundedLoad(opts: { url: string; path: string; body: string; workers: number; maxRequests: number }): BoundedLoad {
  const tally: LoadTally = { ok: 0, okAfterMark: 0, refused: 0, failed: [], versions: new Set() };
  let sent = 0;
  let stopped = false;
  let marked = false;
  const waiters: { n: number; wake: () => void }[] = [];
  const target = new URL(opts.path, opts.url);
  const one = (agent: Agent) =>
    new Promise<'ok' | 'refused' | 'failed'>((done) => {
      const req = request(target, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          if (res.statusCode !== 200) {
            tally.failed.push({ status: res.statusCode, error: text.slice(0, 200) });
            return done('failed');
          }
          tally.ok += 1;
          if (marked) tally.okAfterMark += 1;
          tally.versions.add((JSON.parse(text) as { version: number }).version);
          for (const w of waiters.filter((x) => tally.ok >= x.n)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.wake();
          }
          done('ok');
        });
        res.on('error', (err) => {
          tally.failed.push({ error: err.message });
          done('failed');
        });
      });
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'ECONNREFUSED') {
          tally.refused += 1;
          return done('refused');
        }
        tally.failed.push({ error: `${err.code ?? ''} ${err.message}` });
        done('failed');
      });
      req.end(opts.body);
    });
  const workers = Array.from({ length: opts.workers }, async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      while (!stopped && sent < opts.maxRequests) {
        sent += 1;
        if ((await one(agent)) === 'refused') break;
      }
    } finally {
      agent.destroy();
    }
  });
  const all = Promise.all(workers);
  return {
    tally,
    served: (n) => (tally.ok >= n ? Promise.resolve() : new Promise<void>((wake) => waiters.push({ n, wake }))),
    mark: () => void (marked = true),
    async stop() {
      stopped = true;
      await all;
      return tally;
    },
  };
}
