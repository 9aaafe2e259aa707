import * as tf from '@tensorflow/tfjs-core';
import { Registry } from 'prom-client';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeFiles } from '../../../src/cli/node-files.js';
import { selectBackend } from '../../../src/model/backend.js';
import { digestOf } from '../../../src/registry/digest.js';
import type { DeployedModel, DeploymentSnapshot } from '../../../src/serve/deployment-source.js';
import { createFleet } from '../../../src/serve/fleet.js';
import type { LoadedVersion } from '../../../src/serve/loaded-version.js';
import { createServeMetrics } from '../../../src/serve/serve-metrics.js';
import { checkedVersion, openRegisteredModel } from '../../../src/use-cases/registered-model.js';
import { registeredVersions } from './registered-versions.js';

/**
 * The fleet's decisions. First those that need no loaded model: a failed read of the
 * deployments, nothing deployed, refused manifests and versions (counted once per revision),
 * models withdrawn, and refreshes one at a time; there every version refuses to open, as a
 * tampered one does. Then the swap path on real registered versions (see registeredVersions):
 * what is loaded, reused, freed, and what the gauges and the log say. The deployments are a
 * plain function (the fleet's port) whose snapshots open versions from that registry.
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

  it('a listed model is no reason to warn, even beside a nothing-deployed note; an empty snapshot without a reason warns nothing new', async () => {
    const h = harness();
    h.reads.push(snapshot(revision('a'), [deployed(1)], 'a note the source should not send with models'), snapshot(revision('b'), [], 'no manifest names qa'), snapshot(revision('c'), []));
    await h.fleet.refresh();
    expect(h.logs.filter((l) => l.includes('/readyz answers 503'))).toEqual([]);
    expect(h.fleet.status()).toEqual({ refreshed: true });
    await h.fleet.refresh();
    await h.fleet.refresh();
    expect(h.logs.filter((l) => l.includes('/readyz answers 503'))).toEqual(['warning: no manifest names qa; /readyz answers 503 until a manifest is merged']);
    expect(h.fleet.status()).toEqual({ refreshed: true, nothingDeployed: 'no model is deployed in this environment' });
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

/**
 * The swap path on real versions: bc v1…v3 registered once for the run by `pipepilot register`
 * (tiny linear models, tfjs LayersModels: a loaded version holds tensors, so what the fleet frees
 * shows in tf.memory() and a freed version can no longer score). `tampered` versions are read
 * through the project's digest check with one byte of weights.bin flipped, so they are refused
 * as a changed file is. Every call of the snapshot's `open` is recorded: a version reused is
 * not opened again.
 */
describe('the fleet swapping real registered versions', () => {
  let dir = '';
  beforeAll(async () => {
    await selectBackend('wasm');
    dir = await registeredVersions(3);
  }, 180_000);

  const START = 1_700_000_000_000;
  function live(tampered: number[] = []) {
    const h = harness();
    const opens: string[] = [];
    const files = nodeFiles(dir);
    const snap = (rev: string, models: DeployedModel[]): DeploymentSnapshot => ({
      revision: rev,
      models,
      open: async (model, version) => {
        opens.push(`${model} v${version}`);
        const registered = await openRegisteredModel(files, { model, version });
        if (!tampered.includes(version)) return registered;
        return checkedVersion({ model, version, metadata: registered.metadata, readBytes: async (path) => flipped(path, await files.readBytes(path)) });
      },
    });
    return { ...h, opens, snap, slot: () => h.fleet.slots.get('bc')! };
  }
  const flipped = (path: string, bytes: Uint8Array) => (path.endsWith('/weights.bin') ? bytes.map((b, i) => (i === 0 ? b ^ 1 : b)) : bytes);
  const tensors = () => tf.memory().numTensors;
  /** One prediction on a row of zeros: throws once the version's weights are disposed. */
  const scores = (v: LoadedVersion) => v.scoring.model.predict(new Float32Array(v.scoring.model.inputs), 1, v.scoring.model.inputs).length;
  const disposed = (v: LoadedVersion) => {
    try {
      scores(v);
      return false;
    } catch {
      return true;
    }
  };
  const main = (role: 'main' | 'canary', value: number) => ({ labels: { model: 'bc', role }, value });
  const weight = (value: number) => [{ labels: { model: 'bc' }, value }];

  it('the first refresh loads the manifest\'s version and serves it; the same manifest at a later revision opens nothing; a new main version is loaded and the old one freed', async () => {
    const h = live();
    const before = tensors();
    h.reads.push(h.snap(revision('a'), [deployed(1)]));
    expect(await h.fleet.refresh()).toEqual({ revision: revision('a'), models: [{ model: 'bc', action: 'swapped' }] });
    expect(h.opens).toEqual(['bc v1']);
    const v1 = h.slot().serving!.main;
    expect(v1).toMatchObject({ model: 'bc', version: 1, loadedAtMs: START });
    expect(h.slot().serving!.canary).toBeUndefined();
    expect(h.slot()).toMatchObject({ revision: revision('a'), problem: undefined });
    expect(scores(v1)).toBe(1);
    expect(tensors()).toBeGreaterThan(before);
    expect(await h.gauge('pipepilot_model_version')).toEqual([main('main', 1)]);
    expect(await h.gauge('pipepilot_canary_weight_percent')).toEqual(weight(0));
    expect(h.logs).toEqual(['bc: serving v1 (aaaaaaaaaaaa)']);

    h.tick(1000);
    const loaded = tensors();
    h.reads.push(h.snap(revision('b'), [deployed(1)]));
    expect(await h.fleet.refresh()).toEqual({ revision: revision('b'), models: [{ model: 'bc', action: 'unchanged' }] });
    expect(h.opens).toEqual(['bc v1']);
    expect(h.slot().serving!.main).toBe(v1);
    expect(h.slot().revision).toBe(revision('a')); // the versions still come from a's manifest
    expect(tensors()).toBe(loaded);
    expect(h.logs).toEqual(['bc: serving v1 (aaaaaaaaaaaa)']);

    // The main version alone changes (no canary before or after): v2 opened and served, v1 freed.
    h.reads.push(h.snap(revision('c'), [deployed(2)]));
    expect(await h.fleet.refresh()).toEqual({ revision: revision('c'), models: [{ model: 'bc', action: 'swapped' }] });
    expect(h.opens).toEqual(['bc v1', 'bc v2']);
    expect(h.slot().serving!.main).toMatchObject({ version: 2, loadedAtMs: START + 1000 });
    expect(disposed(v1)).toBe(true);
    expect(tensors()).toBe(loaded);
    expect(await h.gauge('pipepilot_model_version')).toEqual([main('main', 2)]);
    expect(h.logs).toEqual(['bc: serving v1 (aaaaaaaaaaaa)', 'bc: serving v2 (cccccccccccc)']);
  });

  it('a canary added, its weight changed, its version changed, then promoted: every loaded version is reused, never reopened, and the gauges follow', async () => {
    const h = live();
    const before = tensors();
    h.reads.push(h.snap(revision('a'), [deployed(1)]), h.snap(revision('b'), [deployed(1, { version: 2, weight: 10 })]));
    await h.fleet.refresh();
    const one = tensors() - before; // what one loaded version holds
    const v1 = h.slot().serving!.main;
    h.tick(5000);
    expect((await h.fleet.refresh()).models).toEqual([{ model: 'bc', action: 'swapped' }]);
    expect(h.opens).toEqual(['bc v1', 'bc v2']);
    const v2 = h.slot().serving!.canary!.version;
    expect(h.slot().serving).toEqual({ main: v1, canary: { version: v2, weightPercent: 10 } });
    expect(h.slot().serving!.main).toBe(v1);
    expect(v2).toMatchObject({ model: 'bc', version: 2, loadedAtMs: START + 5000 });
    expect(h.slot().revision).toBe(revision('b'));
    expect(await h.gauge('pipepilot_model_version')).toEqual([main('main', 1), main('canary', 2)]);
    expect(await h.gauge('pipepilot_canary_weight_percent')).toEqual(weight(10));
    expect(h.logs.at(-1)).toBe('bc: serving v1 with canary v2 at 10% (bbbbbbbbbbbb)');

    // The weight alone: the same two loaded versions, nothing opened.
    h.reads.push(h.snap(revision('c'), [deployed(1, { version: 2, weight: 50 })]));
    expect((await h.fleet.refresh()).models).toEqual([{ model: 'bc', action: 'swapped' }]);
    expect(h.opens).toEqual(['bc v1', 'bc v2']);
    expect(h.slot().serving!.main).toBe(v1);
    expect(h.slot().serving!.canary!.version).toBe(v2);
    expect(h.slot().serving!.canary!.weightPercent).toBe(50);
    expect(h.slot().revision).toBe(revision('c'));
    expect(await h.gauge('pipepilot_canary_weight_percent')).toEqual(weight(50));
    expect(h.logs.at(-1)).toBe('bc: serving v1 with canary v2 at 50% (cccccccccccc)');
    expect(tensors() - before).toBe(2 * one);

    // The canary's version alone, at the same weight: v3 opened, v2 freed, v1 kept.
    h.reads.push(h.snap(revision('d'), [deployed(1, { version: 3, weight: 50 })]));
    expect((await h.fleet.refresh()).models).toEqual([{ model: 'bc', action: 'swapped' }]);
    expect(h.opens).toEqual(['bc v1', 'bc v2', 'bc v3']);
    const v3 = h.slot().serving!.canary!.version;
    expect(v3.version).toBe(3);
    expect(h.slot().serving!.main).toBe(v1);
    expect(disposed(v2)).toBe(true);
    expect(await h.gauge('pipepilot_model_version')).toEqual([main('main', 1), main('canary', 3)]);
    expect(h.logs.at(-1)).toBe('bc: serving v1 with canary v3 at 50% (dddddddddddd)');

    // Promoted: the canary's loaded v3 becomes the main version; v1 freed; no canary series left.
    h.reads.push(h.snap(revision('e'), [deployed(3)]));
    expect((await h.fleet.refresh()).models).toEqual([{ model: 'bc', action: 'swapped' }]);
    expect(h.opens).toEqual(['bc v1', 'bc v2', 'bc v3']);
    expect(h.slot().serving).toEqual({ main: v3 });
    expect(h.slot().serving!.main).toBe(v3);
    expect(disposed(v1)).toBe(true);
    expect(scores(v3)).toBe(1);
    expect(tensors() - before).toBe(one);
    expect(await h.gauge('pipepilot_model_version')).toEqual([main('main', 3)]);
    expect(await h.gauge('pipepilot_canary_weight_percent')).toEqual(weight(0));
    expect(h.logs).toEqual([
      'bc: serving v1 (aaaaaaaaaaaa)',
      'bc: serving v1 with canary v2 at 10% (bbbbbbbbbbbb)',
      'bc: serving v1 with canary v2 at 50% (cccccccccccc)',
      'bc: serving v1 with canary v3 at 50% (dddddddddddd)',
      'bc: serving v3 (eeeeeeeeeeee)',
    ]);
  });

  it('a new main and a new canary are two loaded versions; a version named as both is loaded once', async () => {
    const h = live();
    h.reads.push(h.snap(revision('a'), [deployed(1, { version: 2, weight: 25 })]), h.snap(revision('b'), [deployed(3, { version: 3, weight: 5 })]));
    expect((await h.fleet.refresh()).models).toEqual([{ model: 'bc', action: 'swapped' }]);
    expect(h.opens).toEqual(['bc v1', 'bc v2']);
    const { main: v1, canary } = h.slot().serving!;
    expect([v1.version, canary!.version.version, canary!.weightPercent]).toEqual([1, 2, 25]);
    expect(await h.gauge('pipepilot_model_version')).toEqual([main('main', 1), main('canary', 2)]);
    expect(await h.gauge('pipepilot_canary_weight_percent')).toEqual(weight(25));
    expect(h.logs).toEqual(['bc: serving v1 with canary v2 at 25% (aaaaaaaaaaaa)']);

    expect((await h.fleet.refresh()).models).toEqual([{ model: 'bc', action: 'swapped' }]);
    expect(h.opens).toEqual(['bc v1', 'bc v2', 'bc v3']);
    expect(h.slot().serving!.canary!.version).toBe(h.slot().serving!.main);
    expect(h.slot().serving!.main.version).toBe(3);
    expect(await h.gauge('pipepilot_model_version')).toEqual([main('main', 3), main('canary', 3)]);
  });

  it('a version refused while serving: kept and counted once per revision; what that swap loaded is freed, what is served is not; the manifest reverted clears the problem', async () => {
    const h = live([3]);
    h.reads.push(h.snap(revision('a'), [deployed(1)]));
    await h.fleet.refresh();
    const v1 = h.slot().serving!.main;
    const serving = tensors();
    const bytes = await nodeFiles(dir).readBytes('models/bc/v3/weights.bin');
    const registered = await openRegisteredModel(nodeFiles(dir), { model: 'bc', version: 3 });
    const refused = `bc v3: refused: models/bc/v3/weights.bin: digest ${digestOf(flipped('/weights.bin', bytes))} does not match metadata.json (${registered.metadata.files['weights.bin']}); refusing to load bc v3`;

    // v2 loads, then its canary v3 is refused: v2 was never served and is freed.
    h.reads.push(h.snap(revision('b'), [deployed(2, { version: 3, weight: 10 })]), h.snap(revision('b'), [deployed(2, { version: 3, weight: 10 })]));
    expect(await h.fleet.refresh()).toEqual({ revision: revision('b'), models: [{ model: 'bc', action: 'kept', problem: refused }] });
    expect(h.opens).toEqual(['bc v1', 'bc v2', 'bc v3']);
    expect(tensors()).toBe(serving);
    expect(h.slot().serving).toEqual({ main: v1 });
    expect(h.slot().serving!.main).toBe(v1);
    expect(scores(v1)).toBe(1);
    expect(h.slot()).toMatchObject({ problem: refused, refusedAt: revision('b'), revision: revision('a') });
    expect(await h.gauge('pipepilot_model_load_failures_total')).toEqual([{ labels: { model: 'bc', version: '3' }, value: 1 }]);
    expect(await h.gauge('pipepilot_model_version')).toEqual([main('main', 1)]);
    expect(await h.gauge('pipepilot_canary_weight_percent')).toEqual(weight(0));
    expect(h.logs).toEqual(['bc: serving v1 (aaaaaaaaaaaa)', `warning: ${refused}; still serving v1`]);
    // The same revision again: neither reopened, nor counted, nor warned.
    expect((await h.fleet.refresh()).models).toEqual([{ model: 'bc', action: 'kept', problem: refused }]);
    expect(h.opens).toHaveLength(3);
    expect(h.logs).toHaveLength(2);

    // The served v1 reused as main, the canary v3 refused: v1 is in the slot and is not freed.
    h.reads.push(h.snap(revision('c'), [deployed(1, { version: 3, weight: 10 })]));
    expect((await h.fleet.refresh()).models).toEqual([{ model: 'bc', action: 'kept', problem: refused }]);
    expect(h.opens).toEqual(['bc v1', 'bc v2', 'bc v3', 'bc v3']);
    expect(scores(v1)).toBe(1);
    expect(tensors()).toBe(serving);
    expect(await h.gauge('pipepilot_model_load_failures_total')).toEqual([{ labels: { model: 'bc', version: '3' }, value: 2 }]);

    // Reverted to what is served: unchanged, and the problem is gone.
    h.reads.push(h.snap(revision('d'), [deployed(1)]));
    expect((await h.fleet.refresh()).models).toEqual([{ model: 'bc', action: 'unchanged' }]);
    expect(h.slot().problem).toBeUndefined();
    expect(h.opens).toHaveLength(4);
    expect(h.logs).toHaveLength(3);
  });

  it('a model no longer deployed is unloaded: its slot gone, its versions freed, its version and weight series removed', async () => {
    const h = live();
    const before = tensors();
    h.reads.push(h.snap(revision('a'), [deployed(1, { version: 2, weight: 10 })]), h.snap(revision('b'), []));
    await h.fleet.refresh();
    const { main: v1, canary } = h.slot().serving!;
    expect(await h.fleet.refresh()).toEqual({ revision: revision('b'), models: [{ model: 'bc', action: 'removed' }] });
    expect(h.fleet.slots.size).toBe(0);
    expect([disposed(v1), disposed(canary!.version)]).toEqual([true, true]);
    expect(tensors()).toBe(before);
    expect(await h.gauge('pipepilot_model_version')).toEqual([]);
    expect(await h.gauge('pipepilot_canary_weight_percent')).toEqual([]);
    expect(h.logs).toEqual(['bc: serving v1 with canary v2 at 10% (aaaaaaaaaaaa)', 'bc: no longer deployed at bbbbbbbbbbbb; unloading']);
  });
});
