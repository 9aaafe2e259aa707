import { join } from 'node:path';
import { createActionsBundleStore, type RunBundleStore } from '../github/artifact-store.js';
import type { GitHub } from '../github/github.js';
import { createLocalBundleStore } from '../github/local-bundle-store.js';

/**
 * Run bundles as workflow artifacts inside a GitHub Actions job (the artifact service needs
 * ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL, which only a runner sets); anywhere else, a local
 * directory (PIPEPILOT_BUNDLE_DIR, else under RUNNER_TEMP) with the same contract. The end-to-end
 * tests run the bundled action without a runner, so they exercise the local store; the artifact
 * store's wiring has its own integration test, and the dogfood workflow runs the real service.
 */
export async function chooseBundleStore(deps: {
  env: NodeJS.ProcessEnv;
  github: GitHub;
  token: string;
  owner: string;
  repo: string;
  tempDir: string;
  log: (message: string) => void;
}): Promise<RunBundleStore> {
  const { env } = deps;
  if (env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL) {
    const { DefaultArtifactClient } = await import('@actions/artifact');
    return createActionsBundleStore({ client: new DefaultArtifactClient(), github: deps.github, token: deps.token, owner: deps.owner, repo: deps.repo, retentionDays: 30 });
  }
  const dir = env.PIPEPILOT_BUNDLE_DIR || join(deps.tempDir, 'pipepilot-bundle-store');
  deps.log(`run bundles: ACTIONS_RUNTIME_TOKEN is not set (not inside a GitHub Actions job), so they are kept in ${dir} instead of workflow artifacts`);
  return createLocalBundleStore(dir);
}
