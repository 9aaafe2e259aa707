import { isMap, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { PipePilotError } from '../errors.js';

interface Edit {
  at: number;
  end: number;
  text: string;
}

/**
 * The pipeline text with model.params set to `params`, every other byte unchanged: the yaml
 * Document API finds each value's source range and only those ranges are rewritten (a param not
 * yet written is inserted after the last one, in the map's own style). Re-stringifying the whole
 * Document would reflow flow maps and quotes elsewhere, so it is used only to locate. Throws
 * when the result does not read back as the wanted params (a layout we cannot edit in place).
 */
export function proposeParamsText(text: string, params: Readonly<Record<string, unknown>>, file: string): { text: string; changed: string[] } {
  const doc = parseDocument(text);
  const model = doc.get('model', true);
  if (!isMap(model)) throw cannotEdit(file, 'model is not a mapping');
  const paramsNode = model.get('params', true) as Node | undefined;
  const edits: Edit[] = [];
  const changed: string[] = [];
  const missing: [string, unknown][] = [];
  for (const [key, value] of Object.entries(params)) {
    const pair = isMap(paramsNode) ? findPair(paramsNode, key) : undefined;
    const node = pair?.value as Node | undefined;
    if (node?.range) {
      if (JSON.stringify(node.toJSON()) === JSON.stringify(value)) continue;
      const blockSeq = isSeq(node) && !node.flow;
      // A block list's range runs into the next line's indentation; its last item's does not.
      const end = contentEnd(node);
      edits.push({ at: node.range[0], end, text: renderValue(value, blockSeq ? columnOf(text, node.range[0]) : undefined) });
    } else {
      missing.push([key, value]);
    }
    changed.push(key);
  }
  if (missing.length > 0) edits.push(insertion(text, model, paramsNode, missing, file));
  let out = text;
  for (const e of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.text + out.slice(e.end);
  const check = parseDocument(out).toJS() as { model?: { params?: Record<string, unknown> } };
  for (const [key, value] of Object.entries(params)) {
    if (JSON.stringify(check.model?.params?.[key]) !== JSON.stringify(value)) throw cannotEdit(file, `model.params.${key} did not read back as ${JSON.stringify(value)}`);
  }
  return { text: out, changed };
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
}

/** A new `key: value` in the params map (flow or block), or a new `params:` block under model. */
function insertion(text: string, model: YAMLMap, paramsNode: Node | undefined, entries: [string, unknown][], file: string): Edit {
  if (isMap(paramsNode) && paramsNode.range) {
    if (paramsNode.flow) {
      let at = paramsNode.range[1] - 1;
      while (at > 0 && text[at] !== '}') at--;
      let before = at;
      while (before > 0 && /\s/.test(text[before - 1])) before--;
      const sep = paramsNode.items.length > 0 ? ', ' : '';
      return { at: before, end: before, text: sep + entries.map(([k, v]) => `${k}: ${renderValue(v)}`).join(', ') };
    }
    const first = paramsNode.items[0]?.key as Node | undefined;
    const indent = first?.range ? columnOf(text, first.range[0]) : 4;
    return blockInsertion(text, paramsNode, entries.map(([k, v]) => `${' '.repeat(indent)}${k}: ${renderValue(v)}`));
  }
  if (paramsNode !== undefined || model.flow) throw cannotEdit(file, 'model.params is not a mapping in block or flow style');
  const first = model.items[0]?.key as Node | undefined;
  const indent = first?.range ? columnOf(text, first.range[0]) : 2;
  const pad = ' '.repeat(indent + 2);
  return blockInsertion(text, model, [`${' '.repeat(indent)}params:`, ...entries.map(([k, v]) => `${pad}${k}: ${renderValue(v)}`)]);
}

/** Lines inserted after the end of the line where the map's last value ends. */
function blockInsertion(text: string, map: YAMLMap, lines: string[]): Edit {
  const last = map.items[map.items.length - 1];
  const end = contentEnd((last.value as Node | null) ?? (last.key as Node));
  let at = end;
  while (at < text.length && text[at] !== '\n') at++;
  return { at, end: at, text: '\n' + lines.join('\n') };
}

/** Where a node's own text ends: a block collection's range runs on into the next line, its last item's does not. */
function contentEnd(node: Node): number {
  if ((isSeq(node) || isMap(node)) && !node.flow && node.items.length > 0) {
    const last = node.items[node.items.length - 1];
    const inner = isMap(node) ? ((last as Pair).value as Node | null) ?? ((last as Pair).key as Node) : (last as Node);
    return contentEnd(inner);
  }
  return node.range?.[1] ?? 0;
}

/** A value as YAML: flow lists, plain scalars where safe, JSON-quoted strings otherwise; `blockIndent` writes a list as `- item` lines. */
function renderValue(value: unknown, blockIndent?: number): string {
  if (Array.isArray(value)) {
    if (blockIndent !== undefined && value.length > 0) return value.map((v, i) => `${i === 0 ? '' : ' '.repeat(blockIndent)}- ${renderValue(v)}`).join('\n');
    return `[${value.map((v) => renderValue(v)).join(', ')}]`;
  }
  if (typeof value === 'string') return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value);
}

function columnOf(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return offset - lineStart;
}

function cannotEdit(file: string, why: string): PipePilotError {
  return new PipePilotError(`${file}: cannot propose the tuned params in place: ${why}`, { hint: 'write model.params as a mapping under model, then rerun with --propose' });
}
