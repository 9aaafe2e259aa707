import { randomUUID } from 'node:crypto';
import { cp, mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunBundleStore } from './artifact-store.js';
import { bundleFiles, safeBundleKey } from './artifact-store.js';

/**
 * Run bundles in a local directory, `<root>/<key>/` (the CLI uses `.pipepilot/bundles/`; tests a
 * temp dir). A bundle is copied into a staging directory beside its final place and renamed, so a
 * reader never sees half a bundle; when two runs store the same key, the first rename wins and
 * the second finds it there, which is fine because the content is the same by construction.
 */
export function createLocalBundleStore(root: string): RunBundleStore {
  return {
    async upload(key, dir) {
      const name = safeBundleKey(key);
      const target = join(root, name);
      if (await exists(target)) return { action: 'unchanged', name };
      await bundleFiles(dir); // refuses a missing or empty bundle
      await mkdir(root, { recursive: true });
      const staging = join(root, `.tmp-${name}-${randomUUID()}`);
      try {
        await cp(dir, staging, { recursive: true });
        await rename(staging, target);
      } catch (err) {
        if (!(await exists(target))) throw err;
        return { action: 'unchanged', name }; // another run stored the same key first
      } finally {
        await rm(staging, { recursive: true, force: true });
      }
      return { action: 'uploaded', name };
    },
    async tryDownload(key, dir) {
      const source = join(root, safeBundleKey(key));
      if (!(await exists(source))) return false;
      await cp(source, dir, { recursive: true });
      return true;
    },
  };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
