import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Output captured as it arrives, which a test can wait on: `waitFor(pattern)` resolves as soon as
 * the text matches (checked on each append, no polling), or rejects at the deadline showing what
 * arrived. For a process or server whose readiness shows in its log.
 */
export class OutputSignal {
  private text = '';
  private waiters: { pattern: RegExp; resolve: (m: RegExpExecArray) => void }[] = [];

  append(chunk: string): void {
    this.text += chunk;
    this.waiters = this.waiters.filter((w) => {
      const m = w.pattern.exec(this.text);
      if (m) w.resolve(m);
      return !m;
    });
  }

  toString(): string {
    return this.text;
  }

  waitFor(pattern: RegExp, opts: { deadlineMs: number; what: string }): Promise<RegExpExecArray> {
    const now = pattern.exec(this.text);
    if (now) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${opts.what} within ${opts.deadlineMs} ms; output so far:\n${this.text}`)), opts.deadlineMs);
      this.waiters.push({ pattern, resolve: (m) => (clearTimeout(timer), resolve(m)) });
    });
  }
}

/**
 * Asks `probe` until it says yes or the deadline passes, then fails naming `what`. For a state
 * only a request can show (a server's /readyz); the deadline is generous, the check frequent.
 */
export async function waitUntil(probe: () => Promise<boolean>, opts: { deadlineMs: number; what: string; everyMs?: number }): Promise<void> {
  const end = Date.now() + opts.deadlineMs;
  for (;;) {
    if (await probe().catch(() => false)) return;
    if (Date.now() > end) throw new Error(`${opts.what}: not true within ${opts.deadlineMs} ms`);
    await sleep(opts.everyMs ?? 50);
  }
}
