import type * as ActionsCache from '@actions/cache';
import type { SharedDownloadCache } from '../fetch/download.js';

/** The three calls of @actions/cache we make (the module itself satisfies it). */
export type ActionsCacheClient = Pick<typeof ActionsCache, 'isFeatureAvailable' | 'restoreCache' | 'saveCache'>;

/**
 * The @actions/cache module, loaded only where a runner announces its cache service (the two
 * variables the module's own isFeatureAvailable reads, for service v1 and v2): outside a job its
 * Azure and archive code would only slow every start of the action (see scripts/build-action.js).
 */
export async function loadActionsCache(env: NodeJS.ProcessEnv): Promise<ActionsCacheClient | undefined> {
  return env.ACTIONS_RESULTS_URL || env.ACTIONS_CACHE_URL ? await import('@actions/cache') : undefined;
}

/**
 * Downloaded data sets kept across workflow runs in the Actions cache, keyed by their pin
 * (`pipepilot-data-sha256-<hex>`, or md5 for DVC; `pipepilot-data-ranges-sha256-<hex>` for a
 * `data.read: ranges` read, keyed by data.ranges_sha256): restored before a download, saved after
 * a verified one, so a runner fetches a remote data set once per pin rather than once per run.
 * Outside a job (no cache service in the environment) it is none, said once in the log. Failures
 * are logged and cost a download, never the run: the cache is an optimisation.
 *
 * Tested through this seam: the real module outside a job, and a client keeping entries in memory
 * for the restore/save wiring (the service itself needs a runner's ACTIONS_RESULTS_URL).
 */
export function actionsDownloadCache(client: ActionsCacheClient | undefined, log: (message: string) => void): SharedDownloadCache | undefined {
  if (!client?.isFeatureAvailable()) {
    log('data cache: the Actions cache is not available here (not inside a GitHub Actions job); downloads are cached on this machine only');
    return undefined;
  }
  return {
    async tryRestore(path, key) {
      try {
        const hit = await client.restoreCache([path], key);
        log(hit === undefined ? `data cache: no entry ${key}; downloading` : `data cache: restored ${key}`);
        return hit !== undefined;
      } catch (err) {
        log(`data cache: restoring ${key} failed (${messageOf(err)}); downloading`);
        return false;
      }
    },
    async save(path, key) {
      try {
        await client.saveCache([path], key);
        log(`data cache: saved ${key}`);
      } catch (err) {
        // Two jobs saving one pin at once: the other's entry serves as well as ours would.
        log(`data cache: ${key} not saved (${messageOf(err)})`);
      }
    },
  };
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
