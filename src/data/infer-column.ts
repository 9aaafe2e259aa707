import type { Column } from './table.js';

/** A cell as a text or JSON reader hands it over, before the column's type is known. */
export type RawValue = string | number | boolean | null | undefined;

// A plain decimal literal. Number() alone would also accept '0x1F', '1e', ' ' and '', which
// are not numbers anyone means in a data file.
export const DECIMAL_LITERAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
// Infinity parses (to ±Infinity) so that the finite check can name the column and row,
// rather than the column silently turning categorical.
const INFINITY_LITERAL = /^([+-]?)(?:inf|infinity)$/i;
// NaN is the numeric missing marker anyway, so a 'NaN' literal reads as missing in a numeric column.
const NAN_LITERAL = /^[+-]?nan$/i;

/** The number a trimmed string spells, NaN for a NaN literal, or undefined when it is not a number. */
export function parseNumberLiteral(text: string): number | undefined {
  if (DECIMAL_LITERAL.test(text)) return Number(text);
  const inf = INFINITY_LITERAL.exec(text);
  if (inf) return inf[1] === '-' ? -Infinity : Infinity;
  if (NAN_LITERAL.test(text)) return NaN;
  return undefined;
}

/** The set of missing-value markers, compared after trimming. */
export function missingSet(missingValues: readonly string[]): Set<string> {
  return new Set(missingValues.map((m) => m.trim()));
}

function isMissing(value: RawValue, missing: Set<string>): boolean {
  return value === null || value === undefined || (typeof value === 'string' && missing.has(value.trim()));
}

/** The column as numbers (NaN = missing), or undefined at the first value that is not a number. */
function tryNumeric(values: readonly RawValue[], missing: Set<string>): Float64Array | undefined {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'number') out[i] = v;
    else if (v === null || v === undefined) out[i] = NaN;
    else if (typeof v === 'boolean') return undefined;
    else {
      const text = v.trim();
      const n = missing.has(text) ? NaN : parseNumberLiteral(text);
      if (n === undefined) return undefined;
      out[i] = n;
    }
  }
  return out;
}

/**
 * Types one column: numeric when every non-missing value is a number or a numeric literal
 * (a column with no values at all counts as numeric), else categorical with numbers and
 * booleans as their text. Categorical text is kept as written (not trimmed).
 */
export function inferColumn(values: readonly RawValue[], missing: Set<string>): Column {
  const numbers = tryNumeric(values, missing);
  if (numbers !== undefined) return { kind: 'numeric', values: numbers };
  const out = new Array<string | null>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = isMissing(v, missing) ? null : String(v);
  }
  return { kind: 'categorical', values: out };
}
