import type { Connection, DataChunk, Database } from '@duckdb/node-bindings';

/**
 * DuckDB's C API as `@duckdb/node-bindings` exposes it: the few calls the engine makes. Not
 * `@duckdb/node-api` (the class layer over these same bindings): its ~60 modules took 0.3–0.5 s
 * to load in every `pipepilot run`, more than the bindings and the 70 MB library together
 * (issue 10), and its vector objects cost a call per value.
 */
export type DuckBindings = typeof import('@duckdb/node-bindings');

/** An open in-memory database and its one connection; `close` frees both (and all native memory). */
export interface DuckSession {
  con: Connection;
  close(): void;
}

/** An in-memory database with these settings (DuckDB configuration names, e.g. temp_directory), connected. */
export async function openDuck(duck: DuckBindings, settings: Record<string, string>): Promise<DuckSession> {
  const config = duck.create_config();
  for (const [name, value] of Object.entries(settings)) duck.set_config(config, name, value);
  const db: Database = await duck.open(':memory:', config);
  let con: Connection;
  try {
    con = await duck.connect(db);
  } catch (err) {
    duck.close_sync(db);
    throw err;
  }
  return {
    con,
    close() {
      duck.disconnect_sync(con);
      duck.close_sync(db);
    },
  };
}

/** The query's result, chunk by chunk as DuckDB produces it (streamed: never all of it in memory at once). */
export async function* streamChunks(duck: DuckBindings, con: Connection, sql: string): AsyncGenerator<DataChunk> {
  const prepared = await duck.prepare(con, sql);
  try {
    const result = await duck.execute_prepared_streaming(prepared);
    for (let chunk = await duck.fetch_chunk(result); chunk !== null && duck.data_chunk_get_size(chunk) > 0; chunk = await duck.fetch_chunk(result)) {
      yield chunk;
    }
  } finally {
    duck.destroy_prepare_sync(prepared);
  }
}

/** The validity mask of column `k`'s first `n` rows (one bit per row, 1 = not NULL), or null when none is NULL. */
function validity(duck: DuckBindings, chunk: DataChunk, k: number, n: number): Uint8Array | null {
  return duck.vector_get_validity(duck.data_chunk_get_vector(chunk, k), Math.ceil(n / 64) * 8) as Uint8Array | null;
}

function isValid(mask: Uint8Array | null, i: number): boolean {
  return mask === null || (mask[i >> 3] & (1 << (i & 7))) !== 0;
}

/** Whether column `k` holds a NULL in the chunk's `n` rows. */
export function hasNull(duck: DuckBindings, chunk: DataChunk, k: number, n: number): boolean {
  const mask = validity(duck, chunk, k, n);
  if (mask === null) return false;
  for (let i = 0; i < n >> 3; i++) if (mask[i] !== 0xff) return true;
  const rest = n & 7;
  return rest !== 0 && (mask[n >> 3] & ((1 << rest) - 1)) !== (1 << rest) - 1;
}

/** A DOUBLE column's `n` values as bytes (8 a value, native order); a NULL's bytes are undefined. */
export function doubleBytes(duck: DuckBindings, chunk: DataChunk, k: number, n: number): Uint8Array {
  return duck.vector_get_data(duck.data_chunk_get_vector(chunk, k), n * 8);
}

/**
 * A VARCHAR column's `n` values into `out` from `offset` (`nullAs` for NULL). Each value is a
 * 16-byte duckdb_string_t: its length, then the text itself when 12 bytes or shorter, else a
 * pointer to it (read through the bindings, as node-api does).
 */
export function readTexts<T>(
  duck: DuckBindings, chunk: DataChunk, k: number, n: number, into: { out: (string | T)[]; offset: number; nullAs: T; shortTexts?: Map<number, string> },
): void {
  const raw = duck.vector_get_data(duck.data_chunk_get_vector(chunk, k), n * 16);
  // A Buffer over the same memory: toString of a range decodes without a view object per value.
  const data = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const mask = validity(duck, chunk, k, n);
  const { out, offset, nullAs, shortTexts } = into;
  for (let i = 0; i < n; i++) {
    if (!isValid(mask, i)) {
      out[offset + i] = nullAs;
      continue;
    }
    const at = i * 16;
    const length = view.getUint32(at, true);
    if (shortTexts !== undefined && length <= 6) {
      out[offset + i] = shortText(data, view, at, length, shortTexts);
      continue;
    }
    out[offset + i] = length <= 12
      ? data.toString('utf8', at + 4, at + 4 + length)
      : Buffer.from(duck.get_data_from_pointer(raw.buffer as ArrayBuffer, raw.byteOffset + at + 8, length)).toString('utf8');
  }
}

/** Distinct short texts remembered per scan: the levels of categories, not a column of IDs (memory stays bounded). */
const SHORT_TEXTS_KEPT = 4096;

/**
 * A text of at most 6 bytes, inlined in its duckdb_string_t, as one string per distinct value:
 * its bytes and length make a number key (at most 2^51), so a category column of millions of rows
 * decodes each level once, and the Maps that later look the values up hash each level once.
 */
function shortText(data: Buffer, view: DataView, at: number, length: number, known: Map<number, string>): string {
  const lo = length >= 4 ? view.getUint32(at + 4, true) : view.getUint32(at + 4, true) & ((1 << (8 * length)) - 1);
  const hi = length <= 4 ? 0 : view.getUint16(at + 8, true) & (length === 5 ? 0xff : 0xffff);
  const key = length + 8 * (lo + 2 ** 32 * hi);
  let text = known.get(key);
  if (text === undefined) {
    text = data.toString('utf8', at + 4, at + 4 + length);
    if (known.size < SHORT_TEXTS_KEPT) known.set(key, text);
  }
  return text;
}

/** The one row of a query returning BOOLEAN columns (an aggregate), NULL as false. */
export async function firstRowBooleans(duck: DuckBindings, con: Connection, sql: string): Promise<boolean[]> {
  for await (const chunk of streamChunks(duck, con, sql)) {
    const columns = duck.data_chunk_get_column_count(chunk);
    return Array.from({ length: columns }, (_, k) => isValid(validity(duck, chunk, k, 1), 0) && duck.vector_get_data(duck.data_chunk_get_vector(chunk, k), 1)[0] !== 0);
  }
  throw new Error('the query returned no row');
}
