import { DataError, ModelFileError } from '../errors.js';
import { presentMedian, quantile, sortedPresent } from '../data/sorted-values.js';
import { didYouMean, listColumns } from '../data/column-suggestion.js';
import type { Column, Table } from '../data/table.js';
import type { PreprocessSpec, Task } from '../spec/types.js';
import { asOrigin, inputOutOfRange, sourceRow, statisticsOverflow, type RowOrigin } from './row-origin.js';

/**
 * The fitted transform from a raw record to a model row, saved as `preprocessor.json`.
 * Fitted on the training rows only; the same `transformTable` is used for the test rows,
 * for `pipepilot predict` and for the server, so there is no second implementation to drift.
 */
export interface Preprocessor {
  format: 'pipepilot-preprocessor/v1';
  /**
   * ordinal (for trees): a numeric input is the raw value, NaN when missing (fill, center and
   * scale are not applied); a categorical input is the category's index in `categories`, NaN
   * when missing or unknown. Absent: onehot (files written before gbdt have no field).
   */
  encode?: 'ordinal';
  numeric: NumericFeature[];
  categorical: CategoricalFeature[];
  /**
   * Features with a missing-indicator input (1 where the value was missing), appended after the
   * one-hot columns as `column=(missing)`. Absent in preprocessors written before issue 10.
   */
  missingIndicators?: string[];
  /** Names of the model's input columns, in order (one-hot columns as `column=value`). */
  outputNames: string[];
  target: { name: string; task: Task; classes: string[]; threshold: number };
}

export interface NumericFeature {
  name: string;
  /** Value used for a missing input. */
  fill: number;
  /** Model input = (value - center) / scale. */
  center: number;
  scale: number;
}

export interface CategoricalFeature {
  name: string;
  /** Value used for a missing input (null: missing goes to the unknown bucket). */
  fill: string | null;
  /** Kept categories, each its own one-hot column; anything else lands in the `unknown` column. */
  categories: string[];
}

export interface FeatureLists {
  numeric: string[];
  categorical: string[];
  missingIndicators?: string[];
}

export interface FitRequest {
  table: Table;
  features: FeatureLists;
  spec: PreprocessSpec;
  target: Preprocessor['target'];
  /** Where the rows came from, for an error naming the value whose statistics overflow. */
  origin?: RowOrigin;
  /** Numeric columns' present values already sorted (sortedPresentColumns of `table`), to fill from without sorting again. */
  sorted?: ReadonlyMap<string, Float64Array>;
}

/** Fits imputation, scaling and one-hot categories on `table` (the training rows). Deterministic. */
export function fitPreprocessor(req: FitRequest): Preprocessor {
  const origin = req.origin ?? { file: 'training data' };
  const numeric = req.features.numeric.map((name) => {
    const values = numericValues(req.table, name);
    const fitted = fitNumeric(name, values, req.spec, req.sorted?.get(name));
    if (fitted.overflow) {
      const row = largestMagnitude(values);
      throw statisticsOverflow(origin, row, name, values[row], fitted.overflow);
    }
    return fitted.feature;
  });
  const categorical = req.features.categorical.map((name) =>
    fitCategorical(name, categoricalValues(req.table, name), req.spec),
  );
  return assemblePreprocessor(numeric, categorical, req);
}

/** The preprocessor from its fitted features: the model's input columns in order, and the encoding. */
export function assemblePreprocessor(
  numeric: NumericFeature[], categorical: CategoricalFeature[], req: Pick<FitRequest, 'features' | 'spec' | 'target'>,
): Preprocessor {
  if (req.spec.encode === 'ordinal') {
    const outputNames = [...numeric.map((f) => f.name), ...categorical.map((f) => f.name)];
    return { format: 'pipepilot-preprocessor/v1', encode: 'ordinal', numeric, categorical, outputNames, target: req.target };
  }
  const indicators = req.features.missingIndicators ?? [];
  const outputNames = [
    ...numeric.map((f) => f.name),
    ...categorical.flatMap((f) => [...f.categories.map((c) => `${f.name}=${c}`), `${f.name}=(unknown)`]),
    ...indicators.map((name) => `${name}=(missing)`),
  ];
  return {
    format: 'pipepilot-preprocessor/v1', numeric, categorical,
    ...(indicators.length > 0 && { missingIndicators: [...indicators] }),
    outputNames, target: req.target,
  };
}

/** Most categories an ordinal column keeps: tree bins are bytes, one of which is the missing bin. */
export const MAX_ORDINAL_CATEGORIES = 254;

/**
 * Mean, spread and fill in float64. A sum or sum of squares that overflows (values beyond about
 * 1e154 from the mean) is reported, not patched: a scale of Infinity would squash the column to
 * a constant and every other row with it, and the value is almost surely a mistake.
 */
function fitNumeric(name: string, values: Float64Array, spec: PreprocessSpec, sorted: Float64Array | undefined): { feature: NumericFeature; overflow?: string } {
  const fill = numericFill(values, spec, sorted);
  // Trees take the raw value; the fill is kept only as a typical value (the server's warm-up row).
  if (spec.encode === 'ordinal') return { feature: { name, fill, center: 0, scale: 1 } };
  // Scale statistics are computed on imputed values, as scikit-learn's SimpleImputer → StandardScaler does.
  const n = values.length;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = Number.isNaN(values[i]) ? fill : values[i];
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = n > 0 ? sum / n : 0;
  if (!Number.isFinite(fill)) return { feature: { name, fill, center: 0, scale: 1 }, overflow: `imputation value (${spec.impute.numeric})` };
  if (!Number.isFinite(sum)) return { feature: { name, fill, center: 0, scale: 1 }, overflow: 'mean' };
  if (spec.scale === 'none') return { feature: { name, fill, center: 0, scale: 1 } };
  if (spec.scale === 'minmax') {
    if (n > 0 && !Number.isFinite(max - min)) return { feature: { name, fill, center: 0, scale: 1 }, overflow: 'range (max − min)' };
    return { feature: { name, fill, center: n > 0 ? min : 0, scale: nonZero(max - min) } };
  }
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = (Number.isNaN(values[i]) ? fill : values[i]) - mean;
    ss += d * d;
  }
  if (!Number.isFinite(ss)) return { feature: { name, fill, center: 0, scale: 1 }, overflow: 'variance' };
  // Population std (ddof 0) like StandardScaler; a constant column keeps scale 1.
  return { feature: { name, fill, center: mean, scale: nonZero(n > 0 ? Math.sqrt(ss / n) : 0) } };
}

/** The row of the present value of largest magnitude: the one that made a statistic overflow. */
function largestMagnitude(values: Float64Array): number {
  let best = -1;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isNaN(values[i]) && (best < 0 || Math.abs(values[i]) > Math.abs(values[best]))) best = i;
  }
  return Math.max(best, 0);
}

function numericFill(values: Float64Array, spec: PreprocessSpec, presorted: Float64Array | undefined): number {
  if (spec.impute.numeric === 'constant' || !values.some((v) => !Number.isNaN(v))) return spec.impute.fill_numeric;
  // presentMedian is exactly quantile(sorted, 0.5), by selection when no sorted copy is at hand.
  if (spec.impute.numeric === 'median') return presorted === undefined ? presentMedian(values) : quantile(presorted, 0.5);
  // The mean sums the sorted values, as it always has: the same fill, bit for bit, as earlier versions.
  const sorted = presorted ?? sortedPresent(values);
  return sorted.reduce((a, b) => a + b, 0) / sorted.length;
}

function nonZero(scale: number): number {
  return scale > 0 && Number.isFinite(scale) ? scale : 1;
}

function fitCategorical(name: string, values: (string | null)[], spec: PreprocessSpec): CategoricalFeature {
  const counts = new Map<string, number>();
  countCategories(values, spec, counts);
  return categoricalFromCounts(name, counts, spec);
}

/**
 * Adds each value's count to `counts`. Imputation comes before encoding (as SimpleImputer →
 * OneHotEncoder): a constant fill counts as a category with the missing rows' count, and competes
 * for max_categories like any other, so the limit holds; beyond it, missing rows share the
 * unknown bucket with rare values.
 */
export function countCategories(values: readonly (string | null)[], spec: PreprocessSpec, counts: Map<string, number>): void {
  const constant = spec.impute.categorical === 'constant';
  for (const v of values) {
    const c = v ?? (constant ? spec.impute.fill_categorical : null);
    if (c !== null) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
}

/** The categorical feature from its category counts (countCategories over the training rows). */
export function categoricalFromCounts(name: string, counts: Map<string, number>, spec: PreprocessSpec): CategoricalFeature {
  const constant = spec.impute.categorical === 'constant';
  // Most frequent first, ties broken by the value so the order never depends on row order.
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const fill = constant ? spec.impute.fill_categorical : (ranked[0]?.[0] ?? null);
  const limit = spec.encode === 'ordinal' ? Math.min(spec.max_categories, MAX_ORDINAL_CATEGORIES) : spec.max_categories;
  const kept = ranked.slice(0, limit).map(([c]) => c);
  return { name, fill, categories: kept.sort() };
}

/**
 * Row-major model input for every row of `table`, which must hold the preprocessor's columns.
 * A scaled value float32 cannot hold is a DataError naming the row (as in `origin`) and column.
 */
export function transformTable(pre: Preprocessor, table: Table, from: RowOrigin | string = 'data'): { x: Float32Array; rows: number; cols: number } {
  if (pre.encode === 'ordinal') return transformOrdinal(pre, table, from);
  const rows = table.rowCount;
  const cols = pre.outputNames.length;
  const x = new Float32Array(rows * cols);
  let offset = 0;
  for (const f of pre.numeric) {
    const values = numericValues(table, f.name);
    for (let r = 0, i = offset; r < rows; r++, i += cols) {
      const v = Number.isNaN(values[r]) ? f.fill : values[r];
      x[i] = (v - f.center) / f.scale;
      if (!Number.isFinite(x[i])) throw inputOutOfRange(asOrigin(from), r, f.name, v, (v - f.center) / f.scale);
    }
    offset += 1;
  }
  for (const f of pre.categorical) {
    const values = categoricalValues(table, f.name);
    const index = new Map(f.categories.map((c, i) => [c, i] as const));
    const unknown = f.categories.length;
    for (let r = 0, i = offset; r < rows; r++, i += cols) {
      const v = values[r] ?? f.fill;
      x[i + (v === null ? unknown : (index.get(v) ?? unknown))] = 1;
    }
    offset += f.categories.length + 1;
  }
  for (const name of pre.missingIndicators ?? []) {
    const col = table.columns.get(name);
    if (!col) throw new Error(`internal: column '${name}' not in table`);
    for (let r = 0, i = offset; r < rows; r++, i += cols) {
      const v = col.values[r];
      if (v === null || (typeof v === 'number' && Number.isNaN(v))) x[i] = 1;
    }
    offset += 1;
  }
  return { x, rows, cols };
}

/** Ordinal rows: raw numbers (NaN stays NaN), category codes (missing and unknown are NaN). */
function transformOrdinal(pre: Preprocessor, table: Table, from: RowOrigin | string): { x: Float32Array; rows: number; cols: number } {
  const rows = table.rowCount;
  const cols = pre.outputNames.length;
  const x = new Float32Array(rows * cols);
  let offset = 0;
  for (const f of pre.numeric) {
    const values = numericValues(table, f.name);
    for (let r = 0, i = offset; r < rows; r++, i += cols) {
      x[i] = values[r];
      if (!Number.isFinite(x[i]) && !Number.isNaN(values[r])) throw inputOutOfRange(asOrigin(from), r, f.name, values[r], values[r]);
    }
    offset += 1;
  }
  for (const f of pre.categorical) {
    const values = categoricalValues(table, f.name);
    const index = new Map(f.categories.map((c, i) => [c, i] as const));
    for (let r = 0, i = offset; r < rows; r++, i += cols) {
      const v = values[r];
      x[i] = v === null ? NaN : (index.get(v) ?? NaN);
    }
    offset += 1;
  }
  return { x, rows, cols };
}

/**
 * Coerces a table read from any source (a scoring file, JSON records from the server) to the
 * column kinds the preprocessor was fitted on: numbers written as strings become numbers, a
 * categorical column read as numbers becomes strings. Missing or unusable columns are a DataError.
 */
export function alignTable(pre: Preprocessor, table: Table, from: RowOrigin | string): Table {
  const origin = asOrigin(from);
  const file = origin.file;
  const absent = [...pre.numeric, ...pre.categorical].filter((f) => !table.columns.has(f.name)).map((f) => f.name);
  // A production baseline may use a column the candidate does not, which a ranges read did not fetch although the file has it.
  const unfetched = absent.filter((name) => table.fileColumns?.includes(name));
  if (unfetched.length > 0) {
    throw new DataError(`${file}: the model uses ${unfetched.map((n) => `'${n}'`).join(', ')}, which data.read: ranges did not fetch (it reads only the columns this pipeline uses)`, {
      file, column: unfetched[0], rule: 'missing_column',
      hint: 'Compare against this model with data.read: whole, or list the column under data.features while the two models differ.',
    });
  }
  if (absent.length > 0) {
    const present = [...table.columns.keys()];
    const named = absent.map((name) => `'${name}'${didYouMean(name, present)}`).join(', ');
    throw new DataError(`${file}: missing ${absent.length === 1 ? 'column' : `${absent.length} columns`} ${named}, which the model was trained on`, {
      file,
      column: absent[0],
      rule: 'missing_column',
      hint: `Provide every feature column the model expects (see preprocessor.json); the input has ${listColumns(present)}.`,
    });
  }
  const columns = new Map<string, Column>();
  for (const f of pre.numeric) columns.set(f.name, { kind: 'numeric', values: asNumeric(table, f.name, origin) });
  for (const f of pre.categorical) columns.set(f.name, { kind: 'categorical', values: asCategorical(table, f.name, origin.file) });
  return { rowCount: table.rowCount, columns };
}

function requireColumn(table: Table, name: string, file: string): Column {
  const col = table.columns.get(name);
  if (!col) {
    throw new DataError(`${file}: missing column '${name}', which the model was trained on`, {
      file,
      column: name,
      rule: 'missing_column',
      hint: `Provide every feature column the model expects (see preprocessor.json).`,
    });
  }
  return col;
}

function asNumeric(table: Table, name: string, origin: RowOrigin): Float64Array {
  const col = requireColumn(table, name, origin.file);
  if (col.kind === 'numeric') {
    const bad = col.values.findIndex((v) => !Number.isNaN(v) && !Number.isFinite(v));
    if (bad >= 0) throw notNumber(origin, name, bad, String(col.values[bad]));
    return col.values;
  }
  const out = new Float64Array(col.values.length);
  col.values.forEach((s, i) => {
    if (s === null || s.trim() === '') return void (out[i] = NaN);
    const v = Number(s);
    if (!Number.isFinite(v)) throw notNumber(origin, name, i, s);
    out[i] = v;
  });
  return out;
}

function notNumber(origin: RowOrigin, column: string, rowIndex: number, got: string): DataError {
  const row = sourceRow(origin, rowIndex);
  return new DataError(`${origin.file}: ${origin.noun ?? 'data row'} ${row}, column '${column}': expected a finite number, got '${got}'`, {
    file: origin.file,
    column,
    row,
    rule: 'numeric',
  });
}

function asCategorical(table: Table, name: string, file: string): (string | null)[] {
  const col = requireColumn(table, name, file);
  if (col.kind === 'categorical') return col.values;
  return Array.from(col.values, (v) => (Number.isNaN(v) ? null : String(v)));
}

function numericValues(table: Table, name: string): Float64Array {
  const col = table.columns.get(name);
  if (!col || col.kind !== 'numeric') throw new Error(`internal: numeric column '${name}' not in table`);
  return col.values;
}

function categoricalValues(table: Table, name: string): (string | null)[] {
  const col = table.columns.get(name);
  if (!col) throw new Error(`internal: column '${name}' not in table`);
  return col.kind === 'categorical' ? col.values : Array.from(col.values, (v) => (Number.isNaN(v) ? null : String(v)));
}

/** Checks the shape of a `preprocessor.json` read from disk; a damaged file is a ModelFileError. */
export function parsePreprocessor(json: unknown, file: string): Preprocessor {
  const fail = (what: string) =>
    new ModelFileError(`${file}: ${what}`, { file, hint: 'Use the preprocessor.json written with the model by `pipepilot run`.' });
  if (typeof json !== 'object' || json === null) throw fail('expected a JSON object');
  const p = json as Partial<Preprocessor>;
  if (p.format !== 'pipepilot-preprocessor/v1') throw fail(`unknown format ${JSON.stringify(p.format)}, expected "pipepilot-preprocessor/v1"`);
  if (!Array.isArray(p.numeric) || !Array.isArray(p.categorical) || !Array.isArray(p.outputNames)) {
    throw fail('missing numeric, categorical or outputNames');
  }
  for (const f of p.numeric) {
    if (typeof f?.name !== 'string' || ![f.fill, f.center, f.scale].every((v) => typeof v === 'number' && Number.isFinite(v)) || f.scale === 0) {
      throw fail(`bad numeric feature ${JSON.stringify(f?.name)}`);
    }
  }
  for (const f of p.categorical) {
    if (typeof f?.name !== 'string' || !Array.isArray(f.categories) || !f.categories.every((c) => typeof c === 'string')) {
      throw fail(`bad categorical feature ${JSON.stringify(f?.name)}`);
    }
  }
  if (p.encode !== undefined && p.encode !== 'ordinal') throw fail(`unknown encode ${JSON.stringify(p.encode)}, expected "ordinal" or none`);
  const features = new Set([...p.numeric.map((f) => f.name), ...p.categorical.map((f) => f.name)]);
  const indicators = p.missingIndicators ?? [];
  if (!Array.isArray(indicators) || !indicators.every((name) => typeof name === 'string' && features.has(name))) {
    throw fail('missingIndicators must list feature names');
  }
  if (p.encode === 'ordinal' && indicators.length > 0) throw fail('an ordinal preprocessor has no missing indicators: trees route missing values themselves');
  const expected = p.encode === 'ordinal'
    ? p.numeric.length + p.categorical.length
    : p.numeric.length + p.categorical.reduce((n, f) => n + f.categories.length + 1, 0) + indicators.length;
  if (p.outputNames.length !== expected) throw fail(`outputNames has ${p.outputNames.length} entries, expected ${expected}`);
  const t = p.target;
  if (!t || typeof t.name !== 'string' || !['binary_classification', 'multiclass_classification', 'regression'].includes(t.task) || !Array.isArray(t.classes)) {
    throw fail('missing or bad target');
  }
  return p as Preprocessor;
}
