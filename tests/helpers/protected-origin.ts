import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * GitHub's branch protection as a bare origin's pre-receive hook: pushes to main are refused the
 * way GitHub refuses them (GH006), or as another hook would, as `$GIT_DIR/refuse-main` says
 * (absent or `protected`: GH006; `other`: another hook's refusal; `open`: none). Merges made
 * inside the origin (the stand-in's merge button) run no hook, as on GitHub.
 */
const PRE_RECEIVE = `#!/bin/sh
mode=$(cat "$GIT_DIR/refuse-main" 2>/dev/null || echo protected)
while read old new ref; do
  [ "$ref" = refs/heads/main ] || continue
  case "$mode" in
    protected) echo "error: GH006: Protected branch update failed for refs/heads/main." >&2
               echo "error: Changes must be made through a pull request." >&2; exit 1;;
    other) echo "error: refused by hook check-signoff: every commit needs a Signed-off-by line" >&2; exit 1;;
  esac
done
exit 0
`;

export type MainRefusal = 'protected' | 'other' | 'open';

/** Installs the hook in the bare `origin` (main protected from then on); returns the switch between refusals. */
export function protectMain(origin: string): (mode: MainRefusal) => void {
  writeFileSync(join(origin, 'hooks', 'pre-receive'), PRE_RECEIVE, { mode: 0o755 });
  return (mode) => writeFileSync(join(origin, 'refuse-main'), `${mode}\n`);
}
