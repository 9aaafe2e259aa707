import type { ErrorObject } from 'ajv';
import { didYouMean, unknownKeyMessage } from './did-you-mean.js';
import { dottedPath, fromPointer, toPointer, type PathSegment } from './json-path.js';
import type { SourcePositions } from './yaml-source.js';
import { describeValue } from './describe-value.js';

/** A problem located by text offset; load-spec turns the offset into line:col. */
export interface LocatedProblem {
  offset: number;
  path: string;
  message: string;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'an integer',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  null: 'empty',
};

const LIMIT_WORDS: Record<string, string> = { minimum: '>=', maximum: '<=', exclusiveMinimum: '>', exclusiveMaximum: '<' };

const NAME_PATTERN = '^[a-z0-9][a-z0-9_-]{0,63}$';

/**
 * Turns ajv's errors into one readable problem each, located at the offending YAML node: the
 * key itself for an unknown key, the parent's key for a missing one, the value otherwise.
 * anyOf errors are folded into one "needs at least one of" problem instead of one per branch.
 */
export function schemaProblems(errors: readonly ErrorObject[], value: unknown, positions: SourcePositions): LocatedProblem[] {
  const folded = foldAnyOf(errors);
  return folded.map((e) => (e.keyword === 'anyOf' ? anyOfProblem(e, value, positions) : oneProblem(e, value, positions)));
}

type AnyOfError = ErrorObject & { branchKeys?: string[] };

function foldAnyOf(errors: readonly ErrorObject[]): AnyOfError[] {
  const anyOfs = errors.filter((e) => e.keyword === 'anyOf');
  const isBranch = (e: ErrorObject) => anyOfs.some((a) => branchOf(e, a));
  // A failed `dependencies.vs` anyOf says more than the gate-level one on the same gate.
  const specific = new Set(anyOfs.filter((a) => a.schemaPath.includes('/dependencies/')).map((a) => a.instancePath));
  const out: AnyOfError[] = [];
  for (const e of errors) {
    if (isBranch(e)) continue;
    if (e.keyword === 'anyOf') {
      if (specific.has(e.instancePath) && !e.schemaPath.includes('/dependencies/')) continue;
      const branchKeys = errors
        .filter((b) => b.keyword === 'required' && branchOf(b, e))
        .map((b) => String(b.params.missingProperty));
      out.push({ ...e, branchKeys });
    } else {
      out.push(e);
    }
  }
  return out;
}

/** Whether `e` was raised inside one of the branches of the failed `anyOf`, on the same value. */
function branchOf(e: ErrorObject, anyOf: ErrorObject): boolean {
  return e.instancePath === anyOf.instancePath && e.schemaPath.startsWith(anyOf.schemaPath + '/');
}

function anyOfProblem(e: AnyOfError, value: unknown, positions: SourcePositions): LocatedProblem {
  const path = fromPointer(e.instancePath, value);
  const keys = e.branchKeys ?? [];
  const where = dottedPath(path);
  const message = e.schemaPath.includes('/dependencies/vs/')
    ? `${where} has vs: production, so it needs ${keys.join(' or ')} (the largest drop allowed against the deployed model)`
    : `${where} needs at least one of ${keys.join(', ')}`;
  return { offset: valueOffset(positions, path), path: where, message };
}

function oneProblem(e: ErrorObject, value: unknown, positions: SourcePositions): LocatedProblem {
  const path = fromPointer(e.instancePath, value);
  const where = dottedPath(path);
  const at = { offset: valueOffset(positions, path), path: where };
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      return { offset: keyOffset(positions, [...path, key]), path: dottedPath([...path, key]), message: unknownKeyMessage(key, allowed, where) };
    }
    case 'required': {
      const key = String(p.missingProperty);
      const place = where === '' ? 'at the top level' : `in ${where}`;
      return { offset: keyOffset(positions, path), path: dottedPath([...path, key]), message: `missing required key '${key}' ${place}` };
    }
    case 'dependencies': {
      const key = String(p.property);
      const message = `${dottedPath([...path, key])} needs vs: production (it compares against the deployed model)`;
      return { offset: keyOffset(positions, [...path, key]), path: dottedPath([...path, key]), message };
    }
    case 'uniqueItems': {
      // ajv names the two equal items i and j; point at the later one, the repeat.
      const later = Math.max(Number(p.i), Number(p.j));
      const item = Array.isArray(e.data) ? e.data[later] : undefined;
      return { offset: valueOffset(positions, [...path, later]), path: where, message: `${where} lists ${describeValue(item)} twice` };
    }
    default:
      return { ...at, message: valueMessage(e, where) };
  }
}

function valueMessage(e: ErrorObject, where: string): string {
  const p = e.params as Record<string, unknown>;
  const got = `got ${describeValue(e.data)}`;
  const name = where === '' ? 'the document' : where;
  switch (e.keyword) {
    case 'type':
      return typeMessage(name, String(p.type), e.data);
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      const list = allowed.length === 1 ? `'${allowed[0]}'` : `one of ${allowed.join(', ')}`;
      return `${name} must be ${list}, ${got}${typeof e.data === 'string' ? didYouMean(e.data, allowed) : ''}`;
    }
    case 'const':
      return `${name} must be '${String(p.allowedValue)}', ${got}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${name} must be ${LIMIT_WORDS[e.keyword]} ${String(p.limit)}, ${got}`;
    case 'minItems':
      return `${name} must have at least ${String(p.limit)} item(s), ${got}`;
    case 'maxItems':
      return `${name} must have at most ${String(p.limit)} items`;
    case 'minLength':
      return p.limit === 1 ? `${name} must not be empty` : `${name} must be at least ${String(p.limit)} characters`;
    case 'maxLength':
      return `${name} must be at most ${String(p.limit)} characters`;
    case 'pattern':
      return p.pattern === NAME_PATTERN
        ? `${name} must be lowercase letters, digits, '-' or '_', start with a letter or digit and be at most 64 characters, ${got}`
        : `${name} must match ${String(p.pattern)}, ${got}`;
    case 'minProperties':
    case 'maxProperties':
      return propertiesMessage(e, name);
    default:
      return `${name} ${e.message ?? 'is invalid'}`;
  }
}

function typeMessage(name: string, expected: string, data: unknown): string {
  if (name === 'the document' && expected === 'object') {
    return `a pipeline must be a YAML mapping (key: value lines), got ${describeValue(data)}`;
  }
  let words = expected.split(',').map((t) => TYPE_WORDS[t] ?? t);
  // ajv in strict mode rejects .inf and .nan as numbers; say why the number did not count.
  if (typeof data === 'number' && !Number.isFinite(data)) words = words.map((w) => w.replace(/^an? /, 'a finite '));
  let message = `${name} must be ${words.join(' or ')}, got ${describeValue(data)}`;
  if (expected.includes('boolean') && typeof data === 'string' && /^(yes|no|on|off|y|n)$/i.test(data)) {
    message += '; YAML 1.2 reads yes/no/on/off as text, write true or false';
  }
  return message;
}

function propertiesMessage(e: ErrorObject, name: string): string {
  const keys = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
  if (e.parentSchema && (e.parentSchema as { maxProperties?: number }).maxProperties === 1) {
    return `${name} must have exactly one of ${keys.join(', ')}`;
  }
  return `${name} must name at least one of ${keys.join(', ')}`;
}

/** Offset of a value, or of its nearest ancestor that has one (a missing key has none). */
export function valueOffset(positions: SourcePositions, path: readonly PathSegment[]): number {
  for (let n = path.length; n >= 0; n--) {
    const at = positions.value.get(toPointer(path.slice(0, n)));
    if (at !== undefined) return at;
  }
  return 0;
}

/** Offset of the key that holds a value (`data:` for data), falling back to the value itself. */
export function keyOffset(positions: SourcePositions, path: readonly PathSegment[]): number {
  return positions.key.get(toPointer(path)) ?? valueOffset(positions, path);
}
