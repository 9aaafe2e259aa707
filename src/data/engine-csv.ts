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
const COMMA = 44;

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

// The states of a DFA for infer-column.ts's DECIMAL_LITERAL, /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/,
// over a cell's bytes as written (untrimmed). REJECT is sticky.
const START = 0, SIGN = 1, INT = 2, DOT_FIRST = 3, INT_DOT = 4, EXP = 5, DOT_DIGITS = 6, EXP_SIGN = 7, EXP_DIGITS = 8, REJECT = 9;
const ACCEPTING = [false, false, true, false, true, false, true, false, true, false];
const DECIMAL_DFA = (() => {
  const table = new Uint8Array(10 * 256).fill(REJECT);
  const on = (from: number, bytes: string, to: number) => { for (const ch of bytes) table[(from << 8) | ch.charCodeAt(0)] = to; };
  const digits = '0123456789';
  on(START, '+-', SIGN); on(START, digits, INT); on(START, '.', DOT_FIRST);
  on(SIGN, digits, INT); on(SIGN, '.', DOT_FIRST);
  on(INT, digits, INT); on(INT, '.', INT_DOT); on(INT, 'eE', EXP);
  on(DOT_FIRST, digits, DOT_DIGITS);
  on(INT_DOT, digits, INT_DOT); on(INT_DOT, 'eE', EXP);
  on(DOT_DIGITS, digits, DOT_DIGITS); on(DOT_DIGITS, 'eE', EXP);
  on(EXP, '+-', EXP_SIGN); on(EXP, digits, EXP_DIGITS);
  on(EXP_SIGN, digits, EXP_DIGITS);
  on(EXP_DIGITS, digits, EXP_DIGITS);
  return table;
})();

/**
 * Which columns hold nothing but plain decimal literals as written (no sign of whitespace, a
 * word, infinity or NaN) and, where `emptyIsMissing`, empty cells: for those, every cell is one
 * that `textAsNumberOrNullSql`'s pattern accepts or a missing marker, so the engine may cast
 * without testing each cell against the pattern (`textAsNumberSql`), which is most of DuckDB's
 * time reading a numeric CSV (bench/_train-e2e.ts's 125k × 20: ~0.15–0.25 of ~0.5 CPU s). One
 * pass of a DFA over the bytes: only for a file without quotes (`plan.expectedRows`), where
 * every comma ends a cell and every line break a row; undefined otherwise. Any other cell only
 * leaves its column to the pattern, as before. Hand-written: no library scans CSV cells by a grammar.
 */
export function plainDecimalColumns(bytes: Uint8Array, plan: CsvEnginePlan, opts: { emptyIsMissing: boolean }): boolean[] | undefined {
  if (plan.expectedRows === undefined) return undefined;
  const width = plan.header.length;
  // 1 where a cell may end: the DFA's accepting states, and an empty cell when it is a marker.
  const accepts = Uint8Array.from(ACCEPTING, (a, state) => (a || (state === START && opts.emptyIsMissing) ? 1 : 0));
  const plain = new Uint8Array(width).fill(1);
  // One flat loop, no closure: a variable a closure captures lives on the heap, which made this
  // pass over 22 MB ~5× slower.
  let column = 0;
  let state = START;
  const n = bytes.length;
  // Data rows start after the header's line break (the plan found one).
  for (let i = bytes.indexOf(LF) + 1; i < n; i++) {
    const b = bytes[i];
    if (b === COMMA || b === LF) {
      if (accepts[state] === 0 && column < width) plain[column] = 0;
      column = b === LF ? 0 : column + 1;
      state = START;
    } else if (b !== CR) {
      // A CR is only ever the first half of a CRLF here (planCsvEngineRead checked).
      state = DECIMAL_DFA[(state << 8) | b];
    }
  }
  if (n > 0 && bytes[n - 1] !== LF && accepts[state] === 0 && column < width) plain[column] = 0;
  return Array.from(plain, (p) => p === 1);
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
