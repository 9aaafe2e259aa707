import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from '../helpers/temp-project.js';

// The README's examples table is what a new user reads first; it drifted once (issue 14).
describe("the README's examples table", () => {
  it('lists exactly as many gates for each example as its pipeline YAML has', () => {
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| `(pipelines\/[^`]+\.yaml)` \|.*\| ([^|]+) \|$/gm)];
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const [, file, gates] of rows) {
      const spec = parse(readFileSync(join(projectRoot, file), 'utf8')) as { gates?: unknown[] };
      expect(gates.split(',').length, file).toBe(spec.gates?.length ?? 0);
    }
  });
});
