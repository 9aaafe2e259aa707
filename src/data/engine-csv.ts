import { isUtf8 } from 'node:buffer';
import { parse } from 'csv-parse/sync';
import { positionalName, sqlString } from './engine-sql.js';
import { inferColumn, type RawValue } from './infer-column.js';
import { CSV_PARSE_OPTIONS } from './read-csv.js';

/** How a CSV file can be handed to the engine: its header names and its one line ending. */
export interface CsvEnginePlan {
  header: string[];
  /**
   * The data rows, when the file has no quote character (so every line break ends a row): the
   * engine's row count must equal it, a check that it read what csv-parse would.
   */
  expectedRows?: number;
  /** At most this many data rows: the lines after the header (a quoted field may span lines). */
  maxRows: number;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;

function hasBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** Whether the file ends lines one way: no CR at all, or every CR starting a CRLF and every LF ending one. */
function oneLineEnding(bytes: Uint8Array): boolean {
  if (bytes.indexOf(CR) === -1) return true;
  let crs = 0;
  let lfs = 0;
  let pairs = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === CR) {
      crs++;
      if (bytes[i + 1] === LF) pairs++;
    } else if (bytes[i] === LF) lfs++;
  }
  return crs === pairs && lfs === pairs;
}

function countLines(bytes: Uint8Array, start: number): number {
  // indexOf (memchr) rather than a loop over every byte: a tenth of the time on 22 MB.
  let lines = 0;
  for (let i = bytes.indexOf(LF, start); i !== -1; i = bytes.indexOf(LF, i + 1)) lines++;
  return bytes[bytes.length - 1] === LF ? lines : lines + 1;
}

/**
 * Whether the engine can read this CSV exactly as csv-parse does, and how. Undefined sends the
 * file to the JS reader, which reads it or reports its problem with the file's line: text that
 * is not UTF-8, a header that is quoted, empty or repeats a name, a blank line (csv-parse skips
 * it, DuckDB reads a row of nulls), mixed line endings (csv-parse takes each as it comes,
 * DuckDB one per file), or no line break at all (no data rows). False positives only cost speed.
 */
export function planCsvEngineRead(bytes: Uint8Array): CsvEnginePlan | undefined {
  if (!isUtf8(bytes) || bytes.includes(0)) return undefined;
  const start = hasBom(bytes) ? 3 : 0;
  const firstLf = bytes.indexOf(LF, start);
  if (firstLf === -1) return undefined;
  const headerEnd = firstLf > start && bytes[firstLf - 1] === CR ? firstLf - 1 : firstLf;
  const headerBytes = bytes.subarray(start, headerEnd);
  if (headerBytes.includes(QUOTE) || headerBytes.includes(CR)) return undefined;
  const header = new TextDecoder('utf-8').decode(headerBytes).split(',');
  if (header.some((name) => name.trim() === '') || new Set(header).size !== header.length) return undefined;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.includes('\n\n') || buffer.includes('\n\r\n')) return undefined;
  if (!oneLineEnding(bytes)) return undefined;
  const maxRows = countLines(bytes, start) - 1;
  return buffer.includes(QUOTE) ? { header, maxRows } : { header, expectedRows: maxRows, maxRows };
}

/**
 * DuckDB's read_csv with everything the plan fixed, nothing sniffed: comma, double-quote
 * quoting and escaping, the header row skipped, every cell text (typing is ours), a row of
 * the wrong width an error (strict). Columns are named c0, c1, … by position. No `new_line`:
 * DuckDB 1.5 reads no rows at all when it is set to '\r\n', and takes LF or CRLF when unset.
 */
export function csvSourceSql(path: string, plan: CsvEnginePlan): string {
  const columns = plan.header.map((_, i) => `${sqlString(positionalName(i))}: 'VARCHAR'`).join(', ');
  return `read_csv(${sqlString(path)}, header = true, delim = ',', quote = '"', escape = '"', auto_detect = false, ` +
    `strict_mode = true, null_padding = false, columns = {${columns}})`;
}

/** How many rows `numericByFirstRows` reads by default: ~10 ms of csv-parse on 20 columns. */
export const SAMPLE_ROWS = 1000;

/**
 * Which columns are numbers by `inferColumn`'s rules in the file's first `rows` rows, read by
 * csv-parse as the JS reader reads them: the engine converts those to numbers natively and
 * hands the others over as text. Only a guess about the rest of the file, so it decides speed,
 * never a kind (see textAsNumberOrNullSql); with `rows` 0 every column is guessed numeric.
 * Undefined when csv-parse rejects the first rows: the JS reader then words the error.
 */
export function numericByFirstRows(bytes: Uint8Array, opts: { width: number; missing: Set<string>; rows: number }): boolean[] | undefined {
  if (opts.rows === 0) return new Array<boolean>(opts.width).fill(true);
  let records: string[][];
  try {
    records = parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      ...CSV_PARSE_OPTIONS, from_line: 2, to_line: opts.rows + 1,
    }) as string[][];
  } catch {
    return undefined;
  }
  return Array.from({ length: opts.width }, (_, i) => inferColumn(records.map((r): RawValue => r[i]), opts.missing).kind === 'numeric');
}
