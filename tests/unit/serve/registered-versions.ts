import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { bcData, smallPipeline } from '../../helpers/registry-fixtures.js';
import { projectRoot } from '../../helpers/temp-project.js';

const DONE = '.registered';

/**
 * A git repository holding versions 1…n of model `bc`, registered by the project's own
 * `pipepilot register` (in-process): tiny linear models on the breast-cancer CSV, one seed each,
 * saved as tfjs LayersModels, so a loaded version holds tensors and disposing it frees them
 * (what the fleet's disposal is checked by). Read-only for the tests.
 *
 * Built once per `vitest run` in the run's temp dir (tests/helpers/global-setup.ts, removed when
 * the run ends) and reused by later calls, in this process or another: Stryker reruns the test
 * file for every mutant within one run, and three registrations cost seconds each time.
 */
export async function registeredVersions(n: number): Promise<string> {
  const runDir = inject('runDir');
  const target = join(runDir, `fleet-registry-${n}`);
  if (existsSync(join(target, DONE))) return target;
  const dir = mkdtempSync(join(runDir, 'fleet-registry-building-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  git('init', '-q', '-b', 'main');
  for (const setting of ['user.name=PipePilot Test', 'user.email=test@pipepilot.invalid', 'commit.gpgsign=false', 'gc.auto=0']) {
    const [key, value] = setting.split('=');
    git('config', key, value);
  }
  mkdirSync(join(dir, 'data'));
  copyFileSync(join(projectRoot, bcData.copy), join(dir, 'data', 'bc.csv'));
  writeFileSync(join(dir, 'p.yaml'), smallPipeline());
  git('add', '-A');
  git('commit', '-q', '-m', 'initial tree');
  for (let seed = 1; seed <= n; seed++) {
    writeFileSync(join(dir, 'p.yaml'), smallPipeline({ seed }));
    const res = await runCli(['register', 'p.yaml', '-q'], dir);
    if (res.code !== 0) throw new Error(`registering bc seed ${seed} failed (exit ${res.code}): ${res.stderr}`);
  }
  writeFileSync(join(dir, DONE), '');
  try {
    renameSync(dir, target);
  } catch (err) {
    // Another process finished first: use its copy.
    if (!existsSync(join(target, DONE))) throw err;
    rmSync(dir, { recursive: true, force: true });
  }
  return target;
}
