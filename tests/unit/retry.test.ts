import { describe, expect, it } from 'vitest';
import { retry } from '../../src/retry.js';

describe('retry', () => {
  it('retries only what isRetryable says, waiting the given delays, and rethrows the last error', async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await retry(
      async (attempt) => {
        calls++;
        if (attempt < 3) throw new Error('race');
        return attempt;
      },
      { attempts: 5, isRetryable: (e) => (e as Error).message === 'race', sleep: async (ms) => void waits.push(ms), delayMs: (a) => a * 10 },
    );
    expect([result, calls, waits]).toEqual([3, 3, [10, 20]]);

    await expect(retry(async () => { throw new Error('4xx'); }, { attempts: 5, isRetryable: () => false, sleep: async () => {} })).rejects.toThrow('4xx');
    let n = 0;
    await expect(retry(async () => { n++; throw new Error('race'); }, { attempts: 3, isRetryable: () => true, sleep: async () => {} })).rejects.toThrow('race');
    expect(n).toBe(3);
  });
});
