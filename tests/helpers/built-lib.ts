import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { projectRoot } from './temp-project.js';

/**
 * The source files whose compiled twin in `libDir` is missing or older than the source: tests
 * that run `bin/` run `lib/`, and a stale `lib/` would test yesterday's code while `src/` looks
 * fine. Paths relative to `srcDir`, '/'-separated, sorted.
 */
export function staleLibFiles(srcDir: string, libDir: string): string[] {
  const stale: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const rel = relative(srcDir, path);
        const built = join(libDir, rel.replace(/\.ts$/, '.js'));
        const builtMs = statSync(built, { throwIfNoEntry: false })?.mtimeMs;
        if (builtMs === undefined || builtMs < statSync(path).mtimeMs) stale.push(rel.split(sep).join('/'));
      }
    }
  };
  walk(srcDir);
  return stale.sort();
}

let checked = false;

/** Throws, saying what to run, when this project's `lib/` is older than its `src/` (checked once per test file). */
export function assertLibBuilt(): void {
  if (checked) return;
  const stale = staleLibFiles(join(projectRoot, 'src'), join(projectRoot, 'lib'));
  if (stale.length > 0) {
    const some = stale.slice(0, 3).join(', ') + (stale.length > 3 ? ` and ${stale.length - 3} more` : '');
    throw new Error(`lib/ is older than src/ (${some}): these tests run bin/pipepilot.js, which runs lib/. Run \`npm run build\` first.`);
  }
  checked = true;
}
