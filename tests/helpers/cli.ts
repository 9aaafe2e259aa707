import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { assertLibBuilt } from './built-lib.js';
import { projectRoot } from './temp-project.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process (the same `main` the bin calls) with captured output. */
export async function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(['node', 'pipepilot', ...args], {
    cwd,
    env: { PIPEPILOT_BACKEND: 'wasm', ...env },
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    isTTY: false,
  });
  return { code, stdout, stderr };
}

/** Runs the built `bin/pipepilot.js` as its own process, as a user's shell would; refuses to run a `lib/` older than `src/`. */
export function runBin(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliResult {
  assertLibBuilt();
  const res = spawnSync(process.execPath, [join(projectRoot, 'bin', 'pipepilot.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PIPEPILOT_BACKEND: 'wasm', ...env },
    timeout: 120_000,
  });
  return { code: res.status ?? -1, stdout: res.stdout, stderr: res.stderr };
}

/** A message a user sees must never be a stack trace. */
export function looksLikeStackTrace(text: string): boolean {
  return /\n\s+at .+:\d+:\d+\)?/.test(text) || /^\s+at /m.test(text);
}
