/**
 * Text from users (feature names, class labels, slice values, file paths) put into GitHub
 * markdown. A feature named `<script>` must show as text, a `|` must not split a table cell,
 * a backtick or `*` must not start code or emphasis, a newline must not end the row, and
 * `@team` must not ping anyone. Long names are cut (with …) so one name cannot fill a table.
 */
export function inlineText(s: string, maxLength = 60): string {
  return cut(s, maxLength)
    .replace(/[\\`*_[\]~|]/g, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => HTML_ENTITIES[c])
    .replace(/@/g, MENTION_BREAK);
}

/**
 * The same for text inside an HTML block such as `<summary>`, where markdown is not parsed (a
 * backslash would show) but entities are.
 */
export function htmlText(s: string, maxLength = 60): string {
  return cut(s, maxLength).replace(/[&<>"]/g, (c) => HTML_ENTITIES[c]).replace(/@/g, MENTION_BREAK);
}

/** A collapsed block: GitHub renders the summary line and hides the body until clicked. */
export function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

/** A zero-width space after `@`: GitHub links mentions in rendered text, so an entity alone would still ping. */
const MENTION_BREAK = '@\u200b';

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function cut(s: string, maxLength: number): string {
  const flat = s.replace(/\s+/g, ' ').trim() || '(empty)';
  const chars = [...flat]; // by code point, so a cut never splits an emoji
  return chars.length > maxLength ? `${chars.slice(0, maxLength - 1).join('')}…` : flat;
}

/** A table cell from our own text (gate messages, metric names): a `|` must not split it, a newline must not end the row. */
export function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
