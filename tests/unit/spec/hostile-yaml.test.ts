import { describe, expect, it } from 'vitest';
import { SpecError } from '../../../src/errors.js';
import { Rng } from '../../../src/rng.js';
import { checkSpec, loadSpec, MAX_PROBLEMS } from '../../../src/spec/load-spec.js';

const GOOD = `apiVersion: pipepilot/v1
name: churn
data:
  source: pipelines/data/churn.csv
  target: churned
  features: {numeric: [tenure], categorical: [contract]}
model:
  task: binary_classification
  type: mlp
  params: {hidden_units: [16, 8], dropout: 0.1, early_stopping: {patience: 5}}
gates:
  - {metric: roc_auc, min: 0.8}
  - {metric: roc_auc, max_drop: 0.01, vs: production}
tune: {metric: roc_auc, space: {hidden_units: {choice: [[8], [16, 8]]}}}
`;

/** Loads, and returns the SpecError; fails the test if anything else is thrown or nothing is. */
function specError(text: string): SpecError {
  try {
    loadSpec(text, { file: 'p.yaml', root: '/repo' });
  } catch (err) {
    expect(err).toBeInstanceOf(SpecError);
    return err as SpecError;
  }
  throw new Error('expected a SpecError');
}

describe('hostile YAML is a SpecError, never a crash, another exception or a hang', () => {
  it.each([
    ['an empty file', ''],
    ['whitespace only', '  \n\t\n   '],
    ['comments only', '# nothing here\n'],
  ])('%s: "file is empty" at 1:1', (_, text) => {
    const err = specError(text);
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]).toMatchObject({ file: 'p.yaml', line: 1, col: 1 });
    expect(err.problems[0].message).toMatch(/file is empty/);
  });

  it('a file over 1 MiB is refused before parsing', () => {
    const err = specError(GOOD + `description: "${'x'.repeat(1024 * 1024)}"\n`);
    expect(err.problems[0].message).toMatch(/larger than 1 MiB/);
  });

  it('multi-byte text is measured in bytes: 400k three-byte characters are over the limit', () => {
    const err = specError(GOOD + `description: ${'€'.repeat(400_000)}\n`);
    expect(err.problems[0].message).toMatch(/larger than 1 MiB/);
  });

  it('a million nested brackets (which would exhaust the heap inside the YAML parser) are refused', () => {
    const err = specError('a: ' + '['.repeat(1_000_000 - 10));
    // 'a: ' is columns 1-3, so the 65th bracket is at column 3 + 65.
    expect(err.problems[0]).toMatchObject({ line: 1, col: 68 });
    expect(err.problems[0].message).toMatch(/nesting deeper than 64 levels/);
  });

  it('brackets inside quoted strings and comments do not count as nesting', () => {
    const text = GOOD.replace('name: churn\n', `name: churn\ndescription: "${'['.repeat(200)}" # ${'{'.repeat(200)}\n`);
    expect(loadSpec(text, { file: 'p.yaml', root: '/repo' }).spec.description).toBe('['.repeat(200));
  });

  it('a control character in the middle of a line is located', () => {
    const err = specError(GOOD.replace('name: churn', 'name: ch\u0007urn'));
    expect(err.problems[0]).toMatchObject({ line: 2, col: 9, message: 'not a text YAML file (control character U+0007)' });
  });

  it('__proto__, constructor and prototype keys are unknown keys and pollute nothing', () => {
    const text = GOOD.replace('model:\n', '__proto__: {polluted: yes}\nmodel:\n  constructor: {prototype: {polluted: yes}}\n').replace(
      '{patience: 5}',
      '{patience: 5, __proto__: {polluted: yes}}',
    );
    const err = specError(text);
    expect(err.problems.map((p) => p.message)).toEqual([
      "unknown key '__proto__' at the top level",
      "unknown key 'constructor' in model",
      "unknown key '__proto__' in model.params.early_stopping",
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('a quoted "__proto__" key inside a tune choice list is refused too', () => {
    const err = specError(GOOD.replace('choice: [[8], [16, 8]]', 'choice: [{"__proto__": {polluted: 1}}]'));
    expect(err.problems[0].message).toBe("unknown key '__proto__' in tune.space.hidden_units.choice[0]");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an alias without its anchor is located', () => {
    expect(specError(GOOD + 'description: *nowhere\n').problems[0]).toMatchObject({
      line: 15,
      col: 14,
      message: 'alias *nowhere has no anchor &nowhere before it',
    });
  });

  it('a self-referencing anchor stops at the nesting limit', () => {
    const err = specError(GOOD + 'x: &a [*a]\n');
    expect(err.problems.some((p) => /nesting deeper|aliases|YAML syntax error/.test(p.message))).toBe(true);
  });

  it('non-text keys are refused', () => {
    const err = specError(GOOD + '? [a, b]\n: 1\n');
    expect(err.problems[0].message).toBe('mapping keys must be plain text');
  });

  it('thousands of unknown keys are cut to the first MAX_PROBLEMS, with a count of the rest', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `k${i}: 1`).join('\n');
    const err = specError(GOOD + keys + '\n');
    expect(err.problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(err.problems[MAX_PROBLEMS].message).toBe(`… and ${5000 - MAX_PROBLEMS} more problems`);
  });

  it('many duplicate keys are found without yaml\'s quadratic check', () => {
    const err = specError(GOOD + 'description: a\n'.repeat(3000));
    expect(err.problems[0].message).toBe("duplicate key 'description'; each key may appear once");
  });

  it('seeded random corruptions of a valid file load or fail with located SpecErrors only', () => {
    const rng = new Rng(20240611);
    const alphabet = ['[', ']', '{', '}', ':', '-', ' ', '\n', '\t', '&a', '*a', '!!', '#', '"', "'", '?', '|', '>', '0', '1e309', '.nan', 'x', '__proto__', '\u0000', '\uFFFD', 'é'];
    let failed = 0;
    for (let i = 0; i < 300; i++) {
      let text = GOOD;
      for (let edits = 1 + rng.int(4); edits > 0; edits--) {
        const at = rng.int(text.length + 1);
        const cut = rng.int(3);
        text = text.slice(0, at) + alphabet[rng.int(alphabet.length)] + text.slice(at + cut);
      }
      const result = checkSpec(text, { file: 'p.yaml', root: '/repo' });
      if (result.ok) continue;
      failed++;
      expect(result.problems.length).toBeGreaterThan(0);
      for (const p of result.problems) {
        expect(p.line).toBeGreaterThanOrEqual(1);
        expect(p.col).toBeGreaterThanOrEqual(1);
        expect(p.message).not.toMatch(/unexpected error/);
      }
    }
    expect(failed).toBeGreaterThan(100);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
