import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
});
