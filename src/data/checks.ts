import { DataError } from '../errors.js';
import type { DataSpec, Task } from '../spec/types.js';
import type { FeatureSchema } from './feature-schema.js';
import type { Table } from './table.js';

export interface Failure {
  rule: string;
  message: string;
  column?: string;
  row?: number;
}

function missingFraction(table: Table, name: string): number {
  const column = table.columns.get(name);
  if (column === undefined || table.rowCount === 0) return 0;
  // Indexed loops, one per column kind: for-of with a type test per value cost ~30 ms a column of 3M rows.
  let missing = 0;
  if (column.kind === 'numeric') {
    const values = column.values;
    for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) missing++;
  } else {
    const values = column.values;
    for (let i = 0; i < values.length; i++) if (values[i] === null) missing++;
  }
  return missing / table.rowCount;
}

// The two scans below are plain loops: TypedArray.findIndex's callback per value is several times slower on millions of rows.

function firstInfinite(values: Float64Array): number {
  for (let i = 0; i < values.length; i++) if (values[i] === Infinity || values[i] === -Infinity) return i;
  return -1;
}

function firstBeyondFloat32(values: Float64Array): number {
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]) && !Number.isFinite(Math.fround(values[i]))) return i;
  return -1;
}

function checkColumnsExist(table: Table, schema: FeatureSchema): Failure[] {
  return [schema.target, ...schema.numeric, ...schema.categorical]
    .filter((name) => !table.columns.has(name))
    .map((name) => ({ rule: 'columns', column: name, message: `column '${name}' is not in the data` }));
}

function checkMissing(table: Table, schema: FeatureSchema, limit: number): Failure[] {
  const failures: Failure[] = [];
  const imputed = new Set(schema.missingIndicators ?? []);
  for (const name of [...schema.numeric, ...schema.categorical]) {
    if (imputed.has(name)) continue;
    const fraction = missingFraction(table, name);
    if (fraction > limit) {
      failures.push({
        rule: 'max_missing_fraction', column: name,
        message: `column '${name}' is ${(100 * fraction).toFixed(1)}% missing (${fraction.toFixed(3)}), more than max_missing_fraction ${limit}`,
      });
    }
  }
  return failures;
}

/** ±Infinity is not a value a model can use; name the first one, by data row (1-based). */
function checkFinite(table: Table, names: string[], sourceRows?: ArrayLike<number>): Failure[] {
  const failures: Failure[] = [];
  for (const name of names) {
    const column = table.columns.get(name);
    if (column?.kind !== 'numeric') continue;
    const i = firstInfinite(column.values);
    if (i < 0) continue;
    const row = (sourceRows === undefined ? i : sourceRows[i]) + 1;
    failures.push({ rule: 'finite', column: name, row, message: `column '${name}' holds ${column.values[i]} at data row ${row}` });
  }
  return failures;
}

/**
 * The model computes and answers in float32: a regression target beyond float32's range
 * (|v| > 3.4e38) can never be predicted, and its weights would overflow. Name the first one.
 */
function checkFloat32Target(table: Table, name: string, sourceRows?: ArrayLike<number>): Failure[] {
  const column = table.columns.get(name);
  if (column?.kind !== 'numeric') return [];
  const i = firstBeyondFloat32(column.values);
  if (i < 0) return [];
  const row = (sourceRows === undefined ? i : sourceRows[i]) + 1;
  return [{ rule: 'finite', column: name, row, message: `column '${name}' holds ${column.values[i]} at data row ${row}, beyond the model's float32 range (±3.4e38)` }];
}

function checkClasses(y: Float64Array, classes: string[], minClassRows: number): Failure[] {
  const counts = new Array<number>(classes.length).fill(0);
  for (const v of y) counts[v]++;
  return classCountFailures(counts, classes, minClassRows);
}

function classCountFailures(counts: number[], classes: string[], minClassRows: number): Failure[] {
  const present = counts.filter((c) => c > 0).length;
  const failures: Failure[] = [];
  if (present < 2) failures.push({ rule: 'classes', message: `the target has ${present} class(es) with rows; classification needs at least 2` });
  classes.forEach((label, k) => {
    if (counts[k] < minClassRows) {
      failures.push({ rule: 'min_class_rows', message: `class '${label}' has ${counts[k]} row(s), fewer than min_class_rows ${minClassRows}` });
    }
  });
  return failures;
}

/**
 * The data checks of `data.checks`, on the rows with a target (from prepareTarget). Every
 * failure is collected into one DataError, one line each, whose `rule` is the first's.
 * `sourceRows` maps table rows to data rows so messages name rows as in the file's data.
 */
export function checkData(
  table: Table,
  schema: FeatureSchema,
  y: Float64Array,
  classes: string[],
  spec: DataSpec,
  task: Task,
  sourceRows?: ArrayLike<number>,
): void {
  const failures = checkColumnsExist(table, schema);
  if (table.rowCount < spec.checks.min_rows) {
    failures.push({ rule: 'min_rows', message: `${table.rowCount} row(s) with a target, fewer than min_rows ${spec.checks.min_rows}` });
  }
  failures.push(...checkMissing(table, schema, spec.checks.max_missing_fraction));
  const finiteColumns = task === 'regression' ? [...schema.numeric, schema.target] : schema.numeric;
  failures.push(...checkFinite(table, finiteColumns, sourceRows));
  if (task === 'regression') failures.push(...checkFloat32Target(table, schema.target, sourceRows));
  if (task !== 'regression') failures.push(...checkClasses(y, classes, spec.checks.min_class_rows));
  throwFailures(failures, spec);
}

/**
 * The finite checks of checkData on one batch of rows (data.stream, issue 10): ±Infinity in a
 * numeric feature (or a regression target), a regression target beyond float32.
 */
export function nonFiniteFailures(table: Table, schema: FeatureSchema, task: Task, sourceRows: ArrayLike<number>): Failure[] {
  const finiteColumns = task === 'regression' ? [...schema.numeric, schema.target] : schema.numeric;
  const failures = checkFinite(table, finiteColumns, sourceRows);
  if (task === 'regression') failures.push(...checkFloat32Target(table, schema.target, sourceRows));
  return failures;
}

/**
 * checkData for data.stream: the same rules and messages from counts gathered in one pass over
 * the row groups (rows with a target, missing values per feature, rows per class), plus the
 * finite failures nonFiniteFailures found (the first per column).
 */
export function checkStreamedData(
  counts: { rows: number; missing: ReadonlyMap<string, number>; classRows: number[] },
  schema: FeatureSchema, classes: string[], spec: DataSpec, task: Task, nonFinite: Failure[],
): void {
  const failures: Failure[] = [];
  if (counts.rows < spec.checks.min_rows) {
    failures.push({ rule: 'min_rows', message: `${counts.rows} row(s) with a target, fewer than min_rows ${spec.checks.min_rows}` });
  }
  const imputed = new Set(schema.missingIndicators ?? []);
  const limit = spec.checks.max_missing_fraction;
  for (const name of [...schema.numeric, ...schema.categorical]) {
    if (imputed.has(name)) continue;
    const fraction = counts.rows === 0 ? 0 : (counts.missing.get(name) ?? 0) / counts.rows;
    if (fraction > limit) {
      failures.push({
        rule: 'max_missing_fraction', column: name,
        message: `column '${name}' is ${(100 * fraction).toFixed(1)}% missing (${fraction.toFixed(3)}), more than max_missing_fraction ${limit}`,
      });
    }
  }
  failures.push(...nonFinite);
  if (task !== 'regression') failures.push(...classCountFailures(counts.classRows, classes, spec.checks.min_class_rows));
  throwFailures(failures, spec);
}

function throwFailures(failures: Failure[], spec: DataSpec): void {
  if (failures.length === 0) return;
  const first = failures[0];
  throw new DataError(
    [`${spec.source}: data checks failed:`, ...failures.map((f) => `  - ${f.message}`)].join('\n'),
    {
      file: spec.source, rule: first.rule, column: first.column, row: first.row,
      hint: 'Fix the data, or relax data.checks in the pipeline if the data is right.',
    },
  );
}
