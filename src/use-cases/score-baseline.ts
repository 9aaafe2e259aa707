import { BaselineError, DataError } from '../errors.js';
import type { Table } from '../data/table.js';
import { compareWithBaseline, type ComparisonRequest } from '../evaluate/baseline-comparison.js';
import type { GateBaseline } from '../evaluate/gates.js';
import type { Preprocessor } from '../features/preprocessor.js';
import type { Task } from '../spec/types.js';
import { scoreOutputs, type ScoringModel } from './predict.js';

export interface BaselineScoringRequest {
  /** The baseline's registry version, for messages. */
  version: number;
  /** The candidate's test rows as read (untransformed, every column of the data). */
  table: Table;
  /** What the candidate predicts: task, target column and classes in its output order. */
  task: Task;
  target: string;
  classes: string[];
  /** The data file the rows came from, for messages. */
  file: string;
  /** 0-based data row in `file` of each row of `table`, for messages naming a row. */
  sourceRows?: ArrayLike<number>;
}

export interface BaselineOutputs {
  /** The baseline's output on the rows, in the candidate's layout and class order. */
  output: Float32Array;
  /** Binary: the baseline's own decision threshold, on the candidate's positive class. */
  threshold: number;
}

/** A production model to compare with: its registry version and how to load it (the registry supplies both). */
export interface BaselineSource {
  version: number;
  load: () => Promise<ScoringModel>;
}

export type ProductionComparisonRequest = Omit<BaselineScoringRequest, 'version'> & Omit<ComparisonRequest, 'baseline' | 'baselineThreshold'>;

/**
 * Loads the production model, scores it on the candidate's test rows (see scoreBaseline),
 * disposes it, and compares the two on those rows: what `vs: production` gates need.
 */
export async function compareProductionModel(source: BaselineSource, req: ProductionComparisonRequest): Promise<GateBaseline> {
  const scoring = await source.load();
  let scored: BaselineOutputs;
  try {
    scored = scoreBaseline(scoring, { ...req, version: source.version });
  } finally {
    scoring.model.dispose();
  }
  const comparison = compareWithBaseline({ ...req, baseline: scored.output, baselineThreshold: scored.threshold });
  return { version: source.version, comparison };
}

/**
 * Scores the production model on the candidate's test rows through the baseline's OWN saved
 * preprocessor (its imputation, scaling and categories, not the candidate's), so each model sees
 * the rows as it would be served them. Its output is brought to the candidate's class order.
 * A baseline that predicts something else (task, target, classes) or needs a column these rows
 * lack is a BaselineError naming the version and the reason.
 */
export function scoreBaseline(baseline: ScoringModel, req: BaselineScoringRequest): BaselineOutputs {
  const target = baseline.preprocessor.target;
  const order = classOrder(target, req);
  let raw: Float32Array;
  try {
    raw = scoreOutputs(baseline, req.table, { file: req.file, sourceRows: req.sourceRows });
  } catch (err) {
    if (err instanceof DataError) throw unreadableRows(req, err);
    throw err;
  }
  if (req.task === 'regression') return { output: raw, threshold: target.threshold };
  if (req.task === 'binary_classification') {
    // The same two classes with the other one positive: the candidate's positive probability is 1 − p.
    if (order[1] === 1) return { output: raw, threshold: target.threshold };
    return { output: raw.map((p) => 1 - p), threshold: 1 - target.threshold };
  }
  return { output: reorderColumns(raw, order), threshold: target.threshold };
}

/**
 * For each of the candidate's classes, its column in the baseline's output. Throws when the
 * two models do not predict the same thing.
 */
function classOrder(target: Preprocessor['target'], req: BaselineScoringRequest): number[] {
  const fail = (reason: string, hint: string) => new BaselineError(req.version, reason, { hint });
  const skip = 'or leave the vs: production gates out of this change (a different model needs review, not a drop check).';
  if (target.task !== req.task) {
    throw fail(`it is a ${target.task} model and the candidate is ${req.task}`, `Compare models of one task; ${skip}`);
  }
  if (target.name !== req.target) {
    throw fail(`it predicts '${target.name}' and the candidate predicts '${req.target}'`, `Keep the target column; ${skip}`);
  }
  if (req.task === 'regression') return [];
  const order = req.classes.map((c) => target.classes.indexOf(c));
  if (order.includes(-1) || target.classes.length !== req.classes.length) {
    const list = (cs: string[]) => cs.map((c) => `'${c}'`).join(', ');
    throw fail(
      `its classes (${list(target.classes)}) are not the candidate's (${list(req.classes)})`,
      `Gates against production need the same set of classes; ${skip}`,
    );
  }
  return order;
}

function unreadableRows(req: BaselineScoringRequest, err: DataError): BaselineError {
  const reason = err.rule === 'missing_column' && err.column !== undefined
    ? `its preprocessor needs column '${err.column}', which the test rows of ${req.file} do not have`
    : `its preprocessor cannot read the test rows: ${err.message}`;
  return new BaselineError(req.version, reason, {
    hint: 'The production model scores the new test rows through its own saved preprocessor. Keep the columns it was ' +
      'trained on in the data until the new model is deployed, or leave the vs: production gates out of this change.',
    cause: err,
  });
}

/** Columns of a rows × k matrix picked in `order` (out[:, c] = in[:, order[c]]). */
function reorderColumns(values: Float32Array, order: number[]): Float32Array {
  const k = order.length;
  const out = new Float32Array(values.length);
  for (let r = 0; r < values.length / k; r++) {
    for (let c = 0; c < k; c++) out[r * k + c] = values[r * k + order[c]];
  }
  return out;
}
