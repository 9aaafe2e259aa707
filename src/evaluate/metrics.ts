/**
 * The metric functions of the three tasks, in one import. Each agrees with scikit-learn 1.2.1 on
 * tests/fixtures/reference/metrics_reference.json.
 *
 * Conventions, the same everywhere in src/evaluate:
 * - Bad input (no rows, length or k mismatch, labels out of range, NaN outputs) throws a
 *   PipePilotError: it is a wiring fault, not a model result.
 * - A metric that is undefined on valid input (roc_auc with one class, pr_auc with no positive,
 *   r2 with one row) is NaN. JSON writers turn NaN into null; gates fail on it with a message
 *   saying the metric is undefined.
 */
export { binaryConfusion, binaryMetrics, binaryResampler } from './binary-metrics.js';
export {
  argmaxRows, multiclassConfusion, multiclassMetrics, multiclassPerClass, multiclassResampler, type ClassReport,
} from './multiclass-metrics.js';
export { regressionMetrics, residualSummary, type ResidualSummary } from './regression-metrics.js';
export type { Scores } from './metric-inputs.js';
