import { LOWER_IS_BETTER } from '../spec/types.js';

export interface TrendPoint {
  /** x-axis label: `v3`, or `PR` for the candidate. */
  label: string;
  value: number;
}

/** More points than this crowd the axis labels; the oldest go first. */
export const MAX_TREND_POINTS = 20;

/**
 * A line chart of one metric over versions as a mermaid `xychart-beta` block: GitHub renders
 * it in comments and job summaries with no image hosting, and where mermaid is not rendered
 * (email notifications) the block still reads as labels and values. Empty with fewer than 2 points.
 */
export function mermaidTrend(metric: string, points: readonly TrendPoint[]): string {
  const shown = points.slice(-MAX_TREND_POINTS);
  if (shown.length < 2) return '';
  const values = shown.map((p) => p.value);
  const [low, high] = axisRange(metric, values);
  const decimals = decimalsFor(high - low);
  const label = (s: string) => `"${s.replace(/["\\\n\r]/g, '')}"`;
  return [
    '```mermaid',
    'xychart-beta',
    `  title ${label(`${metric} by version`)}`,
    `  x-axis [${shown.map((p) => label(p.label)).join(', ')}]`,
    `  y-axis ${label(metric)} ${low.toFixed(decimals)} --> ${high.toFixed(decimals)}`,
    `  line [${values.map((v) => plain(v, decimals + 2)).join(', ')}]`,
    '```',
  ].join('\n');
}

/** The data's range padded by a tenth on each side; probabilities-like metrics stay within [0, 1]. */
function axisRange(metric: string, values: number[]): [number, number] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = max > min ? (max - min) / 10 : Math.max(Math.abs(max) / 100, 0.01);
  const unit = !LOWER_IS_BETTER.has(metric) && min >= 0 && max <= 1 && metric !== 'r2' && metric !== 'explained_variance';
  return unit ? [Math.max(0, min - pad), Math.min(1, max + pad)] : [min - pad, max + pad];
}

/** Enough decimals to tell ticks apart across `span`, never exponent notation (mermaid wants plain numbers). */
function decimalsFor(span: number): number {
  if (!(span > 0)) return 2;
  return Math.min(12, Math.max(0, 2 - Math.floor(Math.log10(span))));
}

function plain(v: number, decimals: number): string {
  const fixed = v.toFixed(Math.min(decimals, 15));
  const shortest = String(Number(fixed));
  return shortest.includes('e') ? fixed : shortest;
}
