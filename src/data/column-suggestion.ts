import { closest, distance } from 'fastest-levenshtein';
import { DataError } from '../errors.js';

/** ' (did you mean 'x'?)' when a candidate is a plausible typo of `name`, else ''. */
export function didYouMean(name: string, candidates: readonly string[]): string {
  if (candidates.length === 0) return '';
  const best = closest(name, candidates);
  // About one edit in three characters, and two (a swapped pair: 'lable') from four up; not 'age' → 'sex'.
  const length = Math.max(name.length, best.length);
  const limit = length <= 3 ? 1 : Math.max(2, Math.floor(length / 3));
  const caseOnly = best.toLowerCase() === name.toLowerCase();
  return caseOnly || distance(name, best) <= limit ? ` (did you mean '${best}'?)` : '';
}

/** Lists columns for a message, quoted and capped so a 500-column file stays readable. */
export function listColumns(columns: readonly string[], max = 30): string {
  const shown = columns.slice(0, max).map((c) => `'${c}'`).join(', ');
  return columns.length > max ? `${shown}, … (${columns.length - max} more)` : shown;
}

/** The error for a named column that the data does not have. */
export function unknownColumnError(
  name: string,
  available: readonly string[],
  where: { file: string; what: string; rule: string },
): DataError {
  return new DataError(
    `${where.file}: ${where.what} '${name}' is not a column of the data${didYouMean(name, available)}`,
    {
      file: where.file,
      column: name,
      rule: where.rule,
      hint: `Columns in the file: ${listColumns(available)}.`,
    },
  );
}

/**
 * The error for every named column the data does not have, all at once (fixing one and
 * rerunning to meet the next is the slow way); one column keeps the single-column message.
 */
export function unknownColumnsError(
  missing: readonly { name: string; what: string }[],
  available: readonly string[],
  where: { file: string; rule: string },
): DataError {
  if (missing.length === 1) return unknownColumnError(missing[0].name, available, { ...where, what: missing[0].what });
  const named = missing.map((m) => `${m.what} '${m.name}'${didYouMean(m.name, available)}`).join(', ');
  return new DataError(`${where.file}: ${missing.length} named columns are not columns of the data: ${named}`, {
    file: where.file,
    column: missing[0].name,
    rule: where.rule,
    hint: `Columns in the file: ${listColumns(available)}.`,
  });
}
