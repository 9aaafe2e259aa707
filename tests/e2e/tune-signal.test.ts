import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { projectRoot, tempProject } from '../helpers/temp-project.js';

const pipeline = `apiVersion: pipepilot/v1
name: bc
data: {source: data/bc.csv, target: diagnosis, positive_class: malignant}
model:
  task: binary_classification
  type: mlp
  params: {hidden_units: [4], epochs: 30, batch_size: 16}
  seed: 3
evaluate: {bootstrap: {samples: 20}}
tune: {metric: roc_auc, sampler: random, pruner: none, trials: 40, parallelism: 1, space: {learning_rate: {loguniform: [0.001, 0.1]}}}
`;

function lines(file: string): string[] {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l !== '') : [];
}

/** Resolves when `check` holds, polling; rejects at the deadline (no fixed sleeps: the machine may be slow). */
async function waitFor(check: () => boolean, deadlineMs: number): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached before the deadline');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('pipepilot tune and SIGINT', () => {
  it('Ctrl-C mid-study exits 130 with the finished trials on disk; --resume completes the same study', async () => {
    const dir = tempProject({ 'p.yaml': pipeline, 'data/bc.csv': { copy: 'pipelines/data/breast-cancer.csv' } });
    const trialsFile = join(dir, 'o', 'trials.jsonl');
    const child = spawn(process.execPath, [join(projectRoot, 'bin', 'pipepilot.js'), 'tune', 'p.yaml', '--workers', '1', '--out', 'o'], {
      cwd: dir, env: { ...process.env, PIPEPILOT_BACKEND: 'wasm' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await waitFor(() => lines(trialsFile).length >= 2, 120_000);
    child.kill('SIGINT');
    expect(await exited, stderr).toBe(130);
    expect(stderr).toContain('--resume');
    const kept = lines(trialsFile).map((l) => JSON.parse(l) as { number: number });
    expect(kept.length).toBeGreaterThanOrEqual(2);
    expect(kept.length).toBeLessThan(40);
    expect(kept.map((t) => t.number)).toEqual(kept.map((_, i) => i));

    const resumed = runBin(['tune', 'p.yaml', '--workers', '1', '--out', 'o', '--resume', '--quiet', '--trials', '40'], dir);
    expect(resumed.code, resumed.stderr).toBe(0);
    const all = lines(trialsFile).map((l) => JSON.parse(l) as { number: number });
    expect(all.map((t) => t.number)).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });
});
