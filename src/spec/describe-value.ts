/** A value as a message shows it after "got": `1.5`, `'yes'`, `.inf`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing (an empty value)';
  if (typeof value === 'number') {
    // Shown in YAML's spelling, since that is what the user wrote.
    if (Number.isNaN(value)) return '.nan';
    if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
    return String(value);
  }
  if (typeof value === 'string') {
    const short = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    // JSON escaping keeps a message on one line whatever the value holds.
    return `'${JSON.stringify(short).slice(1, -1)}'`;
  }
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}
