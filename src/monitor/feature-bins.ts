import { binOf, type CategoricalStats, type NumericStats } from '../data/reference-stats.js';
import type { Column } from '../data/table.js';
import { fourSignificant } from '../report/feature-drift.js';

/**
 * One feature's reference bins, the ones live rows are counted on: numeric, the reference
 * histogram's bins (its edges); categorical, each reference top category, then 'other'.
 * Counting arrays have one slot more than `labels`, the last one for missing values.
 */
export interface FeatureBins {
  name: string;
  kind: 'numeric' | 'categorical';
  /** The present-value bins' names, for the "top moves" a reader sees. */
  labels: string[];
  /** The reference's share of present values per bin (sums to 1 when it has any). */
  reference: number[];
  /** The reference's present and missing row counts. */
  referenceCount: number;
  referenceMissing: number;
  /** Adds rows [start, end) of `column` to `counts` (labels.length + 1 slots; the last is missing). */
  count(column: Column, start: number, end: number, counts: Uint32Array): void;
}

/** The bins of one reference feature; a malformed statistics entry is an Error naming it. */
export function featureBins(stats: NumericStats | CategoricalStats): FeatureBins {
  return stats.kind === 'numeric' ? numericBins(stats) : categoricalBins(stats);
}

function numericBins(stats: NumericStats): FeatureBins {
  const edges = stats.histogram?.edges;
  const fractions = stats.histogram?.fractions;
  if (!Array.isArray(edges) || !Array.isArray(fractions) || fractions.length !== edges.length + 1) {
    throw new Error(`reference statistics of '${stats.name}': histogram needs edges and one more fraction than edges`);
  }
  const labels = edges.length === 0
    ? ['all values']
    : [`below ${fourSignificant(edges[0])}`, ...edges.slice(1).map((e, i) => `${fourSignificant(edges[i])} – ${fourSignificant(e)}`), `${fourSignificant(edges[edges.length - 1])} and above`];
  const missingSlot = labels.length;
  return {
    ...base(stats), labels, reference: fractions,
    count(column, start, end, counts) {
      // A categorical column here means the served model types the feature differently; not counted.
      if (column.kind !== 'numeric') return;
      for (let i = start; i < end; i++) {
        const v = column.values[i];
        counts[Number.isNaN(v) ? missingSlot : binOf(edges, v)]++;
      }
    },
  };
}

function categoricalBins(stats: CategoricalStats): FeatureBins {
  if (!Array.isArray(stats.top) || typeof stats.other !== 'number') {
    throw new Error(`reference statistics of '${stats.name}': categorical needs top and other`);
  }
  const slot = new Map(stats.top.map((t, i) => [t.value, i]));
  const other = stats.top.length;
  const missingSlot = other + 1;
  return {
    ...base(stats), labels: [...stats.top.map((t) => t.value), 'other'], reference: [...stats.top.map((t) => t.fraction), stats.other],
    count(column, start, end, counts) {
      for (let i = start; i < end; i++) {
        // A numeric column of a categorical feature reads as its number's text, as the reference did.
        const raw = column.kind === 'categorical' ? column.values[i] : Number.isNaN(column.values[i]) ? null : String(column.values[i]);
        counts[raw === null ? missingSlot : (slot.get(raw) ?? other)]++;
      }
    },
  };
}

function base(stats: NumericStats | CategoricalStats): Pick<FeatureBins, 'name' | 'kind' | 'referenceCount' | 'referenceMissing'> {
  if (typeof stats.count !== 'number' || typeof stats.missing !== 'number') {
    throw new Error(`reference statistics of '${stats.name}': count and missing must be numbers`);
  }
  return { name: stats.name, kind: stats.kind, referenceCount: stats.count, referenceMissing: stats.missing };
}
