import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withLock } from '../../src/git/remote-cache.js';

describe('the remote cache lock', () => {
  it('a lock compromised while held (its refresh finds it gone) is no uncaught exception: the work finishes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pipepilot-lock-'));
    const lockPath = join(dir, 'origin.git.lock');
    const uncaught: unknown[] = [];
    const onUncaught = (err: unknown) => void uncaught.push(err);
    process.on('uncaughtException', onUncaught);
    try {
      const result = await withLock(lockPath, async () => {
        // What a loaded machine does to the lock: another process took it over as stale.
        rmSync(`${lockPath}.lock`, { recursive: true, force: true });
        // proper-lockfile's refresh runs every `update` ms (1 s, its minimum) and then finds the lock gone.
        await new Promise((resolve) => setTimeout(resolve, 2_500));
        return 'fetched';
      }, { stale: 2_000, update: 1_000 });
      expect(result).toBe('fetched');
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', onUncaught);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
