import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { selectBackend } from '../../../src/model/backend.js';

function installed(pkg: string): boolean {
  try {
    createRequire(import.meta.url).resolve(pkg);
    return true;
  } catch {
    return false;
  }
}

describe('selectBackend', () => {
  it('falls back from native TensorFlow to wasm with the reason, and later calls return the same choice', async () => {
    const first = await selectBackend('tensorflow');
    if (installed('@tensorflow/tfjs-node')) {
      expect(first.name).toBe('tensorflow');
    } else {
      expect(first.name).toBe('wasm');
      expect(first.reason).toBe('tensorflow unavailable (package not installed)');
    }
    expect(tf.getBackend()).toBe(first.name);
    expect(first.initMs).toBeGreaterThanOrEqual(0);
    expect(await selectBackend('cpu')).toBe(first);
    // The backend really computes.
    expect(Array.from(tf.tidy(() => tf.add(tf.tensor1d([1, 2]), tf.tensor1d([3, 4])).dataSync()))).toEqual([4, 6]);
  });
});
