import type { Rng } from '../rng.js';

/**
 * Whether a request goes to the canary, `weightPercent` of the time. With a request id (the
 * `x-request-id` header) the choice is a hash of it, so a client that repeats an id always
 * reaches the same version; without one it is drawn from the server's seeded RNG.
 */
export function routesToCanary(weightPercent: number, requestId: string | undefined, rng: Rng): boolean {
  if (weightPercent <= 0) return false;
  if (weightPercent >= 100) return true;
  const draw = requestId === undefined || requestId === '' ? rng.next() : hashFraction(requestId);
  return draw * 100 < weightPercent;
}

/** FNV-1a (32-bit) of the id's UTF-16 code units, as a fraction in [0, 1): cheap, stable across processes and versions. */
export function hashFraction(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // FNV's low bits mix poorly for short keys; a final avalanche (murmur3's fmix32) spreads them.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}
