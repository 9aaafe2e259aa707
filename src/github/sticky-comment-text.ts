import { PipePilotError } from '../errors.js';

/** GitHub rejects an issue or pull request comment longer than this (a 422 "body is too long"). */
export const MAX_COMMENT_CHARS = 65_536;

// Markers end up inside an HTML comment, so nothing that could close it (`--`, `>`) or break a
// line may appear; a short, plain alphabet also keeps the search by substring unambiguous.
const MARKER = /^[A-Za-z0-9][A-Za-z0-9:._/-]{0,99}$/;

/** The hidden line that marks our comment: `<!-- pipepilot:churn -->`. */
export function markerTag(marker: string): string {
  if (!MARKER.test(marker) || marker.includes('--')) {
    throw new PipePilotError(`'${marker}' cannot be used as a sticky comment marker`, {
      hint: 'Use up to 100 letters, digits and : . _ / - (no "--"), e.g. pipepilot:churn.',
    });
  }
  return `<!-- ${marker} -->`;
}

/** Whether a comment's text carries `marker` (the closing ` -->` keeps `a` from matching `ab`). */
export function hasMarker(text: string | null | undefined, marker: string): boolean {
  return (text ?? '').includes(markerTag(marker));
}

/**
 * The exact text we store: the marker line, then the body. Refuses text over GitHub's limit
 * rather than letting GitHub answer 422 after a round trip. Length is counted in UTF-16 code
 * units, never fewer than the characters GitHub counts, so what passes here passes there.
 */
export function stickyCommentText(marker: string, body: string): string {
  const text = `${markerTag(marker)}\n${body}`;
  if (text.length > MAX_COMMENT_CHARS) {
    throw new PipePilotError(
      `the comment for '${marker}' is ${text.length.toLocaleString('en-US')} characters with its marker; ` +
        `GitHub allows at most ${MAX_COMMENT_CHARS.toLocaleString('en-US')}`,
      { hint: 'Trim the report before posting it (the PR comment renderer has a size budget for this).' },
    );
  }
  return text;
}
