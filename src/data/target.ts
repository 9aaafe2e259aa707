import { DataError } from '../errors.js';
import type { Task } from '../spec/types.js';
import type { FeatureSchema } from './feature-schema.js';
import { takeRows, type Column, type Table } from './table.js';

export interface PreparedTarget {
  /** The rows whose target is present, in file order. */
  table: Table;
  /** Regression: the target. Binary: 1 for the positive class, else 0. Multiclass: the class index. */
  y: Float64Array;
  /** Classification labels, sorted; binary: [negative, positive]. Empty for regression. */
  classes: string[];
  /** 0-based data row of each kept row in the table as read (for messages naming rows). */
  sourceRows: Uint32Array;
  droppedMissingTarget: number;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Label order: numbers by value ('2' before '10'), then text by code unit (locale-independent, so stable everywhere). */
export function compareLabels(a: string, b: string): number {
  const an = NUMBER.test(a);
  const bn = NUMBER.test(b);
  if (an && bn) return Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0);
  if (an !== bn) return an ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function labelOf(column: Column, i: number): string | null {
  if (column.kind === 'categorical') return column.values[i];
  const v = column.values[i];
  return Number.isNaN(v) ? null : String(v);
}

function presentRows(column: Column): Uint32Array {
  // Into a typed array, one loop per kind: a JS array of 3M row numbers, then copied, cost ~80 ms.
  const rows = new Uint32Array(column.values.length);
  let n = 0;
  if (column.kind === 'numeric') {
    const values = column.values;
    for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) rows[n++] = i;
  } else {
    const values = column.values;
    for (let i = 0; i < values.length; i++) if (values[i] !== null) rows[n++] = i;
  }
  return n === rows.length ? rows : rows.slice(0, n);
}

export function classLabels(labels: (string | null)[], task: Task, file: string, target: string, positiveClass?: string): string[] {
  const sorted = [...new Set(labels as string[])].sort(compareLabels);
  if (task === 'binary_classification') {
    if (sorted.length !== 2) {
      throw new DataError(`${file}: binary classification needs exactly 2 classes in '${target}', found ${sorted.length}: ${sorted.slice(0, 10).map((c) => `'${c}'`).join(', ')}`, {
        file, column: target, rule: 'classes',
        hint: sorted.length > 2 ? 'Use model.task: multiclass_classification, or map the labels to two classes.' : 'The data needs rows of both classes.',
      });
    }
    if (positiveClass === undefined) return sorted;
    const positive = String(positiveClass);
    if (!sorted.includes(positive)) {
      throw new DataError(`${file}: positive_class '${positive}' is not a label of '${target}' (labels: '${sorted[0]}', '${sorted[1]}')`, {
        file, column: target, rule: 'positive_class', hint: 'Set data.positive_class to one of the two labels, as written in the data.',
      });
    }
    return sorted[0] === positive ? [sorted[1], sorted[0]] : sorted;
  }
  if (sorted.length < 2) {
    throw new DataError(`${file}: multiclass classification needs at least 2 classes in '${target}', found ${sorted.length}`, {
      file, column: target, rule: 'classes', hint: 'The data needs rows of at least two classes.',
    });
  }
  return sorted;
}

/** The target column; its absence is a DataError naming it. */
export function targetColumn(table: Table, schema: FeatureSchema, file: string): Column {
  const column = table.columns.get(schema.target);
  if (column === undefined) {
    throw new DataError(`${file}: target column '${schema.target}' is not in the data`, { file, column: schema.target, rule: 'target' });
  }
  return column;
}

/**
 * Keeps the rows whose target is present and encodes the target: labels as text (a numeric
 * 0/1 target becomes '0'/'1'), classes sorted; binary needs exactly two (the positive one is
 * data.positive_class, else the second sorted label); regression needs a numeric target.
 */
export function prepareTarget(table: Table, schema: FeatureSchema, task: Task, opts: { file: string; positiveClass?: string }): PreparedTarget {
  const { file } = opts;
  const column = targetColumn(table, schema, file);
  const sourceRows = presentRows(column);
  // No row lacks a target (the usual case): keep the table as read rather than copy every column.
  const kept = sourceRows.length === table.rowCount ? table : takeRows(table, sourceRows);
  const droppedMissingTarget = table.rowCount - sourceRows.length;
  const keptColumn = kept.columns.get(schema.target) as Column;
  if (task === 'regression') {
    if (keptColumn.kind !== 'numeric') {
      const example = keptColumn.values.find((v) => v !== null && Number.isNaN(Number(v)));
      throw new DataError(`${file}: regression target '${schema.target}' holds text (e.g. '${String(example)}')`, {
        file, column: schema.target, rule: 'target', hint: 'Use a numeric target, or model.task: binary_classification / multiclass_classification.',
      });
    }
    return { table: kept, y: keptColumn.values.slice(), classes: [], sourceRows, droppedMissingTarget };
  }
  const labels = Array.from({ length: kept.rowCount }, (_, i) => labelOf(keptColumn, i));
  const classes = classLabels(labels, task, file, schema.target, opts.positiveClass);
  const index = new Map(classes.map((c, i) => [c, i]));
  const y = Float64Array.from(labels, (label) => index.get(label as string) as number);
  return { table: kept, y, classes, sourceRows, droppedMissingTarget };
}
