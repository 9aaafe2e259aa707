import type { DriftWindowOptions } from '../monitor/drift-window.js';
import type { Clock, Logger } from '../ports.js';
import type { DeployedModel, DeploymentSnapshot, LoadDeployment } from './deployment-source.js';
import { loadVersion, type LiveOptions, type LoadedVersion } from './loaded-version.js';
import { ModelSlot, type Serving } from './model-slot.js';
import type { ServeMetrics } from './serve-metrics.js';

/** What one refresh did, per model: swapped to new versions, kept what it had, failed, or removed. */
export interface RefreshReport {
  revision?: string;
  /** A failure to read the deployments at all (e.g. git fetch failed); everything kept serving. */
  problem?: string;
  models: { model: string; action: 'swapped' | 'unchanged' | 'kept' | 'removed'; problem?: string }[];
}

export interface FleetDeps {
  loadDeployment: LoadDeployment;
  clock: Clock;
  log: Logger;
  metrics: ServeMetrics;
  /** The drift window's settings for a model's versions (threshold, window); defaults when absent. */
  drift?: (model: string) => DriftWindowOptions;
  /** Sizes of every version's live-outcome window; defaults when absent. */
  live?: LiveOptions;
}

/** Every deployed model's slot, and `refresh`, which brings them to what the deployments say now. */
export interface Fleet {
  slots: ReadonlyMap<string, ModelSlot>;
  /** Reads the deployments and swaps what changed; never throws, never replaces a working version with a broken one. Serialised. */
  refresh(): Promise<RefreshReport>;
  /** The last refresh's failure to read the deployments, whether one has completed, and why it found no model. */
  status(): { refreshed: boolean; problem?: string; nothingDeployed?: string };
  close(): void;
}

export function createFleet(deps: FleetDeps): Fleet {
  const slots = new Map<string, ModelSlot>();
  let refreshed = false;
  let problem: string | undefined;
  // Why the last snapshot named no model (a typo'd --env, nothing promoted yet); warned once per change.
  let nothingDeployed: string | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const refreshNow = async (): Promise<RefreshReport> => {
    let snapshot: DeploymentSnapshot;
    try {
      snapshot = await deps.loadDeployment();
    } catch (err) {
      problem = `reading the deployments failed: ${(err as Error).message}`;
      deps.log.warn(`${problem}; still serving what was loaded`);
      deps.metrics.sourceUp.set(0);
      return { problem, models: [] };
    }
    problem = undefined;
    deps.metrics.sourceUp.set(1);
    deps.metrics.sourceLastRead.set(deps.clock.now() / 1000);
    if (snapshot.models.length === 0 && snapshot.nothingDeployed !== undefined && snapshot.nothingDeployed !== nothingDeployed) {
      deps.log.warn(`${snapshot.nothingDeployed}; /readyz answers 503 until a manifest is merged`);
    }
    nothingDeployed = snapshot.models.length === 0 ? (snapshot.nothingDeployed ?? 'no model is deployed in this environment') : undefined;
    const models: RefreshReport['models'] = [];
    for (const deployed of snapshot.models) {
      const slot = slots.get(deployed.model) ?? new ModelSlot(deployed.model);
      slots.set(deployed.model, slot);
      models.push({ model: deployed.model, ...(await refreshSlot(slot, deployed, snapshot, deps)) });
    }
    const listed = new Set(snapshot.models.map((m) => m.model));
    for (const [name, slot] of slots) {
      if (listed.has(name)) continue;
      deps.log.info(`${name}: no longer deployed at ${snapshot.revision.slice(0, 12)}; unloading`);
      slot.clear();
      slots.delete(name);
      deps.metrics.deployedVersion.remove({ model: name, role: 'main' });
      deps.metrics.deployedVersion.remove({ model: name, role: 'canary' });
      deps.metrics.canaryWeight.remove({ model: name });
      models.push({ model: name, action: 'removed' });
    }
    refreshed = true;
    return { revision: snapshot.revision, models };
  };

  return {
    slots,
    refresh() {
      const run = queue.then(refreshNow);
      queue = run.catch(() => undefined);
      return run;
    },
    status: () => ({ refreshed, ...(problem ? { problem } : {}), ...(nothingDeployed ? { nothingDeployed } : {}) }),
    close() {
      for (const slot of slots.values()) slot.clear();
      slots.clear();
    },
  };
}

async function refreshSlot(slot: ModelSlot, deployed: DeployedModel, snapshot: DeploymentSnapshot, deps: FleetDeps): Promise<{ action: RefreshReport['models'][number]['action']; problem?: string }> {
  // The same revision gives the same refusal: warn and count it once, not on every poll (issue 14).
  if (slot.refusedAt === snapshot.revision && slot.problem !== undefined) return { action: 'kept', problem: slot.problem };
  slot.refusedAt = undefined;
  const fail = (message: string, version?: number) => {
    slot.problem = message;
    slot.refusedAt = snapshot.revision;
    deps.metrics.loadFailures.inc({ model: deployed.model, version: version === undefined ? 'manifest' : String(version) });
    deps.log.warn(`${message}${slot.serving ? `; still serving v${slot.serving.main.version}` : ''}`);
    return { action: 'kept' as const, problem: message };
  };
  const manifest = deployed.manifest;
  if (!manifest) return fail(deployed.problem ?? `${deployed.file}: unreadable`);
  const current = slot.serving;
  const wantCanary = manifest.canary;
  if (current && current.main.version === manifest.version && current.canary?.version.version === wantCanary?.version && current.canary?.weightPercent === wantCanary?.weight) {
    slot.problem = undefined; // the manifest is back to what is served (e.g. a reverted bad promotion)
    return { action: 'unchanged' };
  }
  const loaded: LoadedVersion[] = [];
  for (const version of [manifest.version, ...(wantCanary ? [wantCanary.version] : [])]) {
    const reuse = slot.find(version) ?? loaded.find((l) => l.version === version);
    if (reuse) {
      loaded.push(reuse);
      continue;
    }
    try {
      const registered = await snapshot.open(deployed.model, version);
      loaded.push(await loadVersion(registered, () => deps.clock.now(), deps.drift?.(deployed.model), deps.live));
    } catch (err) {
      for (const l of loaded) if (!slot.find(l.version)) l.scoring.model.dispose();
      return fail(`${deployed.model} v${version}: refused: ${(err as Error).message}`, version);
    }
  }
  const next: Serving = { main: loaded[0], ...(wantCanary ? { canary: { version: loaded[1], weightPercent: wantCanary.weight } } : {}) };
  slot.swap(next, snapshot.revision);
  deps.metrics.deployedVersion.set({ model: deployed.model, role: 'main' }, next.main.version);
  if (next.canary) deps.metrics.deployedVersion.set({ model: deployed.model, role: 'canary' }, next.canary.version.version);
  else deps.metrics.deployedVersion.remove({ model: deployed.model, role: 'canary' });
  deps.metrics.canaryWeight.set({ model: deployed.model }, next.canary?.weightPercent ?? 0);
  deps.log.info(`${deployed.model}: serving v${next.main.version}${next.canary ? ` with canary v${next.canary.version.version} at ${next.canary.weightPercent}%` : ''} (${snapshot.revision.slice(0, 12)})`);
  return { action: 'swapped' };
}
