import type { Gate } from '../spec/types.js';
import { type BaselineComparison, type MetricComparison, changeVerdict } from './baseline-comparison.js';
import { type GateResult, finiteOrNull, formatObserved, skippedNote } from './gate-result.js';

/** The production model's comparison with the candidate, as the registry supplies it to the gates. */
export interface GateBaseline {
  version: number;
  comparison: BaselineComparison;
}

type DropKind = 'max_drop' | 'max_drop_rel';

/**
 * Results of one `vs: production` bound against a baseline. The drop is measured in the
 * metric's good direction (a rise for lower-is-better metrics); max_drop allows it in metric
 * units, max_drop_rel as a fraction of |baseline|. A failing drop fails the gate, unless the
 * gate says `significant: true` and the paired-bootstrap interval of the difference reaches
 * the good side of 0. A `slice` gate is checked on every slice value with enough rows, each
 * compared on its own rows, like a min/max slice gate.
 */
export function comparisonResults(gate: Gate, kind: DropKind, threshold: number, baseline: GateBaseline): GateResult[] {
  const { comparison } = baseline;
  if (gate.slice === undefined) return [dropResult(gate, kind, threshold, baseline, comparison.metrics[gate.metric])];
  const column = gate.slice;
  const slices = comparison.slices.find((s) => s.column === column);
  if (slices === undefined) {
    return [{
      gate, metric: gate.metric, observed: null, threshold, kind, status: 'failed',
      message: `${gate.metric} ${kind} ${threshold} vs production on ${column}: no slice comparison for column '${column}'`,
    }];
  }
  const results = slices.rows
    .filter((row) => row.gated)
    .map((row) => dropResult(gate, kind, threshold, baseline, row.metrics[gate.metric], { column, value: row.value }));
  const skipped = slices.rows.filter((row) => !row.gated);
  if (skipped.length > 0 || results.length === 0) results.push(skippedNote(gate, kind, column, skipped, results.length));
  return results;
}

function dropResult(
  gate: Gate,
  kind: DropKind,
  threshold: number,
  baseline: GateBaseline,
  m: MetricComparison | undefined,
  slice?: { column: string; value: string },
): GateResult {
  const subject = slice === undefined ? gate.metric : `${gate.metric} on ${slice.column}=${slice.value}`;
  if (m === undefined) {
    return {
      gate, metric: gate.metric, ...(slice && { slice }), observed: null, threshold, kind, status: 'failed',
      message: `${subject}: the comparison with production v${baseline.version} has no ${gate.metric} (it compared a ${baseline.comparison.task} model)`,
    };
  }
  const result = {
    gate, metric: gate.metric, ...(slice && { slice }), threshold, kind,
    observed: finiteOrNull(m.candidate),
    baseline: finiteOrNull(m.baseline),
    difference: { value: finiteOrNull(m.difference), low: finiteOrNull(m.low), high: finiteOrNull(m.high) },
  };
  const versus = `vs production v${baseline.version}`;
  if (Number.isNaN(m.candidate) || Number.isNaN(m.baseline)) {
    const which = Number.isNaN(m.candidate) ? (Number.isNaN(m.baseline) ? 'for both models' : 'for the candidate') : 'for the baseline';
    return {
      ...result, status: 'failed',
      message: `${subject} is undefined ${which} (e.g. only one class in these rows), so it cannot be compared ${versus}`,
    };
  }
  const head = `${subject} ${formatObserved(m.candidate, m.baseline)} ${versus} ${formatObserved(m.baseline, m.candidate)}: ` +
    `difference ${signed(m.difference)}${intervalText(m, baseline.comparison.confidence)}`;
  const word = m.lowerIsBetter ? 'rise' : 'drop';
  const drop = m.lowerIsBetter ? m.difference : -m.difference;
  const allowance = kind === 'max_drop' ? threshold : threshold * Math.abs(m.baseline);
  const rule = kind === 'max_drop' ? `max_drop ${threshold}` : `max_drop_rel ${threshold} (${formatObserved(allowance, drop)} of the baseline)`;
  if (drop <= 0) return { ...result, status: 'passed', message: `${head}; no ${word}, within ${rule}` };
  const measured = `${word} ${formatObserved(drop, allowance)}`;
  if (drop <= allowance) return { ...result, status: 'passed', message: `${head}; ${measured} <= ${rule}` };
  if (gate.significant !== true) return { ...result, status: 'failed', message: `${head}; ${measured} > ${rule}` };
  return significantDrop(result, `${head}; ${measured} > ${rule}`, m, baseline.comparison);
}

/** A drop past the allowance under `significant: true`: it fails only when the interval is wholly on the bad side. */
function significantDrop(result: Omit<GateResult, 'status' | 'message'>, text: string, m: MetricComparison, comparison: BaselineComparison): GateResult {
  const pct = `${Math.round(comparison.confidence * 100)}%`;
  const side = m.lowerIsBetter ? 'above' : 'below';
  switch (changeVerdict(m)) {
    case 'worse':
      return { ...result, status: 'failed', message: `${text}, and significant (the ${pct} interval of the difference is wholly ${side} 0)` };
    case 'unknown': {
      // Without resamples significance cannot be shown either way; the allowance alone decides, so a drop is never waved through unseen.
      const why = comparison.bootstrapSamples === 0 ? 'without bootstrap resamples (evaluate.bootstrap.samples is 0)' : '(the difference is undefined on every resample)';
      return { ...result, status: 'failed', message: `${text}; significance unknown ${why}, so the drop alone decides` };
    }
    default:
      return { ...result, status: 'passed', message: `${text}, but not significant (the ${pct} interval of the difference reaches 0); passes because significant: true` };
  }
}

function intervalText(m: MetricComparison, confidence: number): string {
  if (Number.isNaN(m.low) || Number.isNaN(m.high)) return '';
  return ` (${Math.round(confidence * 100)}% interval ${signed(m.low)} to ${signed(m.high)})`;
}

/** A difference with its sign always shown: +0.012, -0.034, 0.000. */
export function signed(v: number): string {
  const text = formatObserved(Math.abs(v), 0);
  return v > 0 ? `+${text}` : v < 0 ? `-${text}` : text;
}
