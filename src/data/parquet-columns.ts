import type { ColumnSource } from 'hyparquet-writer';
import type { Table } from './table.js';

/**
 * A table as hyparquet-writer's columns, typed as PipePilot inferred them: a numeric column
 * becomes DOUBLE, a categorical one STRING (UTF-8), both nullable with a missing value as null.
 * So a CSV converted to Parquet reads back into the same table (`pipepilot data convert`,
 * issue 10): a code column of text digits stays text only if it was read as text.
 */
export function parquetColumns(table: Table): ColumnSource[] {
  const out: ColumnSource[] = [];
  for (const [name, column] of table.columns) {
    if (column.kind === 'numeric') {
      const data = Array.from(column.values, (v) => (Number.isNaN(v) ? null : v));
      out.push({ name, data, type: 'DOUBLE', nullable: true });
    } else {
      out.push({ name, data: column.values, type: 'STRING', nullable: true });
    }
  }
  return out;
}
