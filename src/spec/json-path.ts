/** One step into a pipeline value: a mapping key or a list index. */
export type PathSegment = string | number;

/** JSON pointer (RFC 6901), the form ajv reports as `instancePath`: `/model/params/dropout`. */
export function toPointer(path: readonly PathSegment[]): string {
  return path.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/**
 * Segments of an ajv `instancePath`, with list indexes turned back into numbers by looking at
 * the value (ajv reports every segment as a string).
 */
export function fromPointer(pointer: string, root: unknown): PathSegment[] {
  if (pointer === '') return [];
  const out: PathSegment[] = [];
  let at: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const seg = Array.isArray(at) && /^\d+$/.test(key) ? Number(key) : key;
    out.push(seg);
    at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  }
  return out;
}

/** The path as users read it in messages: `gates[1].metric`, `model.params.dropout`. */
export function dottedPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}
