import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject, onTestFinished } from 'vitest';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * A fresh repository in a temp dir holding `tree` (path → text or bytes, or `{copy: path}` from
 * this project), removed when the test ends. A real `git init`, because the CLI finds the
 * repository root by its `.git`; no two tests share one.
 */
export function tempProject(tree: Record<string, string | Uint8Array | { copy: string }>): string {
  const dir = mkdtempSync(join(tmpdir(), 'pipepilot-test-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  execFileSync('git', ['init', '-q', gitTemplate(), '-b', 'main', dir]);
  for (const [path, content] of Object.entries(tree)) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    if (typeof content === 'object' && 'copy' in content) copyFileSync(join(projectRoot, content.copy), target);
    else writeFileSync(target, content);
  }
  return dir;
}

/**
 * The directory given to `git init`/`git clone` as `--template`: an empty `hooks/` (tests install
 * hooks there), and no sample hooks, `info/` or `description`, which were most of a new
 * repository's files — a dozen to write, copy and remove per repository, hundreds per run.
 */
let emptyTemplate: string | undefined;
export function gitTemplate(): string {
  if (emptyTemplate === undefined) {
    emptyTemplate = join(inject('runDir'), `git-template-${process.pid}`);
    mkdirSync(join(emptyTemplate, 'hooks'), { recursive: true });
  }
  return `--template=${emptyTemplate}`;
}
