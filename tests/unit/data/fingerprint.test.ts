import { describe, expect, it } from 'vitest';
import { fingerprintData } from '../../../src/data/fingerprint.js';
import { fixture } from './fixture.js';

describe('fingerprintData', () => {
  it('is sha256 of the bytes', () => {
    expect(fingerprintData(new TextEncoder().encode('abc'))).toBe('sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('changes with any byte, and not with anything else', () => {
    const bytes = fixture('penguins.json');
    const same = fingerprintData(Uint8Array.from(bytes));
    expect(fingerprintData(bytes)).toBe(same);
    const changed = Uint8Array.from(bytes);
    changed[100] ^= 1;
    expect(fingerprintData(changed)).not.toBe(same);
  });
});
