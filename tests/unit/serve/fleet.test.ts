import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import type { DeployedModel, DeploymentSnapshot } from '../../../src/serve/deployment-source.js';
import { createFleet } from '../../../src/serve/fleet.js';
import { createServeMetrics } from '../../../src/serve/serve-metrics.js';

/**
 * The fleet's decisions that need no loaded model: a failed read of the deployments, nothing
 * deployed, refused manifests and versions (counted once per revision), models withdrawn, and
 * refreshes one at a time. Swapping real versions in is tested over HTTP in
 * tests/integration/serve-deploy.test.ts. The deployments are a plain function (the fleet's
 * port); every version refuses to open, as a tampered one does.
 */
function harness() {
  const logs: string[] = [];
  const metrics = createServeMetrics(new Registry());
  const reads: (DeploymentSnapshot | Error)[] = [];
  let now = 1_700_000_000_000;
  const fleet = createFleet({
    loadDeployment: async () => {
      const next = reads.shift();
      if (next === undefined) throw new Error('the test queued no read');
      if (next instanceof Error) throw next;
      return next;
    },
    clock: { now: () => now },
    log: { info: (m) => logs.push(m), warn: (m) => logs.push(`warning: ${m}`) },
    metrics,
  });
  const gauge = async (name: string) => (await metrics.registry.getSingleMetric(name)!.get()).values;
  return { fleet, logs, metrics, reads, gauge, tick: (ms: number) => (now += ms) };
}

const snapshot = (revision: string, models: DeployedModel[], nothingDeployed?: string): DeploymentSnapshot => ({
  revision,
  models,
  ...(nothingDeployed === undefined ? {} : { nothingDeployed }),
  open: async (model, version) => {
    throw new Error(`weights.bin of ${model} v${version} does not match metadata.json`);
  },
});
const deployed = (version: number, canary?: { version: number; weight: number }): DeployedModel => ({
  model: 'bc',
  file: 'models/bc/deployments/production.yaml',
  manifest: { model: 'bc', version, ...(canary ? { canary } : {}), reason: 'r' },
});
const revision = (c: string) => c.repeat(40);

describe('the fleet without a loadable model', () => {
  it('a failed read keeps everything and says so; the next good read clears it and stamps the time', async () => {
    const h = harness();
    expect(h.fleet.status()).toEqual({ refreshed: false });
    h.reads.push(snapshot(revision('0'), []));
    await h.fleet.refresh();
    expect(await h.gauge('pipepilot_deployments_source_up')).toMatchObject([{ value: 1 }]);
    h.reads.push(new Error('fetch origin: connection refused'));
    expect(await h.fleet.refresh()).toEqual({ problem: 'reading the deployments failed: fetch origin: connection refused', models: [] });
    expect(h.fleet.status()).toEqual({ refreshed: true, nothingDeployed: 'no model is deployed in this environment', problem: 'reading the deployments failed: fetch origin: connection refused' });
    expect(h.logs).toEqual(['warning: reading the deployments failed: fetch origin: connection refused; still serving what was loaded']);
    expect(await h.gauge('pipepilot_deployments_source_up')).toMatchObject([{ value: 0 }]);

    h.tick(2500);
    h.reads.push(snapshot(revision('a'), []));
    expect(await h.fleet.refresh()).toEqual({ revision: revision('a'), models: [] });
    expect(h.fleet.status()).toEqual({ refreshed: true, nothingDeployed: 'no model is deployed in this environment' });
    expect(await h.gauge('pipepilot_deployments_source_up')).toMatchObject([{ value: 1 }]);
    expect(await h.gauge('pipepilot_deployments_last_read_timestamp_seconds')).toMatchObject([{ value: 1_700_000_002.5 }]);
  });

  it('nothing deployed is warned once per reason, and forgotten once a model is listed', async () => {
    const h = harness();
    const none = 'no models/*/deployments/qa.yaml (environments with manifests: production)';
    h.reads.push(snapshot(revision('a'), [], none), snapshot(revision('b'), [], none), snapshot(revision('c'), [], 'another reason'), snapshot(revision('d'), [deployed(1)]));
    await h.fleet.refresh();
    await h.fleet.refresh();
    expect(h.fleet.status()).toEqual({ refreshed: true, nothingDeployed: none });
    await h.fleet.refresh();
    expect(h.logs).toEqual([`warning: ${none}; /readyz answers 503 until a manifest is merged`, 'warning: another reason; /readyz answers 503 until a manifest is merged']);
    await h.fleet.refresh();
    expect(h.fleet.status()).toEqual({ refreshed: true });
    expect(h.logs.filter((l) => l.includes('/readyz answers 503'))).toHaveLength(2); // a listed model is no reason to warn
  });

  it('a refused manifest or version is kept out, warned about and counted once per revision, and again at a new one', async () => {
    const h = harness();
    const unreadable: DeployedModel = { model: 'bc', file: 'models/bc/deployments/production.yaml', problem: 'models/bc/deployments/production.yaml: version: expected a whole number' };
    h.reads.push(snapshot(revision('a'), [unreadable]), snapshot(revision('a'), [unreadable]), snapshot(revision('b'), [{ ...unreadable, problem: undefined }]));
    const kept = { model: 'bc', action: 'kept', problem: unreadable.problem };
    expect((await h.fleet.refresh()).models).toEqual([kept]);
    expect((await h.fleet.refresh()).models).toEqual([kept]);
    expect((await h.fleet.refresh()).models).toEqual([{ model: 'bc', action: 'kept', problem: 'models/bc/deployments/production.yaml: unreadable' }]);
    expect(h.logs).toEqual([`warning: ${unreadable.problem}`, 'warning: models/bc/deployments/production.yaml: unreadable']);
    expect(await h.gauge('pipepilot_model_load_failures_total')).toEqual([{ labels: { model: 'bc', version: 'manifest' }, value: 2 }]);
    expect(h.fleet.slots.get('bc')!.problem).toBe('models/bc/deployments/production.yaml: unreadable');

    // A version that refuses to open (a tampered file): counted under its number, once per revision.
    h.reads.push(snapshot(revision('c'), [deployed(3)]), snapshot(revision('c'), [deployed(3)]), snapshot(revision('d'), [deployed(2, { version: 3, weight: 10 })]));
    const refused = 'bc v3: refused: weights.bin of bc v3 does not match metadata.json';
    expect((await h.fleet.refresh()).models).toEqual([{ model: 'bc', action: 'kept', problem: refused }]);
    expect((await h.fleet.refresh()).models).toEqual([{ model: 'bc', action: 'kept', problem: refused }]);
    expect((await h.fleet.refresh()).models).toEqual([{ model: 'bc', action: 'kept', problem: 'bc v2: refused: weights.bin of bc v2 does not match metadata.json' }]);
    expect(await h.gauge('pipepilot_model_load_failures_total')).toEqual([
      { labels: { model: 'bc', version: 'manifest' }, value: 2 },
      { labels: { model: 'bc', version: '3' }, value: 1 },
      { labels: { model: 'bc', version: '2' }, value: 1 },
    ]);
    expect(h.logs.slice(2)).toEqual([`warning: ${refused}`, 'warning: bc v2: refused: weights.bin of bc v2 does not match metadata.json']);
  });

  it('a model no longer listed is unloaded and its version series removed', async () => {
    const h = harness();
    h.reads.push(snapshot(revision('a'), [deployed(1), { ...deployed(1), model: 'iris', file: 'models/iris/deployments/production.yaml' }]), snapshot(revision('b'), [deployed(1)]));
    await h.fleet.refresh();
    h.metrics.deployedVersion.set({ model: 'iris', role: 'main' }, 1);
    h.metrics.deployedVersion.set({ model: 'iris', role: 'canary' }, 2);
    h.metrics.deployedVersion.set({ model: 'bc', role: 'main' }, 1);
    expect([...h.fleet.slots.keys()]).toEqual(['bc', 'iris']);
    expect(await h.fleet.refresh()).toEqual({ revision: revision('b'), models: [{ model: 'bc', action: 'kept', problem: 'bc v1: refused: weights.bin of bc v1 does not match metadata.json' }, { model: 'iris', action: 'removed' }] });
    expect([...h.fleet.slots.keys()]).toEqual(['bc']);
    expect(h.logs).toContain('iris: no longer deployed at bbbbbbbbbbbb; unloading');
    expect(await h.gauge('pipepilot_model_version')).toEqual([{ labels: { model: 'bc', role: 'main' }, value: 1 }]);
    h.fleet.close();
    expect(h.fleet.slots.size).toBe(0);
  });

  it('refreshes run one at a time, in the order asked; one that fails does not stop the next', async () => {
    const h = harness();
    const order: string[] = [];
    let reads = 0;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const fleet = createFleet({
      loadDeployment: async () => {
        const n = reads++;
        order.push(`start ${n}`);
        if (n === 0) {
          await held;
          order.push('end 0');
          throw new Error('first read failed');
        }
        // A source that breaks its contract (no snapshot at all): that refresh rejects, the next one still runs.
        if (n === 1) return undefined as unknown as DeploymentSnapshot;
        order.push(`end ${n}`);
        return snapshot(revision(String(n)), []);
      },
      clock: { now: () => 0 },
      log: { info: () => undefined, warn: () => undefined },
      metrics: h.metrics,
    });
    const first = fleet.refresh();
    const broken = fleet.refresh();
    const third = fleet.refresh();
    await Promise.resolve();
    expect(order).toEqual(['start 0']);
    release();
    expect(await first).toMatchObject({ problem: 'reading the deployments failed: first read failed' });
    await expect(broken).rejects.toThrow(TypeError);
    expect(await third).toMatchObject({ revision: revision('2') });
    expect(order).toEqual(['start 0', 'end 0', 'start 1', 'start 2', 'end 2']);
  });
});
