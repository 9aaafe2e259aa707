import cliProgress from 'cli-progress';
import type { ProgressSink } from '../ports.js';

/**
 * Progress for long work: a bar with ETA on a terminal, a plain line every few seconds in CI
 * (where redrawn bars turn into walls of text), nothing when quiet.
 */
export function progressReporter(opts: { quiet: boolean; isTTY: boolean; ci: boolean; write: (s: string) => void }): {
  sink: ProgressSink;
  stop: () => void;
} {
  if (opts.quiet) return { sink: () => {}, stop: () => {} };
  if (opts.isTTY && !opts.ci) {
    const bar = new cliProgress.SingleBar(
      { format: '{stage} [{bar}] {value}/{total} | ETA {eta_formatted} | {detail}', hideCursor: true, clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      sink: (e) => {
        if (!started) {
          bar.start(e.total, e.done, { stage: e.stage, detail: e.detail ?? '' });
          started = true;
        }
        bar.setTotal(e.total);
        bar.update(e.done, { stage: e.stage, detail: e.detail ?? '' });
      },
      stop: () => started && bar.stop(),
    };
  }
  const everyMs = 5000;
  let last = Date.now();
  return {
    sink: (e) => {
      const now = Date.now();
      if (now - last < everyMs && e.done < e.total) return;
      last = now;
      opts.write(`${e.stage}: ${e.done}/${e.total}${e.detail ? ` (${e.detail})` : ''}\n`);
    },
    stop: () => {},
  };
}
