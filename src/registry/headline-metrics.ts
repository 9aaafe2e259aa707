import type { RegistryMetadata } from './metadata.js';

/**
 * The metrics a reviewer looks at first: those the gates watch, then those with intervals, then
 * the rest, at most `count`. The commit message, `history` and the listing use the same order.
 */
export function headlineMetricNames(meta: Pick<RegistryMetadata, 'gates' | 'intervals' | 'metrics'>, count = 3): string[] {
  const names = [...new Set([...meta.gates.map((g) => g.metric), ...Object.keys(meta.intervals), ...Object.keys(meta.metrics)])];
  return names.filter((k) => k in meta.metrics).slice(0, count);
}
