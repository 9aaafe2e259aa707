import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { looksLikeStackTrace, runCli } from '../helpers/cli.js';
import { awkwardValue, fuzz, fuzzTimeout, mutatedText } from '../helpers/fuzz.js';
import { tempProject } from '../helpers/temp-project.js';

const valid = readFileSync('tests/fixtures/pipelines/valid/every-key.yaml', 'utf8');
const validObject = parse(valid) as Record<string, unknown>;

type Path = (string | number)[];

/** Every path into the document (mappings and sequences), so an edit can land anywhere. */
function paths(value: unknown, at: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [at];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [at, ...keys.flatMap((k) => paths((value as Record<string | number, unknown>)[k], [...at, k]))];
}
const allPaths = paths(validObject).filter((p) => p.length > 0);

type Edit = { path: number; op: 'set' | 'delete' | 'add'; key: string; value: unknown };

/** The valid pipeline with schema-level edits: a value replaced by an awkward one, a key deleted, an unknown key added. */
function edited(edits: Edit[]): unknown {
  const doc = structuredClone(validObject);
  for (const e of edits) {
    const path = allPaths[e.path % allPaths.length];
    let parent: Record<string | number, unknown> = doc;
    for (const k of path.slice(0, -1)) {
      const next = parent?.[k];
      if (next === null || typeof next !== 'object') return doc;
      parent = next as Record<string | number, unknown>;
    }
    const last = path[path.length - 1];
    if (e.op === 'set') parent[last] = e.value;
    else if (e.op === 'delete') delete parent[last];
    else if (!Array.isArray(parent)) parent[e.key] = e.value;
  }
  return doc;
}

const key = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'params', 'metric', 'source', 'tpye', '<<'), fc.string({ maxLength: 8 }));
const edit: fc.Arbitrary<Edit> = fc.record({ path: fc.nat(), op: fc.constantFrom('set', 'delete', 'add'), key, value: awkwardValue });
const yamlChars = fc.constantFrom(':', '-', ' ', '\t', '\n', '{', '}', '[', ']', ',', '#', '&a', '*a', '<<', '!!', '"', "'", '|', '>', '?', '%', '@', '\ufeff', '\u0000');

/** A problem line as `validate` prints it: `file:line:col: message`. */
const PROBLEM = /^p\.yaml:\d+:\d+: \S/;

describe('fuzz: `pipepilot validate` on YAML near the schema', () => {
  it('exit 0 or 2, never 3, never a stack; every problem located as file:line:col', async () => {
    const dir = tempProject({ 'p.yaml': valid });
    const cases = fc.oneof(
      { weight: 3, arbitrary: fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => stringify(edited(edits))) },
      { weight: 2, arbitrary: mutatedText(valid, yamlChars) },
      { weight: 1, arbitrary: fc.array(edit, { minLength: 1, maxLength: 2 }).chain((edits) => mutatedText(stringify(edited(edits)), yamlChars)) },
    );
    await fuzz('validate: near-valid YAML', cases, async (yamlText) => {
      await writeFile(join(dir, 'p.yaml'), yamlText);
      const res = await runCli(['validate', 'p.yaml'], dir);
      const what = `${JSON.stringify(yamlText.slice(0, 400))} → ${res.code}\n${res.stderr}`;
      expect([0, 2], what).toContain(res.code);
      expect(looksLikeStackTrace(res.stderr), what).toBe(false);
      if (res.code === 0) return;
      const lines = res.stderr.trimEnd().split('\n');
      expect(lines.at(-1), what).toBe('1 of 1 pipeline file(s) invalid');
      expect(lines.length, what).toBeGreaterThan(1);
      for (const line of lines.slice(0, -1)) expect(line, what).toMatch(PROBLEM);
    }, 150);
  }, fuzzTimeout());
});
