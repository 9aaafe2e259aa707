/**
 * SQL that makes a columnar engine (DuckDB) type cells exactly as `inferColumn` and the readers
 * do (issue 10). Pure text building: the shell (src/engine) runs it. The equality of the two
 * paths is tested cell for cell (tests/integration/duckdb-engine.test.ts), so a rule changed in
 * infer-column.ts must be changed here too.
 */

// String.prototype.trim's whitespace (WhiteSpace + LineTerminator); DuckDB's trim() alone strips spaces only.
const JS_WHITESPACE = ' \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
// The numbers infer-column.ts accepts (a decimal literal, ±inf/infinity, ±nan; case-insensitive
// for the words) as one RE2 pattern (regexp_full_match anchors both ends).
const NUMBER_LITERAL = '(?i)[+-]?(?:(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:e[+-]?[0-9]+)?|inf|infinity|nan)';

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

/** The cell trimmed as JS trims, with NULL (an empty CSV field) as the empty text it was in the file. */
function trimmed(index: number, trim: Trimmed): string {
  const text = `coalesce(${positionalName(index)}, '')`;
  return trim.has(index) ? `trim(${text}, ${sqlString(JS_WHITESPACE)})` : text;
}

function isMissingText(text: string, missing: ReadonlySet<string>): string {
  // list_contains, not IN: DuckDB plans a long IN list as a join, which does not keep row order.
  return missing.size === 0 ? 'false' : `list_contains([${[...missing].map(sqlString).join(', ')}], ${text})`;
}

/**
 * Per text column: whether every cell is missing or a number literal by the JS rules (`num_i`),
 * and whether DuckDB's cast takes every such cell (`cast_i`). A column with num_i but not cast_i
 * must be read with JS, as the two would disagree. (DuckDB casts ±inf, ±infinity and ±nan in
 * any case as JS does, and rounds decimals correctly, as JS does.) Plus the row count (`rows`).
 */
export function textTypingSql(columnCount: number, missing: ReadonlySet<string>, from: string, trim: Trimmed): string {
  const parts = ['count(*) AS rows'];
  for (let i = 0; i < columnCount; i++) {
    const t = trimmed(i, trim);
    parts.push(`bool_and(${isMissingText(t, missing)} OR regexp_full_match(${t}, ${sqlString(NUMBER_LITERAL)})) AS num_${i}`);
    parts.push(`bool_and(${isMissingText(t, missing)} OR TRY_CAST(${t} AS DOUBLE) IS NOT NULL) AS cast_${i}`);
  }
  return `SELECT ${parts.join(', ')} FROM ${from}`;
}

/** A text column known to hold only numbers and missing values (num_i and cast_i), as DOUBLE with NaN for missing (never NULL). */
export function textAsNumberSql(index: number, missing: ReadonlySet<string>, trim: Trimmed): string {
  const t = trimmed(index, trim);
  return `CASE WHEN ${isMissingText(t, missing)} THEN 'nan'::DOUBLE ELSE CAST(${t} AS DOUBLE) END`;
}

/**
 * A text column as categories: NULL where the trimmed text is a missing marker (or, for
 * Parquet, where the value is null), else the text as written (not trimmed).
 */
export function textAsCategorySql(index: number, missing: ReadonlySet<string>, opts: { nullIsEmptyText: boolean; trim: Trimmed }): string {
  const c = positionalName(index);
  const t = opts.nullIsEmptyText ? trimmed(index, opts.trim) : opts.trim.has(index) ? `trim(${c}, ${sqlString(JS_WHITESPACE)})` : c;
  const value = opts.nullIsEmptyText ? `coalesce(${c}, '')` : c;
  return `CASE WHEN ${opts.nullIsEmptyText ? 'false' : `${c} IS NULL`} OR ${isMissingText(t, missing)} THEN NULL ELSE ${value} END`;
}

/** A numeric column of any width as DOUBLE with NaN for null (as `Number()` of a BigInt rounds: to nearest). */
export function numberAsDoubleSql(index: number): string {
  return `coalesce(CAST(${positionalName(index)} AS DOUBLE), 'nan'::DOUBLE)`;
}

/** `AS t(c0, c1, …)`: renames a table function's columns by position. */
export function positionalAlias(columnCount: number): string {
  return `t(${Array.from({ length: columnCount }, (_, i) => positionalName(i)).join(', ')})`;
}
