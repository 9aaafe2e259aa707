import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { projectRoot } from './temp-project.js';

/**
 * `pipepilot serve` as its own process (the built bin, so run `npm run build` first), killed when
 * the test ends; resolves once it listens and serves a model, reading its own output (no sleeps).
 */
export async function spawnServer(args: string[], cwd: string) {
  const child = spawn(process.execPath, [join(projectRoot, 'bin', 'pipepilot.js'), 'serve', '--port', '0', ...args], {
    cwd,
    env: { ...process.env, PIPEPILOT_BACKEND: 'wasm' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  onTestFinished(() => void child.kill('SIGKILL'));
  // Wait on the process's own words, not on time: the listening line, then the first model served.
  await new Promise<void>((ready, fail) => {
    const check = () => {
      if (/serving v\d/.test(stdout + stderr) && /listening on/.test(stdout + stderr)) ready();
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    void exited.then((code) => fail(new Error(`serve exited ${code}: ${stderr}`)));
  });
  const url = /listening on (http:\/\/[\d.:]+)/.exec(stdout + stderr)![1];
  return { child, url, exited, output: () => stdout + stderr };
}
