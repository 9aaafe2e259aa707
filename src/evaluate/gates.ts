import { PipePilotError } from '../errors.js';
import type { Gate } from '../spec/types.js';
import { type GateBaseline, comparisonResults } from './baseline-gates.js';
import type { Evaluation } from './evaluation.js';
import { type GateKind, type GateResult, formatObserved, skippedNote } from './gate-result.js';

export { formatObserved, type GateKind, type GateResult, type GateStatus } from './gate-result.js';
export type { GateBaseline } from './baseline-gates.js';

export interface GateOptions {
  /**
   * The production model compared with the candidate on the same test rows (see
   * compareWithBaseline). Without it, `vs: production` gates give 'no_baseline'.
   */
  baseline?: GateBaseline;
}

const KINDS: GateKind[] = ['min', 'max', 'max_drop', 'max_drop_rel'];

/**
 * Checks the candidate's evaluation against each gate. One result per bound: a gate with both
 * min and max gives two. A `slice` gate gives one result per slice value with enough rows
 * (SliceRow.gated), all of which must pass, plus one informational 'passed' result naming the
 * slices it skipped for having too few rows. max_drop / max_drop_rel compare with the baseline
 * (see comparisonResults, slices included); without one they give 'no_baseline', which does
 * not fail the run.
 * A NaN metric fails its min/max bound with a message saying it is undefined.
 * Failing gates are results, never exceptions; only a gate without any bound throws.
 */
export function evaluateGates(gates: Gate[], evaluation: Evaluation, opts: GateOptions = {}): GateResult[] {
  return gates.flatMap((gate) => {
    const kinds = KINDS.filter((kind) => gate[kind] !== undefined);
    if (kinds.length === 0) {
      throw new PipePilotError(`gate on ${gate.metric} has no bound`, {
        hint: 'give the gate min, max, max_drop or max_drop_rel',
      });
    }
    return kinds.flatMap((kind) => {
      const threshold = gate[kind] as number;
      const known = gate.metric in evaluation.metrics;
      if (kind === 'max_drop' || kind === 'max_drop_rel') {
        if (opts.baseline === undefined) return [noBaseline(gate, kind, threshold)];
        return known ? comparisonResults(gate, kind, threshold, opts.baseline) : [unknownMetric(gate, kind, threshold, evaluation)];
      }
      if (!known) return [unknownMetric(gate, kind, threshold, evaluation)];
      if (gate.slice !== undefined) return sliceResults(gate, kind, threshold, evaluation);
      return [boundResult(gate, kind, threshold, evaluation.metrics[gate.metric])];
    });
  });
}

/** True unless some result failed ('no_baseline' and informational results pass). */
export function gatesPassed(results: GateResult[]): boolean {
  return results.every((r) => r.status !== 'failed');
}

function boundResult(
  gate: Gate,
  kind: 'min' | 'max',
  threshold: number,
  observed: number,
  slice?: { column: string; value: string },
): GateResult {
  const subject = slice === undefined ? gate.metric : `${gate.metric} on ${slice.column}=${slice.value}`;
  const base = { gate, metric: gate.metric, ...(slice && { slice }), threshold, kind };
  if (Number.isNaN(observed)) {
    return {
      ...base, observed: null, status: 'failed',
      message: `${subject} is undefined (e.g. only one class in these rows), so it cannot meet ${kind} ${threshold}`,
    };
  }
  const passed = kind === 'min' ? observed >= threshold : observed <= threshold;
  const relation = kind === 'min' ? (passed ? '>=' : '<') : passed ? '<=' : '>';
  return {
    ...base, observed, status: passed ? 'passed' : 'failed',
    message: `${subject} ${formatObserved(observed, threshold)} ${relation} ${kind} ${threshold}`,
  };
}

function sliceResults(gate: Gate, kind: 'min' | 'max', threshold: number, evaluation: Evaluation): GateResult[] {
  const column = gate.slice as string;
  const slices = evaluation.slices.find((s) => s.column === column);
  if (slices === undefined) {
    return [{
      gate, metric: gate.metric, observed: null, threshold, kind, status: 'failed',
      message: `${gate.metric} ${kind} ${threshold} on ${column}: no slice metrics for column '${column}'`,
    }];
  }
  const results = slices.rows
    .filter((row) => row.gated)
    .map((row) => boundResult(gate, kind, threshold, row.metrics[gate.metric], { column, value: row.value }));
  const skipped = slices.rows.filter((row) => !row.gated);
  if (skipped.length > 0 || results.length === 0) results.push(skippedNote(gate, kind, column, skipped, results.length));
  return results;
}

function noBaseline(gate: Gate, kind: 'max_drop' | 'max_drop_rel', threshold: number): GateResult {
  return {
    gate, metric: gate.metric, observed: null, threshold, kind, status: 'no_baseline',
    message: `${gate.metric} ${kind} ${threshold} vs production: no baseline yet: no production model to compare with`,
  };
}

function unknownMetric(gate: Gate, kind: GateKind, threshold: number, evaluation: Evaluation): GateResult {
  return {
    gate, metric: gate.metric, observed: null, threshold, kind, status: 'failed',
    message: `${gate.metric} is not a ${evaluation.task} metric (known: ${Object.keys(evaluation.metrics).join(', ')})`,
  };
}
