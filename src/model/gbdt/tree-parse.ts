import { ModelFileError } from '../../errors.js';
import { GBDT_FORMAT, type GbdtModelJson, type TreeJson } from './tree-format.js';

const OBJECTIVES = ['binary_logistic', 'multiclass_softmax', 'squared_error'];
const NODE_ARRAYS = ['feature', 'threshold', 'categories', 'missing_left', 'left', 'right', 'value', 'count', 'gain'] as const;

/**
 * Checks a saved tree ensemble before it scores anything: a damaged or hand-edited file is a
 * ModelFileError naming the tree and node, never a crash or an endless walk (children always
 * have larger ids than their parent, so every walk ends at a leaf).
 */
export function parseGbdtModel(json: unknown, file: string): GbdtModelJson {
  const bad = (what: string) => new ModelFileError(`${file}: ${what}`, { file, hint: `expected a PipePilot tree ensemble (format "${GBDT_FORMAT}", docs/gbdt.md); restore the file from git` });
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw bad('is not a JSON object');
  const m = json as Partial<GbdtModelJson>;
  if (m.format !== GBDT_FORMAT) throw bad(`has format ${JSON.stringify(m.format)}, not "${GBDT_FORMAT}"`);
  if (!OBJECTIVES.includes(m.objective as string)) throw bad(`has unknown objective ${JSON.stringify(m.objective)}`);
  const outputs = m.outputs;
  if (!Number.isInteger(outputs) || (outputs as number) < 1) throw bad(`outputs must be a positive integer, got ${JSON.stringify(outputs)}`);
  if (!Array.isArray(m.base_score) || m.base_score.length !== outputs || !m.base_score.every(Number.isFinite)) throw bad(`base_score must hold ${outputs} finite numbers`);
  if (!Array.isArray(m.features) || !m.features.every((f) => typeof f?.name === 'string' && (f.kind === 'numeric' || f.kind === 'categorical'))) {
    throw bad('features must be a list of {name, kind: numeric|categorical}');
  }
  if (!Array.isArray(m.trees) || !Number.isInteger(m.iterations)) throw bad('has no trees list or iterations count');
  m.trees.forEach((t, i) => checkTree(t, i, m.features?.length ?? 0, outputs as number, bad));
  return m as GbdtModelJson;
}

function checkTree(t: TreeJson, i: number, featureCount: number, outputs: number, bad: (what: string) => ModelFileError): void {
  if (typeof t !== 'object' || t === null) throw bad(`trees[${i}] is not an object`);
  if (!Number.isInteger(t.output) || t.output < 0 || t.output >= outputs) throw bad(`trees[${i}].output must be in [0, ${outputs})`);
  if (!Array.isArray(t.feature) || t.feature.length === 0) throw bad(`trees[${i}] has no nodes`);
  const n = t.feature.length;
  for (const key of NODE_ARRAYS) {
    if (!Array.isArray(t[key]) || t[key].length !== n) throw bad(`trees[${i}].${key} must have one entry per node (${n})`);
  }
  for (let j = 0; j < n; j++) {
    const where = `trees[${i}] node ${j}`;
    const f = t.feature[j];
    if (!Number.isFinite(t.value[j]) || !(t.count[j] > 0) || !Number.isFinite(t.gain[j])) throw bad(`${where}: value, count and gain must be finite numbers, count > 0`);
    if (f === -1) continue;
    if (!Number.isInteger(f) || f < 0 || f >= featureCount) throw bad(`${where}: feature ${JSON.stringify(f)} is not a feature index`);
    const [l, r] = [t.left[j], t.right[j]];
    if (!Number.isInteger(l) || !Number.isInteger(r) || l <= j || r <= j || l >= n || r >= n) throw bad(`${where}: children ${l}, ${r} must be later nodes of the tree`);
    const cats = t.categories[j];
    if (cats !== null && !(Array.isArray(cats) && cats.every((c) => Number.isInteger(c) && c >= 0 && c < 255))) throw bad(`${where}: categories must be codes in [0, 255)`);
    if (cats === null && typeof t.threshold[j] !== 'number') throw bad(`${where}: threshold must be a number`);
  }
}
