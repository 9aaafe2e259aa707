import { describe, expect, it } from 'vitest';
import { isLfsPointer } from '../../../src/data/lfs-pointer.js';
import { dataPinPaths } from '../../../src/data/source-pins.js';
import { formatFromPath } from '../../../src/spec/data-format.js';

describe('the paths that pin a data set (for pipeline selection, issue 15)', () => {
  const exists = (present: string[]) => (p: string) => present.includes(p);
  it('a repo file pins itself, a DVC-tracked one its pointer and .dvc/config, a URL nothing beyond the pipeline', () => {
    expect(dataPinPaths('data/a.csv', exists([]))).toEqual(['data/a.csv']);
    expect(dataPinPaths('data/a.csv', exists(['data/a.csv.dvc']))).toEqual(['data/a.csv.dvc', '.dvc/config']);
    expect(dataPinPaths('data/a.csv.dvc', exists([]))).toEqual(['data/a.csv.dvc', '.dvc/config']);
    expect(dataPinPaths('s3://b/a.csv', exists([]))).toEqual([]);
    expect(dataPinPaths('https://h/a.csv', exists([]))).toEqual([]);
  });
});

describe('the format of a remote or DVC source', () => {
  it('comes from the tracked file or the URL path, not the query', () => {
    expect(formatFromPath('data/a.parquet.dvc')).toBe('parquet');
    expect(formatFromPath('https://h/a.jsonl?version=3#x')).toBe('jsonl');
    expect(formatFromPath('s3://b/k/a.csv')).toBe('csv');
    expect(formatFromPath('data/a.dvc')).toBeUndefined();
  });
});

describe('isLfsPointer', () => {
  const pointer = 'version https://git-lfs.github.com/spec/v1\noid sha256:' + 'a'.repeat(64) + '\nsize 12\n';
  it('knows a pointer file, and no file over 1024 bytes or with another first line', () => {
    expect(isLfsPointer(new TextEncoder().encode(pointer))).toBe(true);
    expect(isLfsPointer(new TextEncoder().encode(pointer.padEnd(1024, 'x')))).toBe(true);
    expect(isLfsPointer(new TextEncoder().encode(pointer.padEnd(1025, 'x')))).toBe(false);
    expect(isLfsPointer(new TextEncoder().encode('x,y\n' + pointer))).toBe(false);
  });
});
