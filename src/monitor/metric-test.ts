import { probit } from 'simple-statistics';
import type { LiveMetric } from './live-window.js';

/** Where the canary's drop of the live metric stands against the allowed drop, at a confidence. */
export interface DropTest {
  /** How much worse the canary is (stable − canary for accuracy, canary − stable for mae): positive is worse. */
  drop: number;
  /** The one-sided interval of `drop` at the confidence. */
  low: number;
  high: number;
  /** worse: the drop is above the limit at the confidence; within: below it; unclear: the interval holds the limit. */
  verdict: 'worse' | 'within' | 'unclear';
}

/**
 * Tests the canary's live metric against stable's, one-sided at `confidence` on each side:
 * `worse` when the whole interval of the drop lies above `maxDrop` (roll back), `within` when
 * it lies below (advance), `unclear` otherwise (hold: more labels narrow it).
 *
 * Accuracy: the Agresti–Caffo interval for a difference of two proportions (one success and one
 * failure added to each side), which keeps its coverage near the nominal level where the plain
 * Wald interval fails (accuracies near 1, a few hundred rows). MAE: a normal (Welch) interval on
 * the difference of means of the absolute errors, from their sums and sums of squares — the
 * counts replicas can add. Pure.
 */
export function testMetricDrop(stable: LiveMetric, canary: LiveMetric, maxDrop: number, confidence: number): DropTest {
  const z = probit(confidence);
  const { drop, se } = stable.name === 'accuracy' && canary.name === 'accuracy' ? accuracyDrop(stable, canary) : maeDrop(stable, canary);
  const low = drop - z * se;
  const high = drop + z * se;
  return { drop, low, high, verdict: low > maxDrop ? 'worse' : high < maxDrop ? 'within' : 'unclear' };
}

function accuracyDrop(s: { n: number; correct: number }, c: { n: number; correct: number }): { drop: number; se: number } {
  const ps = (s.correct + 1) / (s.n + 2);
  const pc = (c.correct + 1) / (c.n + 2);
  return { drop: ps - pc, se: Math.sqrt((ps * (1 - ps)) / (s.n + 2) + (pc * (1 - pc)) / (c.n + 2)) };
}

function maeDrop(s: LiveMetric, c: LiveMetric): { drop: number; se: number } {
  if (s.name !== 'mae' || c.name !== 'mae') throw new RangeError(`live metrics differ: stable ${s.name}, canary ${c.name}`);
  const moments = (m: { n: number; sum: number; sum_sq: number }) => {
    const mean = m.sum / m.n;
    const variance = m.n > 1 ? Math.max(0, (m.sum_sq - m.n * mean * mean) / (m.n - 1)) : 0;
    return { mean, variance };
  };
  const a = moments(s);
  const b = moments(c);
  return { drop: b.mean - a.mean, se: Math.sqrt(a.variance / s.n + b.variance / c.n) };
}
