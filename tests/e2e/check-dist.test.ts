import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { projectRoot } from '../helpers/temp-project.js';

/**
 * check-dist (actions/typescript-action's idea): the action runs the committed dist/, not src/,
 * so a change to src/ without `npm run build:action` would ship stale code. Rebuild into a temp
 * dir and compare byte for byte.
 */
describe('dist/ is what `npm run build:action` makes now', () => {
  it('a fresh build equals the committed dist/index.js and wasm binaries', async () => {
    // @ts-expect-error a plain JS build script, no types
    const { buildAction } = (await import('../../scripts/build-action.js')) as { buildAction: (outDir: string) => Promise<void> };
    const out = mkdtempSync(join(tmpdir(), 'pipepilot-dist-'));
    onTestFinished(() => rmSync(out, { recursive: true, force: true }));
    await buildAction(out);
    const committed = join(projectRoot, 'dist');
    expect(readdirSync(out).sort()).toEqual(readdirSync(committed).sort());
    for (const name of readdirSync(out)) {
      const same = readFileSync(join(out, name)).equals(readFileSync(join(committed, name)));
      expect(same, `dist/${name} is out of date: run \`npm run build:action\` and commit dist/`).toBe(true);
    }
  });
});
