import { CsvError, parse } from 'csv-parse/sync';
import { DataError } from '../errors.js';
import { inferColumn, type RawValue } from './infer-column.js';
import type { Column } from './table.js';

export interface TextReadOptions {
  file: string;
  missing: Set<string>;
  columns?: readonly string[];
}

/** What a format reader returns: the columns read, the row count, and every column the file has. */
export interface ReadResult {
  rowCount: number;
  columns: Map<string, Column>;
  available: string[];
}

/** The header row's names, checked: every column needs a distinct, non-empty name. */
function checkHeader(header: readonly string[], file: string): void {
  const seen = new Set<string>();
  header.forEach((name, i) => {
    if (name.trim() === '') {
      throw new DataError(`${file}:1: column ${i + 1} of the header row has no name`, {
        file, row: 1, rule: 'header', hint: 'Give every column a name in the first row (a header row is required).',
      });
    }
    if (seen.has(name)) {
      throw new DataError(`${file}:1: the header row names column '${name}' twice`, {
        file, column: name, row: 1, rule: 'header', hint: 'Rename one of the two columns so every name is unique.',
      });
    }
    seen.add(name);
  });
}

function csvFailure(err: CsvError, file: string, headerWidth: number): DataError {
  const line = typeof err.lines === 'number' ? err.lines : undefined;
  const where = line === undefined ? file : `${file}:${line}`;
  if (err.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
    const got = Array.isArray(err.record) ? err.record.length : 'a different number of';
    return new DataError(`${where}: row has ${got} field(s), the header row has ${headerWidth}`, {
      file, row: line, rule: 'csv', cause: err,
      hint: 'Every row needs one value per header column; quote values that contain commas or line breaks.',
    });
  }
  return new DataError(`${where}: not valid CSV: ${err.message}`, {
    file, row: line, rule: 'csv', cause: err,
    hint: 'Quote values containing commas, quotes or line breaks ("…"), and double quotes inside them ("").',
  });
}

/**
 * How the JS reader has csv-parse split a file; the DuckDB engine's first-rows sample
 * (engine-csv.ts) reads with the same options, so both see the same cells.
 */
export const CSV_PARSE_OPTIONS: { bom: boolean; skip_empty_lines: boolean; record_delimiter: string[] } = {
  bom: true,
  skip_empty_lines: true,
  // Files edited on two systems mix CRLF and LF; csv-parse otherwise guesses one from the first
  // line and leaves a stray '\r' in the last cell (a label 'benign\r' becomes a third class).
  record_delimiter: ['\r\n', '\n', '\r'],
};

/**
 * Parses CSV (RFC 4180: quoted fields, embedded line breaks, CRLF, a UTF-8 BOM) with a
 * required header row. Cells go straight into one string array per column (no row objects),
 * then each column is typed. Blank lines are skipped; a row of the wrong width is an error.
 */
export function readCsv(bytes: Uint8Array, opts: TextReadOptions): ReadResult {
  const { file } = opts;
  let header: string[] | undefined;
  let keep: number[] = [];
  let cells: RawValue[][] = [];
  let rowCount = 0;
  try {
    parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      ...CSV_PARSE_OPTIONS,
      on_record: (record: string[]) => {
        if (header === undefined) {
          checkHeader(record, file);
          header = record;
          const wanted = opts.columns === undefined ? undefined : new Set(opts.columns);
          keep = record.flatMap((name, i) => (wanted === undefined || wanted.has(name) ? [i] : []));
          cells = keep.map(() => []);
          return null;
        }
        for (let k = 0; k < keep.length; k++) cells[k].push(record[keep[k]]);
        rowCount++;
        return null;
      },
    });
  } catch (err) {
    if (err instanceof CsvError) throw csvFailure(err, file, header?.length ?? 0);
    throw err;
  }
  const columns = new Map<string, Column>();
  keep.forEach((index, k) => {
    columns.set((header as string[])[index], inferColumn(cells[k], opts.missing));
    cells[k] = []; // let the strings go before typing the next column
  });
  return { rowCount, columns, available: header ?? [] };
}
