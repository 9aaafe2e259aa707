import { createHash } from 'node:crypto';

/**
 * The data set's fingerprint: sha256 over the file's exact bytes, as `sha256:<hex>`. Two runs
 * on byte-identical data share it; any change to the file (even re-encoding) changes it.
 */
export function fingerprintData(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}
