import { describe, expect, it } from 'vitest';
import { formatFromPath } from '../../../src/spec/data-format.js';

describe('formatFromPath', () => {
  it.each([
    ['a.csv', 'csv'],
    ['dir.v2/a.JSON', 'json'],
    ['a.jsonl', 'jsonl'],
    ['a.ndjson', 'jsonl'],
    ['a.parquet', 'parquet'],
    ['a.pq', 'parquet'],
  ])('%s is %s', (path, format) => {
    expect(formatFromPath(path)).toBe(format);
  });

  it.each(['a.txt', 'a', 'a.csv.gz', 'csv', 'a.constructor', 'a.toString', 'a.__proto__', ''])('%j has no format', (path) => {
    expect(formatFromPath(path)).toBeUndefined();
  });
});
