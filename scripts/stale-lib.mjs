#!/usr/bin/env node
// `npm test` builds lib/ only when it is stale, by the same rule the tests that run bin/ check
// (tests/helpers/built-lib.ts): in CI, `npm ci` has just built it (`prepare`), and a second full
// tsc is ~25 CPU s of a suite that must stay short. tsc's own --incremental was not used: it
// decides by content, so a source touched but unchanged (a stash and pop) would stay "stale" by
// mtime while tsc skipped it, and the tests would ask for a build that does nothing.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The source files whose compiled twin in `libDir` is missing or older than the source.
 * Paths relative to `srcDir`, '/'-separated, sorted.
 */
export function staleLibFiles(srcDir, libDir) {
  const stale = [];
  const walk = (dir) => {
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

/** Why lib/ must be built again (a stale file, or a compiler setting newer than the build), or undefined. */
export function rebuildReason(root) {
  const stale = staleLibFiles(join(root, 'src'), join(root, 'lib'));
  if (stale.length > 0) return `${stale.length} stale file(s), e.g. ${stale[0]}`;
  const builtMs = statSync(join(root, 'lib', 'cli', 'main.js'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const settings = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'].filter((f) => statSync(join(root, f)).mtimeMs > builtMs);
  return settings.length > 0 ? `${settings.join(', ')} changed since the build` : undefined;
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--build') {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const reason = rebuildReason(root);
  if (reason === undefined) {
    console.log('lib/ is newer than every source file: not building again');
  } else {
    console.log(`building lib/ (${reason})`);
    const res = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
    process.exitCode = res.status ?? 1;
  }
}
