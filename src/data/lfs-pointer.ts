import { DataError } from '../errors.js';

// https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md: a pointer file is at most 1024 bytes
// and starts with this line; a checkout without LFS leaves it where the data should be.
const LFS_HEADER = 'version https://git-lfs.github.com/spec/';
const MAX_POINTER_BYTES = 1024;

/** True when the bytes are a Git LFS pointer file rather than the data it points to. */
export function isLfsPointer(bytes: Uint8Array): boolean {
  if (bytes.length > MAX_POINTER_BYTES) return false;
  return new TextDecoder().decode(bytes.subarray(0, LFS_HEADER.length)) === LFS_HEADER;
}

/** A DataError saying to check the data out with LFS, when `bytes` is a pointer file. */
export function checkNotLfsPointer(bytes: Uint8Array, file: string): void {
  if (!isLfsPointer(bytes)) return;
  const oid = /oid sha256:([0-9a-f]{64})/.exec(new TextDecoder().decode(bytes))?.[1];
  throw new DataError(`${file}: a Git LFS pointer${oid ? ` (oid sha256:${oid.slice(0, 12)}…)` : ''}, not the data`, {
    file, rule: 'lfs_pointer',
    hint: 'Check the data out with LFS: `git lfs pull` (in GitHub Actions: actions/checkout with `lfs: true`).',
  });
}
