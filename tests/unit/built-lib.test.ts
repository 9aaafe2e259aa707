import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rebuildReason } from '../../scripts/stale-lib.mjs';
import { staleLibFiles } from '../helpers/built-lib.js';
import { tempProject } from '../helpers/temp-project.js';

describe('the check that lib/ is built from the current src/', () => {
  it('names a source newer than its compiled file, and one never compiled; a fresh build passes', () => {
    const dir = tempProject({ 'src/a.ts': '', 'src/sub/b.ts': '', 'src/types.d.ts': '', 'src/new.ts': '', 'lib/a.js': '', 'lib/sub/b.js': '' });
    const at = (path: string, seconds: number) => utimesSync(join(dir, path), seconds, seconds);
    at('src/a.ts', 1000);
    at('lib/a.js', 2000);
    at('src/sub/b.ts', 3000);
    at('lib/sub/b.js', 2000);
    expect(staleLibFiles(join(dir, 'src'), join(dir, 'lib'))).toEqual(['new.ts', 'sub/b.ts']);
    mkdirSync(join(dir, 'lib/sub'), { recursive: true });
    writeFileSync(join(dir, 'lib/new.js'), '');
    at('lib/sub/b.js', 3000);
    expect(staleLibFiles(join(dir, 'src'), join(dir, 'lib'))).toEqual([]);
  });

  it("npm test's build step rebuilds for a stale source or a compiler setting newer than the build, and only then", () => {
    const dir = tempProject({ 'src/cli/main.ts': '', 'lib/cli/main.js': '', 'tsconfig.json': '{}', 'tsconfig.build.json': '{}', 'package-lock.json': '{}' });
    const at = (path: string, seconds: number) => utimesSync(join(dir, path), seconds, seconds);
    for (const f of ['src/cli/main.ts', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json']) at(f, 1000);
    at('lib/cli/main.js', 1000);
    expect(rebuildReason(dir)).toBeUndefined();
    at('tsconfig.build.json', 1001);
    expect(rebuildReason(dir)).toBe('tsconfig.build.json changed since the build');
    at('tsconfig.build.json', 1000);
    at('src/cli/main.ts', 1001);
    expect(rebuildReason(dir)).toBe('1 stale file(s), e.g. cli/main.ts');
  });
});
