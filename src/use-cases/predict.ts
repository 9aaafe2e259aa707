import { ModelFileError, UsageError } from '../errors.js';
import type { GbdtModelJson } from '../model/gbdt/tree-format.js';
import { treeShap } from '../model/gbdt/tree-shap.js';
import type { Table } from '../data/table.js';
import { alignTable, parsePreprocessor, transformTable, type Preprocessor } from '../features/preprocessor.js';
import { checkFiniteOutputs } from '../features/finite-output.js';
import { asOrigin, type RowOrigin } from '../features/row-origin.js';
import { loadScorer, type Scorer } from '../model/scorer.js';

/** A saved model ready to score: the model (tfjs or trees) and the fitted transform in front of it. */
export interface ScoringModel {
  model: Scorer;
  preprocessor: Preprocessor;
}

export interface Predictions {
  task: Preprocessor['target']['task'];
  /** Class labels (classification) or values (regression), one per row. */
  predictions: (string | number)[];
  /** Classification: rows × classes probabilities, in `classes` order. */
  probabilities?: Float32Array;
  classes: string[];
  /**
   * With `explain` (gbdt only): per row, TreeSHAP contributions of each input column to the
   * margin (log-odds for binary, each class's logit for multiclass, the value for regression);
   * `expected_value` + the contributions = the margin. Multiclass: one such object per class.
   */
  explanations?: (RowExplanation | Record<string, RowExplanation>)[];
}

export interface RowExplanation {
  expected_value: number;
  contributions: Record<string, number>;
}

/** Loads `model.json`, `weights.bin` and `preprocessor.json` through `read` (names relative to the model dir). */
export async function loadScoringModel(read: (name: string) => Promise<Uint8Array>, dirLabel: string): Promise<ScoringModel> {
  const text = async (name: string) => new TextDecoder().decode(await read(name));
  const modelJson = parseJson(await text('model.json'), `${dirLabel}/model.json`);
  const weightsBin = await read('weights.bin');
  const preprocessor = parsePreprocessor(parseJson(await text('preprocessor.json'), `${dirLabel}/preprocessor.json`), `${dirLabel}/preprocessor.json`);
  const model = await loadScorer(modelJson as Record<string, unknown>, weightsBin, { file: `${dirLabel}/model.json` });
  const inputs = model.inputs;
  if (inputs !== preprocessor.outputNames.length) {
    throw new ModelFileError(
      `${dirLabel}: model.json expects ${inputs} inputs but preprocessor.json produces ${preprocessor.outputNames.length}`,
      { file: `${dirLabel}/model.json`, hint: 'The two files come from different runs; copy the whole model directory.' },
    );
  }
  return { model, preprocessor };
}

/**
 * The model's raw output on raw rows, through the saved transform (the same one training used):
 * binary, the probability of classes[1] per row; multiclass, rows × k probabilities; regression,
 * the values. The one scoring path shared by `predict`, the server and the baseline comparison.
 * Never returns a non-finite number: an input out of float32's range after scaling, or an output
 * that overflowed, is a DataError naming the row (as `from` names rows) and the column.
 */
export function scoreOutputs(scoring: ScoringModel, table: Table, from: RowOrigin | string): Float32Array {
  return scoreTransformed(scoring, table, from).output;
}

/** Aligns, transforms and scores, checking every output is finite; keeps the model rows for explanations. */
function scoreTransformed(scoring: ScoringModel, table: Table, from: RowOrigin | string): { output: Float32Array; x: Float32Array; rows: number; cols: number } {
  const pre = scoring.preprocessor;
  const origin = asOrigin(from);
  const aligned = alignTable(pre, table, origin);
  const transformed = transformTable(pre, aligned, origin);
  const output = scoring.model.predict(transformed.x, transformed.rows, transformed.cols);
  checkFiniteOutputs(pre, aligned, transformed, output, origin);
  return { output, ...transformed };
}

/**
 * Scores raw rows through the saved transform and the model: labels (or values) and
 * probabilities, and with `explain` each row's contributions (gbdt only; another model type
 * is a UsageError).
 */
export function scoreTable(scoring: ScoringModel, table: Table, from: RowOrigin | string, opts: { explain?: boolean } = {}): Predictions {
  if (!opts.explain) return predictionsOf(scoring, scoreOutputs(scoring, table, from), table.rowCount);
  const trees = scoring.model.trees;
  if (!trees) {
    throw new UsageError(`explanations are computed for gbdt models only; this model is ${scoring.model.kind}`, { hint: 'Leave out --explain / ?explain=true, or train with model.type: gbdt.' });
  }
  const { output, x, rows, cols } = scoreTransformed(scoring, table, from);
  const predictions = predictionsOf(scoring, output, rows);
  return { ...predictions, explanations: explainRows(trees.json, x, rows, cols, predictions.classes) };
}

function explainRows(model: GbdtModelJson, x: Float32Array, rows: number, cols: number, classes: string[]): NonNullable<Predictions['explanations']> {
  const { expected, values } = treeShap(model, x, rows, cols);
  const names = model.features.map((f) => f.name);
  const k = model.outputs;
  const one = (r: number, c: number): RowExplanation => ({
    expected_value: expected[c],
    contributions: Object.fromEntries(names.map((n, f) => [n, values[(r * k + c) * cols + f]])),
  });
  return Array.from({ length: rows }, (_, r) => (k === 1 ? one(r, 0) : Object.fromEntries(classes.map((cls, c) => [cls, one(r, c)]))));
}

function predictionsOf(scoring: ScoringModel, out: Float32Array, rows: number): Predictions {
  const { task, classes, threshold } = scoring.preprocessor.target;
  if (task === 'regression') return { task, predictions: Array.from(out), classes: [] };
  if (task === 'binary_classification') {
    const probabilities = new Float32Array(rows * 2);
    const predictions = new Array<string>(rows);
    for (let i = 0; i < rows; i++) {
      probabilities[2 * i] = 1 - out[i];
      probabilities[2 * i + 1] = out[i];
      predictions[i] = out[i] >= threshold ? classes[1] : classes[0];
    }
    return { task, predictions, probabilities, classes };
  }
  const k = classes.length;
  const predictions = new Array<string>(rows);
  for (let i = 0; i < rows; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (out[i * k + c] > out[i * k + best]) best = c;
    predictions[i] = classes[best];
  }
  return { task, predictions, probabilities: out, classes };
}

/** Predictions as plain records: `{prediction, probabilities: {class: p}, explanation?}`. */
export function predictionRecords(p: Predictions): Record<string, unknown>[] {
  const k = p.classes.length;
  return p.predictions.map((prediction, i) => {
    const explanation = p.explanations ? { explanation: p.explanations[i] } : {};
    if (!p.probabilities) return { prediction, ...explanation };
    const probabilities: Record<string, number> = {};
    for (let c = 0; c < k; c++) probabilities[p.classes[c]] = p.probabilities[i * k + c];
    return { prediction, probabilities, ...explanation };
  });
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ModelFileError(`${file}: not valid JSON (${(err as Error).message})`, { file, cause: err });
  }
}
