import { DataError } from '../errors.js';
import type { Table } from '../data/table.js';
import type { PreprocessSpec } from '../spec/types.js';
import {
  assemblePreprocessor, categoricalFromCounts, countCategories, type FeatureLists, type NumericFeature, type Preprocessor,
} from './preprocessor.js';

/** Count, mean and sum of squared deviations of a numeric feature's present values, merged batch by batch. */
interface Moments {
  count: number;
  mean: number;
  m2: number;
  min: number;
  max: number;
  missing: number;
}

/**
 * The preprocessor fitted from the training rows fed a batch at a time (data.stream, issue 10),
 * in memory bounded by the features and their category counts, never by the rows. Fits what
 * `fitPreprocessor` fits (mean or constant fill, standard / minmax / no scaling on imputed
 * values, the most frequent categories): the same numbers up to rounding — mean and variance
 * come from per-batch moments merged by Chan et al.'s formula, not the in-memory sorted sum —
 * and the same categories and output columns exactly. The median fill is refused by the spec.
 */
export class PreprocessorSums {
  private readonly numeric = new Map<string, Moments>();
  private readonly counts = new Map<string, Map<string, number>>();
  private rows = 0;

  constructor(private readonly features: FeatureLists, private readonly spec: PreprocessSpec, private readonly file: string) {
    for (const name of features.numeric) this.numeric.set(name, { count: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity, missing: 0 });
    for (const name of features.categorical) this.counts.set(name, new Map());
  }

  /** Adds the training rows of `table` (its features already of the schema's kinds: applyFeatureSchema). */
  add(table: Table): void {
    this.rows += table.rowCount;
    for (const [name, m] of this.numeric) {
      const col = table.columns.get(name);
      if (col?.kind !== 'numeric') throw new Error(`internal: numeric column '${name}' not in the batch`);
      addMoments(m, col.values);
    }
    for (const [name, counts] of this.counts) {
      const col = table.columns.get(name);
      if (col?.kind !== 'categorical') throw new Error(`internal: categorical column '${name}' not in the batch`);
      countCategories(col.values, this.spec, counts);
    }
  }

  /** The fitted preprocessor (target as given; missing indicators as planned from the pass's missing counts). */
  preprocessor(target: Preprocessor['target'], missingIndicators?: string[]): Preprocessor {
    const numeric = [...this.numeric].map(([name, m]) => this.numericFeature(name, m));
    const categorical = [...this.counts].map(([name, counts]) => categoricalFromCounts(name, counts, this.spec));
    return assemblePreprocessor(numeric, categorical, { features: { ...this.features, missingIndicators }, spec: this.spec, target });
  }

  private numericFeature(name: string, m: Moments): NumericFeature {
    const spec = this.spec;
    const fill = spec.impute.numeric === 'constant' || m.count === 0 ? spec.impute.fill_numeric : m.mean;
    const overflow = (what: string): DataError => new DataError(
      `${this.file}: the ${what} of feature '${name}' overflows float64 on the training rows`,
      { file: this.file, column: name, rule: 'finite', hint: 'A value in this column is far out of range (beyond ~1e154); fix or drop it.' },
    );
    if (!Number.isFinite(fill) || !Number.isFinite(m.mean)) throw overflow('mean');
    if (spec.scale === 'none') return { name, fill, center: 0, scale: 1 };
    const n = m.count + m.missing;
    if (spec.scale === 'minmax') {
      const min = m.missing > 0 ? Math.min(m.min, fill) : m.min;
      const max = m.missing > 0 ? Math.max(m.max, fill) : m.max;
      if (n > 0 && !Number.isFinite(max - min)) throw overflow('range (max − min)');
      return { name, fill, center: n > 0 ? min : 0, scale: nonZero(max - min) };
    }
    // Imputed values: the present ones plus `missing` copies of the fill (SimpleImputer → StandardScaler).
    const mean = n > 0 ? (m.count * m.mean + m.missing * fill) / n : 0;
    const ss = m.m2 + m.count * (m.mean - mean) ** 2 + m.missing * (fill - mean) ** 2;
    if (!Number.isFinite(ss)) throw overflow('variance');
    return { name, fill, center: mean, scale: nonZero(n > 0 ? Math.sqrt(ss / n) : 0) };
  }

  /** Training rows added. */
  get trainRows(): number {
    return this.rows;
  }
}

/** Merges a batch's present values into the running moments (two passes over the batch, then Chan's pairwise update). */
export function addMoments(m: Moments, values: Float64Array): void {
  let count = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    count++;
    sum += v;
    if (v < m.min) m.min = v;
    if (v > m.max) m.max = v;
  }
  m.missing += values.length - count;
  if (count === 0) return;
  const mean = sum / count;
  let m2 = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isNaN(v)) m2 += (v - mean) * (v - mean);
  }
  const total = m.count + count;
  const delta = mean - m.mean;
  m.mean += (delta * count) / total;
  m.m2 += m2 + (delta * delta * m.count * count) / total;
  m.count = total;
}

/** Empty moments for addMoments. */
export function emptyMoments(): Moments {
  return { count: 0, mean: 0, m2: 0, min: Infinity, max: -Infinity, missing: 0 };
}

function nonZero(scale: number): number {
  return scale > 0 && Number.isFinite(scale) ? scale : 1;
}
