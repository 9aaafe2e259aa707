import { closest, distance } from 'fastest-levenshtein';

/**
 * The candidate closest to `word`, when it is close enough to be a likely typo: one edit for
 * words of up to three letters, else about a third of the word's length (at least two).
 */
export function closeMatch(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0 || word === '') return undefined;
  const lower = word.toLowerCase();
  // Levenshtein counts a swap of two letters as two edits, so 'rsme' would be nearer 'mse' than 'rmse'.
  const swapped = candidates.find((c) => isAdjacentSwap(lower, c.toLowerCase()));
  if (swapped !== undefined) return swapped;
  const best = closest(lower, [...candidates]);
  const limit = word.length <= 3 ? 1 : Math.max(2, Math.floor(word.length / 3));
  return distance(lower, best.toLowerCase()) <= limit ? best : undefined;
}

function isAdjacentSwap(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
}

/** ` (did you mean 'x'?)` or nothing. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const match = closeMatch(word, candidates);
  return match === undefined ? '' : ` (did you mean '${match}'?)`;
}

/** `unknown key 'trget' in data (did you mean 'target'?)`; `where` is a dotted path, '' for the top level. */
export function unknownKeyMessage(key: string, allowed: readonly string[], where: string): string {
  const place = where === '' ? 'at the top level' : `in ${where}`;
  return `unknown key '${key}' ${place}${didYouMean(key, allowed)}`;
}
