import { Buffer } from 'node:buffer';
import { isAlias, isMap, isScalar, isSeq, Lexer, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { unknownKeyMessage } from './did-you-mean.js';
import { dottedPath, toPointer, type PathSegment } from './json-path.js';

/** A problem found while reading the YAML, before the schema sees it. Offsets are into the text. */
export interface SourceProblem {
  offset: number;
  path: string;
  message: string;
}

/** Where each value (and each mapping key) of the document starts, by JSON pointer. */
export interface SourcePositions {
  /** 1-based line and column of a text offset. */
  linePos(offset: number): { line: number; col: number };
  value: Map<string, number>;
  key: Map<string, number>;
}

/**
 * `ok` means the document could be turned into a value. It may still come with `problems`
 * (duplicate or forbidden keys, which are left out of the value), so that schema problems can be
 * reported alongside them.
 */
export type ParsedYaml =
  | { ok: true; value: unknown; positions: SourcePositions; problems: SourceProblem[] }
  | { ok: false; problems: SourceProblem[]; positions: SourcePositions };

/** Files this big are not hand-written pipelines; refusing them keeps parsing time bounded (~1.5 s worst case). */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Deepest legitimate pipeline path is ~7 levels (tune.space.x.choice[i][j]); 64 leaves room and stops stack/heap attacks. */
export const MAX_DEPTH = 64;
/** Aliases are rare in pipelines; a cap stops "billion laughs" expansion. */
export const MAX_ALIASES = 100;

/**
 * Keys that would reach Object.prototype if a pipeline were ever merged into a plain object.
 * They are never valid pipeline keys, so they are reported and never copied.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// Control characters other than tab, LF and CR, and U+FFFD (what a decoder leaves for invalid UTF-8).
// eslint-disable-next-line no-control-regex
const NOT_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/;

/**
 * Parses one YAML document into plain JS values, recording the source offset of every value and
 * key. Never throws for any input: hostile text (binary, huge, deep, alias bombs, prototype keys)
 * comes back as problems.
 */
export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const positions: SourcePositions = {
    linePos: (offset) => lineCounter.linePos(offset),
    value: new Map(),
    key: new Map(),
  };
  const fail = (problems: SourceProblem[]): ParsedYaml => ({ ok: false, problems, positions });
  const early = precheck(text);
  if (early) {
    // linePos needs the line starts, which the parser would have recorded; record them here.
    lineCounter.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0 && i < early.offset; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    return fail([early]);
  }
  // uniqueKeys is off because yaml's check is quadratic in the size of a mapping (seconds for
  // 100k keys); the walk below finds duplicates with a Set instead.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, merge: false });
  const yamlProblems = [...doc.errors, ...doc.warnings].map((e) => ({ offset: e.pos[0], path: '', message: yamlErrorMessage(e.code, e.message) }));
  if (yamlProblems.length > 0) return fail(yamlProblems);
  if (doc.contents === null) {
    return fail([{ offset: 0, path: '', message: 'file is empty; a pipeline starts with `apiVersion: pipepilot/v1`' }]);
  }
  const walk = new Walk(doc, positions);
  const value = walk.node(doc.contents, [], 0);
  return walk.stopped ? fail(walk.problems) : { ok: true, value, positions, problems: walk.problems };
}

/** Cheap checks before the YAML parser sees the text: size, binary content, flow nesting. */
function precheck(text: string): SourceProblem | undefined {
  if (text.length > MAX_FILE_BYTES || Buffer.byteLength(text, 'utf8') > MAX_FILE_BYTES) {
    return { offset: 0, path: '', message: `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB; a pipeline is a small text file` };
  }
  const bad = NOT_TEXT.exec(text);
  if (bad) {
    const what = bad[0] === '\uFFFD' ? 'invalid UTF-8' : `control character U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`;
    return { offset: bad.index, path: '', message: `not a text YAML file (${what})` };
  }
  if (text.trim() === '') {
    return { offset: 0, path: '', message: 'file is empty; a pipeline starts with `apiVersion: pipepilot/v1`' };
  }
  return flowDepthProblem(text);
}

/**
 * yaml's composer recurses per flow level and runs out of heap (a fatal, uncatchable crash) on
 * ~50k nested `[`. Its lexer is iterative and knows quotes and comments, so count there first.
 */
function flowDepthProblem(text: string): SourceProblem | undefined {
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    // The lexer also yields one-character markers (document, scalar, flow end) that are not
    // source text; precheck already refused such control characters in the text itself.
    if (token === '\x02' || token === '\x18' || token === '\x1f') continue;
    if (token === '[' || token === '{') depth++;
    else if (token === ']' || token === '}') depth--;
    if (depth > MAX_DEPTH) return { offset, path: '', message: `nesting deeper than ${MAX_DEPTH} levels` };
    offset += token.length;
  }
  return undefined;
}

function yamlErrorMessage(code: string, message: string): string {
  if (code === 'MULTIPLE_DOCS') return 'more than one YAML document (`---`); a pipeline file holds exactly one';
  if (code === 'RESOURCE_EXHAUSTION') return `nesting deeper than ${MAX_DEPTH} levels`;
  if (code === 'TAG_RESOLVE_FAILED') return `${message}; pipelines use plain YAML values without tags`;
  return `YAML syntax error: ${message.replace(/\s+/g, ' ').trim()}`;
}

/** Converts the document to plain JS, depth-first, recording positions and collecting problems. */
class Walk {
  readonly problems: SourceProblem[] = [];
  private aliases = 0;
  stopped = false;

  constructor(
    private readonly doc: Document,
    private readonly positions: SourcePositions,
  ) {}

  node(node: unknown, path: PathSegment[], depth: number): unknown {
    if (this.stopped) return undefined;
    const at = nodeOffset(node);
    const pointer = toPointer(path);
    if (!this.positions.value.has(pointer)) this.positions.value.set(pointer, at);
    if (depth > MAX_DEPTH) return this.stop(at, path, `nesting deeper than ${MAX_DEPTH} levels`);
    if (isAlias(node)) return this.alias(node, path, depth);
    if (isScalar(node)) return node.value;
    if (isSeq(node)) return node.items.map((item, i) => this.node(item, [...path, i], depth + 1));
    if (isMap(node)) return this.map(node.items, path, depth);
    return this.stop(at, path, 'unsupported YAML value');
  }

  private alias(node: Extract<Node, { source: string }>, path: PathSegment[], depth: number): unknown {
    this.aliases++;
    if (this.aliases > MAX_ALIASES) return this.stop(nodeOffset(node), path, `more than ${MAX_ALIASES} aliases (*name); write the values out`);
    const target = node.resolve(this.doc);
    if (target === undefined) return this.stop(nodeOffset(node), path, `alias *${node.source} has no anchor &${node.source} before it`);
    return this.node(target, path, depth + 1);
  }

  private map(pairs: { key: unknown; value: unknown }[], path: PathSegment[], depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const seen = new Set<string>();
    for (const pair of pairs) {
      const keyAt = nodeOffset(pair.key);
      if (!isScalar(pair.key) || pair.key.value === null || typeof pair.key.value === 'object') {
        this.problems.push({ offset: keyAt, path: dottedPath(path), message: 'mapping keys must be plain text' });
        continue;
      }
      const key = String(pair.key.value);
      const childPath = [...path, key];
      if (FORBIDDEN_KEYS.has(key)) {
        this.problems.push({ offset: keyAt, path: dottedPath(childPath), message: unknownKeyMessage(key, [], dottedPath(path)) });
        continue;
      }
      if (seen.has(key)) {
        this.problems.push({ offset: keyAt, path: dottedPath(childPath), message: `duplicate key '${key}'${inWhere(path)}; each key may appear once` });
        continue;
      }
      seen.add(key);
      const pointer = toPointer(childPath);
      this.positions.key.set(pointer, keyAt);
      const emptyValue = pair.value === null || (isScalar(pair.value) && pair.value.value === null);
      if (emptyValue) this.positions.value.set(pointer, keyAt);
      out[key] = pair.value === null ? null : this.node(pair.value, childPath, depth + 1);
    }
    return out;
  }

  private stop(offset: number, path: PathSegment[], message: string): undefined {
    this.problems.push({ offset, path: dottedPath(path), message });
    this.stopped = true;
    return undefined;
  }
}

function inWhere(path: PathSegment[]): string {
  return path.length === 0 ? '' : ` in ${dottedPath(path)}`;
}

function nodeOffset(node: unknown): number {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? range[0] : 0;
}
