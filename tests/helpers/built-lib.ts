import { join } from 'node:path';
import { staleLibFiles } from '../../scripts/stale-lib.mjs';
import { projectRoot } from './temp-project.js';

export { staleLibFiles };

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
