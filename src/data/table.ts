/**
 * The in-memory data set: columnar, so a 3M-row Parquet file stays in typed arrays rather than
 * millions of JS objects. A `Map` keys columns so a column called `__proto__` is just a name.
 */
export interface NumericColumn {
  kind: 'numeric';
  /** NaN marks a missing value. */
  values: Float64Array;
}

export interface CategoricalColumn {
  kind: 'categorical';
  /** null marks a missing value. */
  values: (string | null)[];
}

export type Column = NumericColumn | CategoricalColumn;

export interface Table {
  rowCount: number;
  /** In file order. */
  columns: Map<string, Column>;
  /**
   * Every column the file has, in order, when `columns` holds only some: a remote Parquet file
   * read by ranges fetches only the columns the pipeline uses (issue 10). The feature schema
   * still knows the others by name, to report them excluded as a whole read would.
   */
  fileColumns?: string[];
}

/** The rows at `indices`, in that order, as a new table (typed arrays copied, not shared). */
export function takeRows(table: Table, indices: ArrayLike<number>): Table {
  const columns = new Map<string, Column>();
  for (const [name, col] of table.columns) {
    if (col.kind === 'numeric') {
      const values = new Float64Array(indices.length);
      for (let i = 0; i < indices.length; i++) values[i] = col.values[indices[i]];
      columns.set(name, { kind: 'numeric', values });
    } else {
      const values = new Array<string | null>(indices.length);
      for (let i = 0; i < indices.length; i++) values[i] = col.values[indices[i]];
      columns.set(name, { kind: 'categorical', values });
    }
  }
  return { rowCount: indices.length, columns, ...(table.fileColumns && { fileColumns: table.fileColumns }) };
}

/** Fraction of missing values (NaN or null) in a column; 0 for an empty one. */
export function missingFraction(column: Column): number {
  let missing = 0;
  if (column.kind === 'numeric') {
    for (let i = 0; i < column.values.length; i++) if (Number.isNaN(column.values[i])) missing++;
  } else {
    for (const v of column.values) if (v === null) missing++;
  }
  return column.values.length === 0 ? 0 : missing / column.values.length;
}
