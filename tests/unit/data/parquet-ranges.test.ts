import { createHash } from 'node:crypto';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import {
  columnsToRead, coversExactly, decodeRanges, encodeRanges, footerMetadata, footerRange, planRanges, RANGE_GAP_BYTES, rangedBuffer, rangesDigest, topColumns,
} from '../../../src/data/parquet-ranges.js';
import { readRangedTable, readTable } from '../../../src/data/read-table.js';
import { DataError } from '../../../src/errors.js';
import { applyDefaults } from '../../../src/spec/defaults.js';
import type { RawData } from '../../../src/spec/raw-pipeline.js';

const dataSpec = (data: Partial<RawData>) =>
  applyDefaults({ apiVersion: 'pipepilot/v1', name: 'r', data: { source: 'https://x/d.parquet', target: 'y', ...data }, model: { task: 'regression', type: 'linear' } }).data;

const fileSize = 1 << 20;
const footer = { start: fileSize - 100, end: fileSize };
/** A footer's metadata stand-in with one row group whose chunks sit where `chunks` says. */
function metadataWith(chunks: { name: string; start: number; length: number }[]) {
  return {
    row_groups: [{
      columns: chunks.map((c) => ({ meta_data: { path_in_schema: [c.name], data_page_offset: BigInt(c.start), total_compressed_size: BigInt(c.length) } })),
    }],
  } as unknown as Parameters<typeof planRanges>[0];
}

describe('planRanges', () => {
  it('joins chunks at most RANGE_GAP_BYTES apart, gap included, and keeps farther ones apart; the footer comes last', () => {
    const at = (gap: number) => metadataWith([{ name: 'a', start: 4, length: 100 }, { name: 'b', start: 104 + gap, length: 50 }]);
    expect(planRanges(at(RANGE_GAP_BYTES), ['a', 'b'], footer, 'f')).toEqual([{ start: 4, end: 104 + RANGE_GAP_BYTES + 50 }, footer]);
    expect(planRanges(at(RANGE_GAP_BYTES + 1), ['a', 'b'], footer, 'f')).toEqual([
      { start: 4, end: 104 }, { start: 104 + RANGE_GAP_BYTES + 1, end: 104 + RANGE_GAP_BYTES + 51 }, footer,
    ]);
  });

  it('fetches only the named columns, in file order', () => {
    const meta = metadataWith([{ name: 'b', start: 50_000, length: 10 }, { name: 'a', start: 4, length: 10 }, { name: 'c', start: 90_000, length: 10 }]);
    expect(planRanges(meta, ['c', 'a'], footer, 'f')).toEqual([{ start: 4, end: 14 }, { start: 90_000, end: 90_010 }, footer]);
  });

  it('a chunk that runs into the footer is a DataError (a damaged footer)', () => {
    const meta = metadataWith([{ name: 'a', start: footer.start - 5, length: 10 }]);
    expect(() => planRanges(meta, ['a'], footer, 'f')).toThrow(DataError);
  });
});

describe('columnsToRead', () => {
  const available = ['id', 'x1', 'x2', 'city', 'y', 'notes'];
  it('with features listed (infer off): the target, the listed features and the slice columns, in file order', () => {
    expect(columnsToRead(dataSpec({ features: { numeric: ['x2'] } }), ['city'], available)).toEqual(['x2', 'city', 'y']);
  });
  it('with infer on: every column but the dropped ones', () => {
    expect(columnsToRead(dataSpec({ drop: ['id', 'notes'] }), [], available)).toEqual(['x1', 'x2', 'city', 'y']);
  });
});

describe('the pin and the cache container', () => {
  const read = { fileSize: 1000, ranges: [{ start: 4, bytes: new Uint8Array([1, 2, 3]) }, { start: 990, bytes: new Uint8Array([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]) }] };

  it('hashes a header, the size, the count, then each offset, length and bytes', () => {
    const expected = Buffer.concat([
      Buffer.from('pipepilot parquet ranges v1\n'),
      Buffer.from('00000000000003e8' + '0000000000000002', 'hex'),
      Buffer.from('0000000000000004' + '0000000000000003', 'hex'), Buffer.from([1, 2, 3]),
      Buffer.from('00000000000003de' + '000000000000000a', 'hex'), Buffer.from([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]),
    ]);
    expect(Buffer.from(encodeRanges(read)).equals(expected)).toBe(true);
    expect(rangesDigest(read)).toBe(createHash('sha256').update(expected).digest('hex'));
  });

  it('moves a range and the pin changes, though the bytes are the same', () => {
    const moved = { ...read, ranges: [{ start: 5, bytes: read.ranges[0].bytes }, read.ranges[1]] };
    expect(rangesDigest(moved)).not.toBe(rangesDigest(read));
  });

  it('decodes what it encodes, and refuses a damaged entry', () => {
    const bytes = encodeRanges(read);
    expect(decodeRanges(bytes)).toEqual(read);
    expect(decodeRanges(bytes.subarray(0, bytes.length - 1))).toBeUndefined();
    expect(decodeRanges(new Uint8Array([...bytes, 0]))).toBeUndefined();
    expect(decodeRanges(new TextEncoder().encode('not a container at all, nothing like it'))).toBeUndefined();
  });

  it('coversExactly compares starts and lengths', () => {
    expect(coversExactly(read, [{ start: 4, end: 7 }, { start: 990, end: 1000 }])).toBe(true);
    expect(coversExactly(read, [{ start: 4, end: 8 }, { start: 990, end: 1000 }])).toBe(false);
    expect(coversExactly(read, [{ start: 990, end: 1000 }])).toBe(false);
  });

  it('the ranged buffer serves slices inside a range and refuses any other', async () => {
    const buffer = rangedBuffer(read);
    expect(buffer.byteLength).toBe(1000);
    expect([...new Uint8Array(await buffer.slice(5, 7))]).toEqual([2, 3]);
    expect(() => buffer.slice(6, 8)).toThrow('bytes 6-8 were not fetched');
    expect(() => buffer.slice(0, 2)).toThrow('not fetched');
  });
});

describe('a table read from ranges', () => {
  const n = 300;
  const file = new Uint8Array(parquetWriteBuffer({
    columnData: [
      { name: 'id', data: Array.from({ length: n }, (_, i) => i), type: 'DOUBLE' },
      { name: 'x', data: Array.from({ length: n }, (_, i) => (i % 7 === 0 ? null : i / 3)), type: 'DOUBLE' },
      { name: 'c', data: Array.from({ length: n }, (_, i) => ['a', 'b', 'NA'][i % 3]), type: 'STRING' },
      { name: 'y', data: Array.from({ length: n }, (_, i) => i % 5), type: 'DOUBLE' },
    ],
    rowGroupSize: 100,
  }));
  const opts = { file: 'f.parquet', format: 'parquet' as const, missingValues: ['NA'] };

  it('holds the columns read, typed and valued as a whole read, and names the others', async () => {
    const tail = footerRange(file, file.length, 'f');
    const metadata = footerMetadata(file.subarray(tail.start), 'f');
    expect(topColumns(metadata)).toEqual(['id', 'x', 'c', 'y']);
    const columns = ['x', 'c', 'y'];
    const plan = planRanges(metadata, columns, tail, 'f');
    const ranges = { fileSize: file.length, ranges: plan.map((r) => ({ start: r.start, bytes: file.slice(r.start, r.end) })) };
    const ranged = await readRangedTable({ ranges, columns, fingerprint: 'sha256:x' }, opts);
    const whole = await readTable(file, opts);
    expect(ranged.rowCount).toBe(n);
    expect(ranged.fileColumns).toEqual(['id', 'x', 'c', 'y']);
    expect([...ranged.columns.keys()]).toEqual(columns);
    for (const name of columns) expect(ranged.columns.get(name)).toEqual(whole.columns.get(name));
  });

  it('a file that does not end in PAR1, or whose footer claims more than the file, is a DataError', () => {
    expect(() => footerRange(new TextEncoder().encode('a,b\n1,2\n3,4\n'), 12, 'f')).toThrow('no PAR1 at its end');
    const lying = new Uint8Array([...new TextEncoder().encode('PAR1xxxx'), 0xff, 0xff, 0, 0, ...new TextEncoder().encode('PAR1')]);
    expect(() => footerRange(lying, lying.length, 'f')).toThrow('more than the file holds');
  });
});
