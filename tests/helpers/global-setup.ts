import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A temp dir for the whole run (shared fixtures such as repository templates), removed when it ends. */
    runDir: string;
  }
}

/** Programs the tests run for real, and the Debian package that has each (`.ci/run` installs them). */
const REQUIRED_PROGRAMS: Record<string, string> = { git: 'git', prometheus: 'prometheus', promtool: 'prometheus', kubectl: 'kubectl' };

/** Stops the run before any test when a program is missing: one clear line, not a failure deep in a spawn. */
function checkPrograms(): void {
  const missing = Object.keys(REQUIRED_PROGRAMS).filter((name) => spawnSync('sh', ['-c', `command -v ${name}`]).status !== 0);
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map((name) => REQUIRED_PROGRAMS[name]))].join(' ');
  throw new Error(
    `the tests need ${missing.join(', ')} on PATH: install Debian's ${packages} (apt-get install ${packages}), or run \`bash .ci/run\`, which does.`,
  );
}

/** Runs once per `vitest run`, before any test file: the programs the tests need, then the run's temp dir, removed at teardown. */
export default function setup(project: TestProject): () => void {
  checkPrograms();
  const runDir = mkdtempSync(join(tmpdir(), 'pipepilot-run-'));
  project.provide('runDir', runDir);
  return () => rmSync(runDir, { recursive: true, force: true });
}
