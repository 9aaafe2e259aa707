import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Timed { wall: number; cpu: number; rssMiB: number; stdout: string }

/**
 * Runs a command under /usr/bin/time -v in `cwd`: wall, user + sys and peak RSS of the whole
 * process (what a user's shell would see). `env` defaults to this process's.
 */
export function timedProcess(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Timed {
  const timeFile = join(cwd, 'time.txt');
  const t0 = performance.now();
  const res = spawnSync('/usr/bin/time', ['-v', '-o', timeFile, cmd, ...args], { cwd, encoding: 'utf8', env });
  const wall = (performance.now() - t0) / 1000;
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${res.status}: ${res.stderr.slice(-2000)}`);
  const report = readFileSync(timeFile, 'utf8');
  const field = (name: string) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(report)?.[1] ?? NaN);
  return {
    wall,
    cpu: field('User time \\(seconds\\)') + field('System time \\(seconds\\)'),
    rssMiB: field('Maximum resident set size \\(kbytes\\)') / 1024,
    stdout: res.stdout,
  };
}
