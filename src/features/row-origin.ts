import { DataError } from '../errors.js';

/**
 * Where the rows of a table came from, so a message names a row as the user sees it: a data
 * file's rows as "data row N" (1-based, the header not counted — as the data checks count
 * them), a request body's records as "record N". `sourceRows` maps each table row to its
 * 0-based row in the source when the table is a subset (rows with a target, a train/test split).
 */
export interface RowOrigin {
  file: string;
  sourceRows?: ArrayLike<number>;
  /** `record` for the records of a request; `data row` (the default) for a file. */
  noun?: 'data row' | 'record';
}

export function asOrigin(origin: RowOrigin | string): RowOrigin {
  return typeof origin === 'string' ? { file: origin } : origin;
}

/** The 1-based row number in the source of table row `i`. */
export function sourceRow(origin: RowOrigin, i: number): number {
  return (origin.sourceRows === undefined ? i : origin.sourceRows[i]) + 1;
}

function where(origin: RowOrigin, i: number, column: string): string {
  return `${origin.file}: ${origin.noun ?? 'data row'} ${sourceRow(origin, i)}, column '${column}'`;
}

/**
 * The model computes in float32: a scaled input beyond ±3.4e38 becomes ±Infinity and the answer
 * is NaN or a saturated guess. Such an input is refused, not clipped — clipping would answer for
 * a different record than the one sent.
 */
export function inputOutOfRange(origin: RowOrigin, i: number, column: string, value: number, scaled: number): DataError {
  return new DataError(
    `${where(origin, i, column)}: ${value} is too far from the training data to score (it scales to ${scaled}, beyond float32's range)`,
    {
      file: origin.file, column, row: sourceRow(origin, i), rule: 'finite',
      hint: 'Check the value (a unit or typing mistake?); the model cannot give a meaningful answer for it.',
    },
  );
}

/** A training column whose mean or spread overflows float64: the scaler cannot be fitted on it. */
export function statisticsOverflow(origin: RowOrigin, i: number, column: string, value: number, what: string): DataError {
  return new DataError(
    `${where(origin, i, column)}: ${value} makes the column's ${what} overflow, so it cannot be scaled`,
    {
      file: origin.file, column, row: sourceRow(origin, i), rule: 'finite',
      hint: 'Fix or drop the value (a unit or typing mistake?), or leave the column out of data.features.',
    },
  );
}

/**
 * The model's output for a row is not a finite number (an exp that overflowed, an input far out
 * of range). The column named is the row's most extreme scaled input, the likeliest culprit.
 */
export function outputNotFinite(origin: RowOrigin, i: number, column: string, value: number, scaled: number, output: number): DataError {
  return new DataError(
    `${where(origin, i, column)}: the model's output for this row is ${output}, not a number it can answer with ` +
      `(its most extreme input: ${value}, ${scaled.toPrecision(3)} after scaling)`,
    {
      file: origin.file, column, row: sourceRow(origin, i), rule: 'finite_output',
      hint: 'Check the value (a unit or typing mistake?); the model cannot give a meaningful answer for it.',
    },
  );
}
