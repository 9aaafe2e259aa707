import { createHash } from 'node:crypto';

/** The digest of one artifact file: `sha256:<hex>` over its exact bytes. */
export function digestOf(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}
