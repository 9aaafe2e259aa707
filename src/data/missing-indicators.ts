import type { DataSpec } from '../spec/types.js';
import type { FeatureSchema } from './feature-schema.js';
import { missingFraction, type Table } from './table.js';

/**
 * The features that get a missing-indicator column: those missing more often than
 * data.checks.max_missing_fraction, when the pipeline left that limit at its default
 * (`too_missing: 'indicator'`). A real table often has a listed column that is mostly empty
 * (a movies table: 62 % of budgets); imputing it and telling the model which values were
 * imputed is what a data scientist would do by hand, where failing the run is a surprise.
 * A pipeline that set the limit asked for it, so there the data check fails as before.
 * Returns the schema with `missingIndicators` set and one warning per such column.
 */
export function planMissingIndicators(table: Table, schema: FeatureSchema, data: DataSpec): { schema: FeatureSchema; warnings: string[] } {
  return planMissingIndicatorsFrom((name) => {
    const column = table.columns.get(name);
    return column === undefined ? undefined : missingFraction(column);
  }, schema, data);
}

/** planMissingIndicators from each feature's missing fraction (data.stream counts them in a pass); undefined: no such column. */
export function planMissingIndicatorsFrom(
  fractionOf: (name: string) => number | undefined, schema: FeatureSchema, data: DataSpec,
): { schema: FeatureSchema; warnings: string[] } {
  if (data.checks.too_missing !== 'indicator') return { schema, warnings: [] };
  const limit = data.checks.max_missing_fraction;
  const indicators: string[] = [];
  const warnings: string[] = [];
  for (const name of [...schema.numeric, ...schema.categorical]) {
    const fraction = fractionOf(name);
    if (fraction === undefined || fraction <= limit) continue;
    indicators.push(name);
    warnings.push(
      `${data.source}: feature '${name}' is ${(100 * fraction).toFixed(1)}% missing, over max_missing_fraction ${limit}: ` +
        `imputed, with a missing-indicator column '${name}=(missing)'; set data.checks.max_missing_fraction to fail instead`,
    );
  }
  return { schema: indicators.length === 0 ? schema : { ...schema, missingIndicators: indicators }, warnings };
}
