import type { Gate } from '../spec/types.js';

export type GateKind = 'min' | 'max' | 'max_drop' | 'max_drop_rel';
/** `skipped`: a slice gate's note on slices too small to check — neither passed nor failed (issue 14). */
export type GateStatus = 'passed' | 'failed' | 'no_baseline' | 'skipped';

export interface GateResult {
  gate: Gate;
  metric: string;
  /** Set when the result is for one slice value. */
  slice?: { column: string; value: string };
  /** The candidate's value; null when the metric is undefined (NaN), unknown, or the result is informational. */
  observed: number | null;
  /** The gate's bound: min/max value, max_drop in metric units, or max_drop_rel as a fraction. */
  threshold: number | null;
  kind: GateKind;
  status: GateStatus;
  message: string;
  /** vs production with a baseline: the baseline's value on the same rows (null when undefined). */
  baseline?: number | null;
  /** vs production with a baseline: candidate − baseline and its paired-bootstrap interval (null bounds without resamples). */
  difference?: { value: number | null; low: number | null; high: number | null };
}

/** The informational result of a slice gate: which slices were too small to check. */
export function skippedNote(
  gate: Gate,
  kind: GateKind,
  column: string,
  skipped: { value: string; n: number }[],
  checked: number,
): GateResult {
  const listed = skipped.map((row) => `${row.value} (n=${row.n})`).join(', ');
  const plural = skipped.length === 1 ? 'slice' : 'slices';
  const what = checked === 0 ? 'no slice has enough rows, nothing checked; ' : '';
  const detail = skipped.length === 0 ? 'no rows' : `${skipped.length} ${plural} skipped (fewer than min_slice_rows): ${listed}`;
  const versus = kind === 'max_drop' || kind === 'max_drop_rel' ? ' vs production' : '';
  return {
    gate, metric: gate.metric, observed: null, threshold: null, kind, status: 'skipped',
    message: `${gate.metric} ${kind} ${gate[kind]}${versus} on ${column}: ${what}${detail}`,
  };
}

/** Gate results counted by status, for summaries ("7 passed, 1 failed, 1 skipped"). */
export function countGates(gates: readonly { status: GateStatus }[]): Record<GateStatus, number> {
  const counts: Record<GateStatus, number> = { passed: 0, failed: 0, no_baseline: 0, skipped: 0 };
  for (const g of gates) counts[g.status]++;
  return counts;
}

/** `7 passed, 1 failed, 1 skipped` (the zero counts of skipped and no baseline left out). */
export function gateCountText(gates: readonly { status: GateStatus }[]): string {
  const c = countGates(gates);
  return [`${c.passed} passed`, `${c.failed} failed`, ...(c.skipped ? [`${c.skipped} skipped`] : []), ...(c.no_baseline ? [`${c.no_baseline} without a baseline`] : [])].join(', ');
}

/**
 * Three decimals (or three significant digits below 0.001), with more digits when rounding
 * would make a value look equal to the threshold it is compared with (0.59996 vs min 0.6).
 */
export function formatObserved(observed: number, threshold: number): string {
  const small = observed !== 0 && Math.abs(observed) < 0.001;
  for (let digits = 3; digits <= 15; digits++) {
    const text = small ? observed.toPrecision(digits) : observed.toFixed(digits);
    if (observed === threshold || Number(text) !== threshold) return text;
  }
  return String(observed);
}

/** A finite number, or null (how JSON carries an undefined metric). */
export function finiteOrNull(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}
