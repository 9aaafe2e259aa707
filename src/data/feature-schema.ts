import { DataError } from '../errors.js';
import type { DataSpec, Task } from '../spec/types.js';
import { unknownColumnsError } from './column-suggestion.js';
import { parseNumberLiteral } from './infer-column.js';
import { missingFraction } from './table.js';
import { sortedPresent } from './sorted-values.js';
import type { CategoricalColumn, Column, NumericColumn, Table } from './table.js';

/** Which columns feed the model, as what, and which were left out and why. Columns in file order. */
export interface FeatureSchema {
  target: string;
  numeric: string[];
  categorical: string[];
  excluded: { column: string; reason: string }[];
  /** Features imputed with an extra missing-indicator input (see planMissingIndicators). */
  missingIndicators?: string[];
}

const ID_NAME = /(^|_)(id|key|uuid)$/i;
// Thresholds for leaving inferred categorical columns out; see whyNotCategorical.
const ID_UNIQUE_FRACTION = 0.9;
const ID_MIN_DISTINCT = 10;
const TEXT_MEAN_LENGTH = 40;
const TEXT_UNIQUE_FRACTION = 0.5;
const TEXT_MIN_DISTINCT = 50;

/**
 * Why an inferred numeric column should not be a feature, or undefined when it should.
 * One pass over the values; uniqueness is checked (by sorting a copy) only for all-integer
 * columns named like an id, since a Set of millions of doubles costs seconds.
 */
function whyNotNumeric(name: string, col: NumericColumn): string | undefined {
  const values = col.values;
  let present = 0;
  let first = NaN;
  let constant = true;
  let integers = true;
  let sequential = true;
  let previous = NaN;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) {
      sequential = false;
      continue;
    }
    if (present === 0) first = v;
    else {
      if (v !== first) constant = false;
      if (v !== previous + 1) sequential = false;
    }
    if (integers && !Number.isInteger(v)) integers = false;
    previous = v;
    present++;
  }
  if (present === 0) return 'no values (every row is missing)';
  if (constant) return `a single value (${first}) in every row`;
  if (!integers) return undefined;
  // Unique integers are a row identifier when counting up one by one, or when named like one.
  if (sequential) return 'an identifier (unique integers counting up by one)';
  if (!ID_NAME.test(name)) return undefined;
  const sorted = sortedPresent(values);
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) return undefined;
  return 'an identifier (unique integers, named like an id)';
}

/** Why an inferred categorical column should not be a feature, or undefined when it should. */
function whyNotCategorical(col: CategoricalColumn): string | undefined {
  const present = col.values.filter((v): v is string => v !== null);
  if (present.length === 0) return 'no values (every row is missing)';
  const distinct = new Set(present).size;
  if (distinct === 1) return `a single value ('${present[0]}') in every row`;
  const meanLength = present.reduce((sum, v) => sum + v.length, 0) / present.length;
  if (meanLength > TEXT_MEAN_LENGTH) return `free text (values average ${meanLength.toFixed(0)} characters)`;
  if (distinct > ID_UNIQUE_FRACTION * present.length && distinct > ID_MIN_DISTINCT) {
    return `an identifier (${distinct} distinct values in ${present.length} rows)`;
  }
  if (distinct > TEXT_UNIQUE_FRACTION * present.length && distinct > TEXT_MIN_DISTINCT) {
    return `free text (${distinct} distinct values in ${present.length} rows)`;
  }
  return undefined;
}

// A categorical column whose present values are at least this share of numbers, with at most
// PLACEHOLDER_MAX_DISTINCT distinct texts besides, is a numeric column with a placeholder ('-', 'n/a', '?').
const MOSTLY_NUMERIC_FRACTION = 0.8;
const PLACEHOLDER_MAX_DISTINCT = 3;

/**
 * The warning for an inferred categorical column that is mostly numbers: the few texts among
 * them are almost always placeholders for "missing", which data.missing_values should name;
 * left as is, every number becomes a category of its own (issue 14).
 */
function placeholderWarning(name: string, col: CategoricalColumn, source: string): string | undefined {
  let numbers = 0;
  const texts = new Map<string, number>();
  for (const v of col.values) {
    if (v === null) continue;
    if (parseNumberLiteral(v.trim()) !== undefined) numbers++;
    else {
      texts.set(v, (texts.get(v) ?? 0) + 1);
      // Texts only accumulate, so past this many the answer is known: stop (a plain text column
      // is decided in its first rows instead of a number test per value of the whole column).
      if (texts.size > PLACEHOLDER_MAX_DISTINCT) return undefined;
    }
  }
  const present = numbers + [...texts.values()].reduce((a, b) => a + b, 0);
  if (present === 0 || numbers < MOSTLY_NUMERIC_FRACTION * present || texts.size > PLACEHOLDER_MAX_DISTINCT) return undefined;
  const named = [...texts.entries()].sort((a, b) => b[1] - a[1]).map(([t, n]) => `'${t}' (${n} row${n === 1 ? '' : 's'})`).join(', ');
  const list = [...texts.keys()].map((t) => JSON.stringify(t)).join(', ');
  return `${source}: column '${name}' is mostly numbers (${((numbers / present) * 100).toFixed(0)}% of its values) but also holds ${named}, so it was read as categorical with one category per number; if ${texts.size === 1 ? 'that marks' : 'those mark'} a missing value, add ${list} to data.missing_values (or list '${name}' under data.features.categorical to keep it as categories)`;
}

function checkNamed(table: Table, data: DataSpec): void {
  const file = data.source;
  const available = table.fileColumns ?? [...table.columns.keys()];
  const named: [string, string][] = [
    [data.target, 'target'],
    ...data.features.numeric.map((c): [string, string] => [c, 'numeric feature']),
    ...data.features.categorical.map((c): [string, string] => [c, 'categorical feature']),
    ...data.drop.map((c): [string, string] => [c, 'dropped column']),
  ];
  const present = new Set(available);
  const missing = named.filter(([column]) => !present.has(column)).map(([name, what]) => ({ name, what }));
  if (missing.length > 0) throw unknownColumnsError(missing, available, { file, rule: 'columns' });
  const roles = new Map<string, string>();
  for (const [column, what] of named) {
    const earlier = roles.get(column);
    if (earlier !== undefined) {
      throw new DataError(`${file}: column '${column}' is named both as ${earlier} and as ${what}`, {
        file, column, rule: 'features', hint: 'Give each column one role in data: target, a feature list, or drop.',
      });
    }
    roles.set(column, what);
  }
}

function checkListedNumeric(table: Table, data: DataSpec): void {
  for (const name of data.features.numeric) {
    const column = table.columns.get(name) as Column;
    if (column.kind !== 'numeric') {
      const example = column.values.find((v) => v !== null && Number.isNaN(Number(v)));
      throw new DataError(`${data.source}: numeric feature '${name}' holds text (e.g. '${String(example)}')`, {
        file: data.source, column: name, rule: 'features',
        hint: `List '${name}' under features.categorical, or add its placeholder text to data.missing_values.`,
      });
    }
  }
}

/**
 * An inferred column missing in more rows than data.checks.max_missing_fraction allows is left
 * out (with a warning) rather than failing the run: nobody asked for it. A listed one still fails
 * the data check, since the pipeline named it.
 */
function tooSparse(column: Column, maxMissingFraction: number): string | undefined {
  const fraction = missingFraction(column);
  if (fraction === 1 || fraction <= maxMissingFraction) return undefined;
  return `${(fraction * 100).toFixed(0)}% missing, over data.checks.max_missing_fraction ${maxMissingFraction}`;
}

/**
 * Decides the feature schema: listed features as listed (a numeric column listed as
 * categorical is used as categories), then, when `features.infer` is on, every other column
 * by its type, leaving out identifiers, free text, constant and empty columns (each with a
 * warning), as are columns missing more often than data.checks.max_missing_fraction.
 * Deterministic: columns in file order.
 */
export function inferFeatureSchema(table: Table, data: DataSpec, _task: Task): { schema: FeatureSchema; warnings: string[] } {
  checkNamed(table, data);
  checkListedNumeric(table, data);
  const listedNumeric = new Set(data.features.numeric);
  const listedCategorical = new Set(data.features.categorical);
  const dropped = new Set(data.drop);
  const schema: FeatureSchema = { target: data.target, numeric: [], categorical: [], excluded: [] };
  const warnings: string[] = [];
  // A ranges read holds only the used columns; the others (dropped, or unlisted with infer off)
  // are named in fileColumns and excluded below without their values.
  for (const name of table.fileColumns ?? table.columns.keys()) {
    if (name === data.target) continue;
    if (listedNumeric.has(name)) schema.numeric.push(name);
    else if (listedCategorical.has(name)) schema.categorical.push(name);
    else if (dropped.has(name)) schema.excluded.push({ column: name, reason: 'listed in data.drop' });
    else if (!data.features.infer) schema.excluded.push({ column: name, reason: 'not listed as a feature (features.infer is off)' });
    else {
      const column = table.columns.get(name) as Column;
      const why = tooSparse(column, data.checks.max_missing_fraction)
        ?? (column.kind === 'numeric' ? whyNotNumeric(name, column) : whyNotCategorical(column));
      const placeholder = column.kind === 'categorical' ? placeholderWarning(name, column, data.source) : undefined;
      if (placeholder !== undefined) warnings.push(placeholder);
      if (why === undefined) (column.kind === 'numeric' ? schema.numeric : schema.categorical).push(name);
      else {
        schema.excluded.push({ column: name, reason: why });
        warnings.push(`${data.source}: column '${name}' left out of the features: ${why}; list it under data.features to use it anyway`);
      }
    }
  }
  if (schema.numeric.length + schema.categorical.length === 0) {
    throw new DataError(`${data.source}: no feature columns to train on`, {
      file: data.source, rule: 'features', hint: 'List feature columns under data.features (numeric, categorical) or turn on features.infer.',
    });
  }
  return { schema, warnings };
}

/**
 * The table the features code sees: the target and the features only, each feature of the
 * kind the schema says (a numeric column used as categorical becomes its number's text).
 */
export function applyFeatureSchema(table: Table, schema: FeatureSchema): Table {
  const keep = new Set([schema.target, ...schema.numeric, ...schema.categorical]);
  const categorical = new Set(schema.categorical);
  const columns = new Map<string, Column>();
  for (const [name, column] of table.columns) {
    if (!keep.has(name)) continue;
    if (categorical.has(name) && column.kind === 'numeric') {
      columns.set(name, { kind: 'categorical', values: Array.from(column.values, (v) => (Number.isNaN(v) ? null : String(v))) });
    } else columns.set(name, column);
  }
  return { rowCount: table.rowCount, columns };
}
