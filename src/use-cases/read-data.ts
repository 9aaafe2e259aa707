import { jsTableEngine, type TableEngine } from '../data/table-engine.js';
import type { Table } from '../data/table.js';
import type { DataSource } from '../ports.js';
import type { DataSpec } from '../spec/types.js';

/**
 * The pipeline's data set: its bytes (what the fingerprint hashes) and its Table, read by the
 * engine the shell chose (issue 10; the JS readers when none), from the file's path when the
 * source has one on disk.
 */
export async function readDataTable(source: DataSource, data: DataSpec, engine: TableEngine = jsTableEngine): Promise<{ bytes: Uint8Array; table: Table }> {
  const file = source.readFile ? await source.readFile(data) : { bytes: await source.readBytes(data) };
  const table = await engine.readTable(file, { file: data.source, format: data.format, missingValues: data.missing_values });
  return { bytes: file.bytes, table };
}
