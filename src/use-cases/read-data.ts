import { fingerprintData } from '../data/fingerprint.js';
import { isRanged, jsTableEngine, type DataFile, type TableEngine } from '../data/table-engine.js';
import type { Table } from '../data/table.js';
import type { DataSource } from '../ports.js';
import type { PipelineSpec } from '../spec/types.js';

/**
 * The pipeline's data set: its fingerprint and its Table, read by the engine the shell chose
 * (issue 10; the JS readers when none), from the file's path when the source has one on disk.
 */
export async function readDataTable(source: DataSource, spec: PipelineSpec, engine: TableEngine = jsTableEngine): Promise<{ fingerprint: string; table: Table }> {
  const file = await readDataFile(source, spec);
  const table = await engine.readTable(file, { file: spec.data.source, format: spec.data.format, missingValues: spec.data.missing_values });
  return { fingerprint: dataFingerprint(file), table };
}

/** The data set's file as the source hands it over (whole, or by ranges for data.read: ranges). */
export async function readDataFile(source: DataSource, spec: PipelineSpec): Promise<DataFile> {
  return source.readFile ? source.readFile(spec.data, { sliceColumns: sliceColumnsOf(spec) }) : { bytes: await source.readBytes(spec.data) };
}

/**
 * What the content key and lineage name the data by: sha256 of the whole file's bytes, or for a
 * ranges read the pin it matched (data.ranges_sha256), which covers every byte it used.
 */
export function dataFingerprint(file: DataFile): string {
  return isRanged(file) ? file.fingerprint : fingerprintData(file.bytes);
}

/** Columns evaluated per value: evaluate.slices plus every gate's slice. */
export function sliceColumnsOf(spec: PipelineSpec): string[] {
  return [...new Set([...spec.evaluate.slices, ...spec.gates.flatMap((g) => (g.slice ? [g.slice] : []))])];
}
