import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { DataError } from '../../../src/errors.js';
import type { DataSpec } from '../../../src/spec/types.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/data');

/** The bytes of a file in tests/fixtures/data. */
export function fixture(name: string): Uint8Array {
  return readFileSync(join(dir, name));
}

export const MISSING = ['', 'NA', 'N/A', 'null', 'NULL', 'NaN', 'nan', '.', '?'];

/** A DataSpec with the pipeline defaults, overridden where a test needs it. */
export function dataSpec(overrides: Partial<DataSpec> = {}): DataSpec {
  return {
    source: 'data.csv',
    format: 'csv',
    target: 'diagnosis',
    features: { numeric: [], categorical: [], infer: true },
    drop: [],
    missing_values: MISSING,
    checks: { min_rows: 20, max_missing_fraction: 0.5, min_class_rows: 2 },
    split: { test: 0.2, seed: 42, stratify: true },
    ...overrides,
  };
}

/** The DataError `fn` throws (failing the test if it throws something else, or nothing). */
export function errorOf(fn: () => unknown): DataError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DataError);
    return err as DataError;
  }
  throw new Error('expected a DataError');
}
