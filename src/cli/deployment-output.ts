import type { Manifest } from '../registry/manifest.js';
import { EXIT, type CliIo } from './cli-io.js';

type Refused = { action: 'refused'; message: string; hint: string };
type Unchanged = { action: 'unchanged'; message: string };
type Written = { action: 'created' | 'updated'; branch: string; commit: string; env: string; model: string; manifest: Manifest };

/**
 * Prints what promote or rollback did to its branch and returns the exit code: 2 refused,
 * 0 written or nothing to do. `detail` adds the command's own words (what a rollback reverts).
 */
export function reportDeploymentChange<W extends Written>(
  io: CliIo,
  result: Refused | Unchanged | W,
  words: { detail?: (r: W) => string; merging: string },
): number {
  if (result.action === 'refused') {
    io.stderr(`error: ${result.message}\nhint: ${result.hint}\n`);
    return EXIT.badInput;
  }
  if (result.action === 'unchanged') {
    io.stdout(`${result.message}\n`);
    return EXIT.ok;
  }
  const m = result.manifest;
  const serves = m.canary ? `v${m.version} with canary v${m.canary.version} at ${m.canary.weight}%` : `v${m.version}`;
  const detail = words.detail ? `${words.detail(result)}; ` : '';
  io.stdout(
    `${result.action} branch ${result.branch} (commit ${result.commit.slice(0, 12)}): ${detail}${result.env} will serve ${result.model} ${serves}\n` +
      `next: git push -f origin ${result.branch}, then open a pull request; merging it ${words.merging}\n`,
  );
  return EXIT.ok;
}
