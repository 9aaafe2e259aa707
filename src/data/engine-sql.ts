/**
 * SQL that makes a columnar engine (DuckDB) type cells exactly as `inferColumn` and the readers
 * do (issue 10). Pure text building: the shell (src/engine) runs it. The equality of the two
 * paths is tested cell for cell (tests/integration/duckdb-engine.test.ts), so a rule changed in
 * infer-column.ts must be changed here too.
 */

// String.prototype.trim's whitespace (WhiteSpace + LineTerminator); DuckDB's trim() alone strips spaces only.
const JS_WHITESPACE = ' \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
// The same literals as infer-column.ts, in RE2 syntax (regexp_full_match anchors both ends).
const DECIMAL = '[+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?';
const INFINITY = '(?i)[+-]?(?:inf|infinity)';
const NAN = '(?i)[+-]?nan';

/** A SQL string literal. */
export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** Engine-side column names: c0, c1, … by position, so a file's names (case, quotes, `__proto__`) never reach SQL. */
export function positionalName(index: number): string {
  return `c${index}`;
}

/** The cell trimmed as JS trims, with NULL (an empty CSV field) as the empty text it was in the file. */
function trimmed(column: string): string {
  return `trim(coalesce(${column}, ''), ${sqlString(JS_WHITESPACE)})`;
}

function isMissingText(text: string, missing: ReadonlySet<string>): string {
  // list_contains, not IN: DuckDB plans a long IN list as a join, which does not keep row order.
  return missing.size === 0 ? 'false' : `list_contains([${[...missing].map(sqlString).join(', ')}], ${text})`;
}

/**
 * Per text column: whether every cell is missing or a number literal (`num_i`), and whether a
 * literal the JS reader takes for a number fails the engine's cast (`bad_i`: then the caller
 * must read with JS, as the two would disagree). Plus the row count (`rows`).
 */
export function textTypingSql(columnCount: number, missing: ReadonlySet<string>, from: string): string {
  const parts = ['count(*) AS rows'];
  for (let i = 0; i < columnCount; i++) {
    const t = trimmed(positionalName(i));
    const decimal = `regexp_full_match(${t}, ${sqlString(DECIMAL)})`;
    const special = `regexp_full_match(${t}, ${sqlString(INFINITY)}) OR regexp_full_match(${t}, ${sqlString(NAN)})`;
    parts.push(`bool_and(${isMissingText(t, missing)} OR ${decimal} OR ${special}) AS num_${i}`);
    parts.push(`coalesce(bool_or(${decimal} AND TRY_CAST(${t} AS DOUBLE) IS NULL), false) AS bad_${i}`);
  }
  return `SELECT ${parts.join(', ')} FROM ${from}`;
}

/** A text column known to hold only numbers and missing values, as DOUBLE with NaN for missing (never NULL). */
export function textAsNumberSql(index: number, missing: ReadonlySet<string>): string {
  const t = trimmed(positionalName(index));
  return `CASE WHEN ${isMissingText(t, missing)} OR regexp_full_match(${t}, ${sqlString(NAN)}) THEN 'nan'::DOUBLE ` +
    `WHEN regexp_full_match(${t}, ${sqlString(INFINITY)}) THEN (CASE WHEN starts_with(${t}, '-') THEN '-inf'::DOUBLE ELSE 'inf'::DOUBLE END) ` +
    `ELSE CAST(${t} AS DOUBLE) END`;
}

/**
 * A text column as categories: NULL where the trimmed text is a missing marker (or, for
 * Parquet, where the value is null), else the text as written (not trimmed).
 */
export function textAsCategorySql(index: number, missing: ReadonlySet<string>, opts: { nullIsEmptyText: boolean }): string {
  const c = positionalName(index);
  const t = opts.nullIsEmptyText ? trimmed(c) : `trim(${c}, ${sqlString(JS_WHITESPACE)})`;
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
