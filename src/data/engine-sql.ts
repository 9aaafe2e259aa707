/**
 * SQL that makes a columnar engine (DuckDB) read cells exactly as `inferColumn` and the readers
 * do (issue 10), or leave them to JS where it could differ. Pure text building: the shell
 * (src/engine) runs it. The equality of the two paths is tested cell for cell
 * (tests/integration/duckdb-engine.test.ts, tests/fuzz/engine-numbers.fuzz.test.ts), so a rule
 * changed in infer-column.ts must be changed here too.
 */

// String.prototype.trim's whitespace (WhiteSpace + LineTerminator); DuckDB's trim() alone strips spaces only.
const JS_WHITESPACE = ' \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
// The numbers infer-column.ts accepts (a decimal literal, ±inf/infinity; case-insensitive for the
// words) as one RE2 pattern (regexp_full_match anchors both ends). Not its ±nan: DuckDB casts
// '-nan' to a NaN with the sign bit set, JS to the one NaN, so a NaN literal (not a missing
// marker) is left to JS.
const NUMBER_LITERAL = '(?i)[+-]?(?:(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:e[+-]?[0-9]+)?|inf|infinity)';

/** A SQL string literal. */
export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** Engine-side column names: c0, c1, … by position, so a file's names (case, quotes, `__proto__`) never reach SQL. */
export function positionalName(index: number): string {
  return `c${index}`;
}

// The same characters as an RE2 class (RE2's \s lacks \v and the Unicode spaces).
const JS_WHITESPACE_CLASS = '[\\t\\n\\x{0b}\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}]';

/**
 * Which text columns hold a cell with whitespace at either end (`ws_i`). Trimming with a list of
 * characters costs DuckDB more than everything else together, so only those columns are trimmed.
 */
export function edgeSpaceSql(columnCount: number, from: string, only?: readonly number[]): string {
  const parts = (only ?? Array.from({ length: columnCount }, (_, i) => i)).map((i) =>
    `coalesce(bool_or(regexp_matches(${positionalName(i)}, ${sqlString(`^${JS_WHITESPACE_CLASS}|${JS_WHITESPACE_CLASS}$`)})), false) AS ws_${i}`);
  return `SELECT ${parts.join(', ')} FROM ${from}`;
}

/** Columns (by position) that need trimming; the others are used as they are. */
export type Trimmed = ReadonlySet<number>;

function isMissingText(text: string, missing: ReadonlySet<string>): string {
  // list_contains, not IN: DuckDB plans a long IN list as a join, which does not keep row order.
  return missing.size === 0 ? 'false' : `list_contains([${[...missing].map(sqlString).join(', ')}], ${text})`;
}

/**
 * A CSV text column read as a number where that is certain to be what `inferColumn` reads:
 * NaN for a missing marker (an empty field is the empty text), DuckDB's cast for a number
 * literal by the JS grammar, and NULL for anything else — a cell with whitespace at an end, a
 * word, a NaN literal, or a literal DuckDB will not cast. One NULL in a column sends the whole column
 * to `inferColumn` as text, so a NULL never decides a kind or a value. (Where both take a
 * literal, DuckDB's cast and `Number()` round correctly, so they agree: fuzz-tested in
 * tests/integration/duckdb-engine.test.ts.) No trim(): it costs DuckDB more than the rest together.
 */
export function textAsNumberOrNullSql(index: number, missing: ReadonlySet<string>): string {
  const c = positionalName(index);
  return `CASE WHEN ${isMissingText(`coalesce(${c}, '')`, missing)} THEN 'nan'::DOUBLE ` +
    `WHEN regexp_full_match(${c}, ${sqlString(NUMBER_LITERAL)}) THEN TRY_CAST(${c} AS DOUBLE) ELSE NULL END`;
}

/**
 * `textAsNumberOrNullSql` for a column whose every cell is a plain decimal literal or a missing
 * marker (`plainDecimalColumns` read the bytes): the same values without testing each cell
 * against the pattern. TRY_CAST still leaves anything it refuses NULL, to be read as text.
 */
export function textAsNumberSql(index: number, missing: ReadonlySet<string>): string {
  const c = positionalName(index);
  return `CASE WHEN ${isMissingText(`coalesce(${c}, '')`, missing)} THEN 'nan'::DOUBLE ELSE TRY_CAST(${c} AS DOUBLE) END`;
}

/**
 * A Parquet text column as categories: NULL where the value is null or its trimmed text is a
 * missing marker, else the text as written (not trimmed).
 */
export function textAsCategorySql(index: number, missing: ReadonlySet<string>, trim: Trimmed): string {
  const c = positionalName(index);
  const t = trim.has(index) ? `trim(${c}, ${sqlString(JS_WHITESPACE)})` : c;
  return `CASE WHEN ${c} IS NULL OR ${isMissingText(t, missing)} THEN NULL ELSE ${c} END`;
}

/** A numeric column of any width as DOUBLE with NaN for null (as `Number()` of a BigInt rounds: to nearest). */
export function numberAsDoubleSql(index: number): string {
  return `coalesce(CAST(${positionalName(index)} AS DOUBLE), 'nan'::DOUBLE)`;
}

/** `AS t(c0, c1, …)`: renames a table function's columns by position. */
export function positionalAlias(columnCount: number): string {
  return `t(${Array.from({ length: columnCount }, (_, i) => positionalName(i)).join(', ')})`;
}
