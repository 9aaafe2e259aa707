import { describe, expect, it } from 'vitest';
import type { LoadedVersion } from '../../../src/serve/loaded-version.js';
import { ModelSlot } from '../../../src/serve/model-slot.js';
import { hashFraction, routesToCanary } from '../../../src/serve/canary-split.js';
import { startPoller } from '../../../src/serve/poller.js';
import { Rng } from '../../../src/rng.js';

/** A loaded version whose only behaviour the slot uses is dispose; the count shows when it is freed. */
function version(n: number, disposed: number[]): LoadedVersion {
  return { model: 'm', version: n, loadedAtMs: 0, scoring: { model: { dispose: () => void disposed.push(n) } } } as unknown as LoadedVersion;
}

describe('ModelSlot', () => {
  it('a request holding the old version finishes on it; the old one is disposed only when released', () => {
    const disposed: number[] = [];
    const slot = new ModelSlot('m');
    expect(slot.acquire(() => false)).toBeUndefined();
    slot.swap({ main: version(1, disposed) }, 'a');
    const lease = slot.acquire(() => false)!;
    slot.swap({ main: version(2, disposed) }, 'b');
    expect(lease.loaded.version).toBe(1);
    expect(disposed).toEqual([]);
    lease.release();
    lease.release(); // twice is harmless
    expect(disposed).toEqual([1]);
    expect(slot.acquire(() => false)!.loaded.version).toBe(2);
  });

  it('promoting the canary to main keeps its loaded model; the replaced main is disposed at once when idle', () => {
    const disposed: number[] = [];
    const slot = new ModelSlot('m');
    const v2 = version(2, disposed);
    slot.swap({ main: version(1, disposed), canary: { version: v2, weightPercent: 10 } }, 'a');
    expect(slot.acquire(() => true)!.role).toBe('canary');
    expect(slot.find(2)).toBe(v2);
    slot.swap({ main: v2 }, 'b');
    expect(disposed).toEqual([1]);
  });
});

describe('canary split', () => {
  it('0 and 100 are absolute, a request id hashes to the same answer every time', () => {
    const rng = new Rng(1);
    expect(routesToCanary(0, 'x', rng)).toBe(false);
    expect(routesToCanary(100, undefined, rng)).toBe(true);
    expect(hashFraction('client-7')).toBe(hashFraction('client-7'));
    expect(hashFraction('client-7')).not.toBe(hashFraction('client-8'));
    const share = Array.from({ length: 10000 }, (_, i) => routesToCanary(25, `id-${i}`, rng)).filter(Boolean).length / 10000;
    expect(share).toBeGreaterThan(0.23);
    expect(share).toBeLessThan(0.27);
  });
});

describe('canary split: the boundaries and the hash clients rely on', () => {
  /** A server RNG that returns the given draws, or throws when an id should have been hashed instead. */
  const drawing = (...values: number[]) => ({ next: () => { const v = values.shift(); if (v === undefined) throw new Error('the RNG was drawn'); return v; } }) as unknown as Rng;

  it('the canary takes draws in [0, weight): a draw exactly at the weight goes to stable', () => {
    expect(routesToCanary(25, undefined, drawing(0.25))).toBe(false);
    expect(routesToCanary(25, undefined, drawing(0.2499))).toBe(true);
    expect(routesToCanary(25, undefined, drawing(0))).toBe(true);
  });

  it('a request id is hashed, never drawn: the server RNG is untouched, whatever its state', () => {
    expect(routesToCanary(50, 'load-0', drawing())).toBe(false); // hashFraction('load-0') = 0.50049…
    expect(routesToCanary(51, 'load-0', drawing())).toBe(true);
  });

  it('the hash is fixed across versions: these 400 ids send 63 to a 10 % canary (tests/helpers/monitor-fixtures.ts relies on it)', () => {
    expect(Array.from({ length: 400 }, (_, i) => routesToCanary(10, `load-${i}`, drawing())).filter(Boolean)).toHaveLength(63);
    expect(hashFraction('a')).toBeCloseTo(0.10352621669881046, 15);
    expect(hashFraction('load-0')).toBeCloseTo(0.5004901685751975, 15);
  });
});

describe('canary split without a request id', () => {
  it('an empty x-request-id is drawn at random like a missing one, never hashed to one fixed answer', () => {
    const draws = (id: string | undefined) => {
      const rng = new Rng(5);
      return Array.from({ length: 200 }, () => routesToCanary(50, id, rng));
    };
    const empty = draws('');
    // A hash of '' would send every such request the same way; drawn, both versions are reached…
    expect(new Set(empty)).toEqual(new Set([true, false]));
    // …and the draws are the server's seeded RNG, exactly as with no header at all.
    expect(empty).toEqual(draws(undefined));
  });
});

describe('poller', () => {
  it('refreshes once per sleep, survives a failing refresh, and stops', async () => {
    const wakes: (() => void)[] = [];
    let refreshes = 0;
    const warnings: string[] = [];
    const poller = startPoller({
      intervalMs: 10_000,
      sleep: (_ms, signal) => new Promise((done, fail) => {
        wakes.push(done);
        signal.addEventListener('abort', () => fail(new Error('aborted')));
      }),
      refresh: async () => {
        refreshes++;
        if (refreshes === 1) throw new Error('git fetch failed');
      },
      log: { info: () => {}, warn: (m) => void warnings.push(m) },
    });
    const tick = async () => {
      await new Promise((r) => setImmediate(r));
      wakes.shift()?.();
      await new Promise((r) => setImmediate(r));
    };
    await tick();
    await tick();
    expect(refreshes).toBe(2);
    expect(warnings).toEqual(['refresh failed: git fetch failed']);
    await poller.stop();
    await tick();
    expect(refreshes).toBe(2);
  });
});
