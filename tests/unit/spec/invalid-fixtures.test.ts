import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SpecError } from '../../../src/errors.js';
import { loadSpec } from '../../../src/spec/load-spec.js';

const dir = fileURLToPath(new URL('../../fixtures/pipelines/invalid/', import.meta.url));
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

/** First line of each fixture: `# expect: LINE:COL substring-of-the-message`. */
function expectation(text: string): { line: number; col: number; fragment: string } {
  const m = /^# expect: (\d+):(\d+) (.+)$/m.exec(text.split('\n')[0]);
  if (!m) throw new Error('fixture has no "# expect: L:C text" first line');
  return { line: Number(m[1]), col: Number(m[2]), fragment: m[3] };
}

function loadError(file: string, text: string): SpecError {
  try {
    loadSpec(text, { file: `tests/fixtures/pipelines/invalid/${file}`, root: '/repo' });
  } catch (err) {
    if (err instanceof SpecError) return err;
    throw err;
  }
  throw new Error(`${file} loaded without error`);
}

describe('each invalid pipeline fixture is rejected at the line, column and field its header names', () => {
  it('has a good number of fixtures', () => {
    expect(fixtures.length).toBeGreaterThan(50);
  });

  it.each(fixtures)('%s', (file) => {
    // Decoded the way the CLI reads files: invalid UTF-8 becomes U+FFFD rather than failing.
    const text = new TextDecoder().decode(readFileSync(join(dir, file)));
    const want = expectation(text);
    const err = loadError(file, text);
    const hit = err.problems.find((p) => p.message.includes(want.fragment));
    expect(hit, `no problem mentions "${want.fragment}"; got:\n${err.message}`).toBeDefined();
    expect(`${hit?.line}:${hit?.col}`).toBe(`${want.line}:${want.col}`);
    expect(err.message).toContain(`tests/fixtures/pipelines/invalid/${file}:${want.line}:${want.col}: `);
    for (const p of err.problems) {
      expect(p.line).toBeGreaterThanOrEqual(1);
      expect(p.col).toBeGreaterThanOrEqual(1);
      expect(p.message).not.toMatch(/\n/);
    }
  });
});
