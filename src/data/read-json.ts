import { DataError } from '../errors.js';
import { inferColumn, type RawValue } from './infer-column.js';
import type { ReadResult, TextReadOptions } from './read-csv.js';
import type { Column } from './table.js';

/** 1-based line of a character offset, for JSON.parse's "at position N". */
function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function jsonSyntaxError(err: unknown, text: string, file: string): DataError {
  const message = err instanceof Error ? err.message : String(err);
  // Newer V8s say "(line L column C)" or "at position N"; Node 20 often gives neither, only a snippet.
  const lineColumn = /\(line (\d+) column \d+\)/.exec(message);
  const position = /position (\d+)/.exec(message);
  const line = lineColumn ? Number(lineColumn[1]) : position ? lineAt(text, Number(position[1])) : undefined;
  return new DataError(`${line === undefined ? file : `${file}:${line}`}: not valid JSON: ${message}`, {
    file, row: line, rule: 'json', cause: err,
    hint: 'The file must be one JSON array of records; for one record per line use format: jsonl.',
  });
}

/** Puts record fields into per-column arrays; the union of keys, in first-seen order, forms the columns. */
/** Where record i sits: a message prefix and the row number for DataError. */
type Locate = (i: number) => { at: string; row: number };

function collectColumns(records: readonly unknown[], opts: TextReadOptions, locate: Locate): { cells: Map<string, RawValue[]>; available: Set<string> } {
  const { file } = opts;
  const wanted = opts.columns === undefined ? undefined : new Set(opts.columns);
  const cells = new Map<string, RawValue[]>();
  const available = new Set<string>();
  records.forEach((record, i) => {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      const { at, row } = locate(i);
      throw new DataError(`${at}: ${Array.isArray(record) ? 'an array' : String(JSON.stringify(record)).slice(0, 40)} is not a record (an object)`, {
        file, row, rule: 'json', hint: 'Each record must be an object of column names to values, e.g. {"age": 31, "plan": "pro"}.',
      });
    }
    // JSON.parse makes every key an own data property (even "__proto__"), and Object.keys lists exactly those.
    for (const key of Object.keys(record)) {
      available.add(key);
      if (wanted !== undefined && !wanted.has(key)) continue;
      const value = (record as Record<string, unknown>)[key];
      if (value !== null && typeof value === 'object') {
        const { at, row } = locate(i);
        throw new DataError(`${at}: column '${key}' holds a nested ${Array.isArray(value) ? 'array' : 'object'}; only plain values are supported`, {
          file, column: key, row, rule: 'json', hint: 'Flatten nested fields into scalar columns (e.g. "address.city" → "address_city").',
        });
      }
      let column = cells.get(key);
      if (column === undefined) {
        column = new Array<RawValue>(records.length); // holes read as missing
        cells.set(key, column);
      }
      column[i] = value as RawValue;
    }
  });
  return { cells, available };
}

function typeColumns(rowCount: number, collected: ReturnType<typeof collectColumns>, opts: TextReadOptions): ReadResult {
  const columns = new Map<string, Column>();
  for (const [name, values] of collected.cells) columns.set(name, inferColumn(values, opts.missing));
  return { rowCount, columns, available: [...collected.available] };
}

/**
 * Records already parsed (a server's request body): the same column collection and type
 * inference as a JSON file, records located as `<file>: record N`.
 */
export function readRecords(records: readonly unknown[], opts: TextReadOptions): ReadResult {
  return typeColumns(records.length, collectColumns(records, opts, (i) => ({ at: `${opts.file}: record ${i + 1}`, row: i + 1 })), opts);
}

/** A JSON array of records (objects); a key a record lacks is a missing value. */
export function readJson(text: string, opts: TextReadOptions): ReadResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw jsonSyntaxError(err, text, opts.file);
  }
  if (!Array.isArray(parsed)) {
    throw new DataError(`${opts.file}: expected a JSON array of records, found ${parsed === null ? 'null' : typeof parsed}`, {
      file: opts.file, rule: 'json', hint: 'Wrap the records in [ … ]; for one record per line use format: jsonl.',
    });
  }
  return readRecords(parsed, opts);
}

/** JSON Lines / NDJSON: one record per line; blank lines are skipped. Rows are reported by line. */
export function readJsonl(text: string, opts: TextReadOptions): ReadResult {
  const records: unknown[] = [];
  const lines: number[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    try {
      records.push(JSON.parse(line));
    } catch (err) {
      throw new DataError(`${opts.file}:${i + 1}: not a valid JSON record: ${err instanceof Error ? err.message : String(err)}`, {
        file: opts.file, row: i + 1, rule: 'jsonl', cause: err, hint: 'Each non-blank line must hold one complete JSON object.',
      });
    }
    lines.push(i + 1);
  });
  return typeColumns(records.length, collectColumns(records, opts, (i) => ({ at: `${opts.file}:${lines[i]}`, row: lines[i] })), opts);
}
