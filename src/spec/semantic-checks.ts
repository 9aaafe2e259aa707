import { formatFromPath } from './data-format.js';
import { didYouMean } from './did-you-mean.js';
import { dottedPath, type PathSegment } from './json-path.js';
import type { RawPipeline } from './raw-pipeline.js';
import { keyOffset, valueOffset, type LocatedProblem } from './schema-problems.js';
import { sourcePathProblem, type Realpath } from './source-path.js';
import { isUrlSource, parseRemoteSource } from './source-url.js';
import { LOWER_IS_BETTER, TASK_METRICS, type Task } from './types.js';
import { checkTuneSpace } from './tune-checks.js';
import type { SourcePositions } from './yaml-source.js';

/** Collects problems, each located at the value (or key) its path names. */
class Findings {
  readonly list: LocatedProblem[] = [];
  constructor(private readonly positions: SourcePositions) {}
  at(path: PathSegment[], message: string, part: 'key' | 'value' = 'value'): void {
    const offset = part === 'key' ? keyOffset(this.positions, path) : valueOffset(this.positions, path);
    this.list.push({ offset, path: dottedPath(path), message });
  }
}

/**
 * Rules the schema cannot express: metrics that exist for the task, columns used consistently,
 * task-specific options, and a data path that stays inside the repository. Runs on a pipeline the
 * schema accepted, before defaults, so "was this option written?" can be told apart from a default.
 */
export function semanticProblems(
  raw: RawPipeline,
  positions: SourcePositions,
  paths: { root: string; realpath?: Realpath },
): LocatedProblem[] {
  const found = new Findings(positions);
  checkSource(raw, found, paths);
  checkRangesRead(raw, found);
  checkColumns(raw, found);
  checkTaskOptions(raw, found);
  checkStreamOptions(raw, found);
  checkGates(raw, found);
  checkTune(raw, found);
  checkRollout(raw, found);
  return found.list;
}

/** Rollout steps walk up to 100 (the canary becomes the version); a step back or a stop short would never complete. */
function checkRollout(raw: RawPipeline, found: Findings): void {
  const steps = raw.deploy?.rollout?.steps;
  if (!steps) return;
  steps.forEach((w, i) => {
    if (i > 0 && w <= steps[i - 1]) found.at(['deploy', 'rollout', 'steps', i], `deploy.rollout.steps must increase, but ${w} follows ${steps[i - 1]}`);
  });
  if (steps.at(-1) !== 100) found.at(['deploy', 'rollout', 'steps', steps.length - 1], `deploy.rollout.steps must end at 100 (the canary then takes all traffic), got ${steps.at(-1)}`);
}

function checkSource(raw: RawPipeline, found: Findings, paths: { root: string; realpath?: Realpath }): void {
  const problem = isUrlSource(raw.data.source) ? remoteSourceProblem(raw.data) : sourcePathProblem(raw.data.source, paths.root, paths.realpath);
  if (problem) found.at(['data', 'source'], problem);
  else if (raw.data.format === undefined && formatFromPath(raw.data.source) === undefined) {
    found.at(['data', 'source'], `cannot tell the format of '${raw.data.source}' from its extension; set data.format to csv, json, jsonl or parquet`);
  }
}

/** A URL source must be one we can fetch and must carry its sha256: the pin keeps lineage and the content key exact. */
function remoteSourceProblem(data: RawPipeline['data']): string | undefined {
  const remote = parseRemoteSource(data.source);
  if ('problem' in remote) return remote.problem;
  if (data.read === 'ranges') return undefined; // pinned by data.ranges_sha256 (checkRangesRead)
  if (data.sha256 === undefined) {
    return `data.source is a URL, so data.sha256 must pin its content (run \`sha256sum\` on the file and add data.sha256)`;
  }
  return undefined;
}

/**
 * `read: ranges` reads a remote Parquet file's footer and used column chunks only (issue 10), so
 * it needs a URL source (a repository or DVC file is read whole, from disk or by its md5), the
 * Parquet format, and its own pin: data.sha256 pins the whole file, which this read never sees.
 */
function checkRangesRead(raw: RawPipeline, found: Findings): void {
  const data = raw.data;
  if (data.read !== 'ranges') {
    if (data.ranges_sha256 !== undefined) found.at(['data', 'ranges_sha256'], 'data.ranges_sha256 pins a ranges read; add data.read: ranges, or remove it', 'key');
    return;
  }
  if (!isUrlSource(data.source)) {
    found.at(['data', 'read'], `data.read: ranges reads a remote Parquet file (https://, http:// or s3://); '${data.source}' is a repository path, read whole`);
    return;
  }
  const format = data.format ?? formatFromPath(data.source);
  if (format !== undefined && format !== 'parquet') {
    found.at(['data', 'read'], `data.read: ranges reads Parquet files only (the footer says where each column is); this source is ${format}`);
  }
  if (data.sha256 !== undefined) {
    found.at(['data', 'sha256'], 'data.sha256 pins the whole file, which a ranges read never downloads, so it cannot be checked; pin the read with data.ranges_sha256 instead', 'key');
  }
  if (data.ranges_sha256 === undefined) {
    found.at(['data', 'read'], 'data.read: ranges needs data.ranges_sha256 to pin the bytes it reads; set it to any 64 hex digits and the run prints the value to use (docs/pipeline.md#reading-remote-parquet-by-ranges)');
  }
}

function checkColumns(raw: RawPipeline, found: Findings): void {
  const { target, features, drop = [] } = raw.data;
  const numeric = features?.numeric ?? [];
  const categorical = features?.categorical ?? [];
  const lists: [PathSegment[], string[]][] = [
    [['data', 'features', 'numeric'], numeric],
    [['data', 'features', 'categorical'], categorical],
    [['data', 'drop'], drop],
    [['evaluate', 'slices'], raw.evaluate?.slices ?? []],
  ];
  for (const [path, columns] of lists) {
    columns.forEach((c, i) => {
      if (c === target) found.at([...path, i], `${dottedPath(path)} lists the target '${target}'; the target cannot be ${path[0] === 'evaluate' ? 'a slice' : 'a feature or dropped'}`);
    });
  }
  categorical.forEach((c, i) => {
    if (numeric.includes(c)) found.at(['data', 'features', 'categorical', i], `'${c}' is in both data.features.numeric and data.features.categorical; keep it in one`);
  });
  drop.forEach((c, i) => {
    if (numeric.includes(c) || categorical.includes(c)) found.at(['data', 'drop', i], `'${c}' is both dropped and listed as a feature; remove it from one`);
  });
  if (features?.infer === false && numeric.length === 0 && categorical.length === 0) {
    found.at(['data', 'features', 'infer'], 'data.features.infer is false and no features are listed; list data.features.numeric or categorical, or set infer: true');
  }
  const slices: [PathSegment[], string][] = (raw.evaluate?.slices ?? []).map((s, i) => [['evaluate', 'slices', i], s]);
  (raw.gates ?? []).forEach((g, i) => g.slice !== undefined && slices.push([['gates', i, 'slice'], g.slice]));
  for (const [path, column] of slices) {
    if (column === target && path[0] === 'gates') found.at(path, `${dottedPath(path)} is the target '${target}'; slice by a categorical feature`);
    else if (numeric.includes(column)) found.at(path, `${dottedPath(path)} '${column}' is a numeric feature; slices need a categorical column`);
  }
}

function checkTaskOptions(raw: RawPipeline, found: Findings): void {
  const task = raw.model.task;
  if (task !== 'binary_classification') {
    if (raw.evaluate?.threshold !== undefined) found.at(['evaluate', 'threshold'], `evaluate.threshold applies to binary_classification only (task is ${task}); remove it`, 'key');
    if (raw.data.positive_class !== undefined) found.at(['data', 'positive_class'], `data.positive_class applies to binary_classification only (task is ${task}); remove it`, 'key');
  }
  if (task === 'regression' && raw.data.split?.stratify === true) {
    found.at(['data', 'split', 'stratify'], 'data.split.stratify applies to classification only (task is regression); remove it');
  }
  if (raw.data.positive_class === '') found.at(['data', 'positive_class'], 'data.positive_class must not be empty');
  checkGbdtOptions(raw, found);
}

/**
 * data.stream trains in passes over Parquet row groups (issue 10): only what can be fitted
 * exactly from sums over rows — least squares and (binary or multinomial) logistic regression — on a file with
 * row groups, imputing by a statistic a pass can compute (the median needs the sorted column).
 */
function checkStreamOptions(raw: RawPipeline, found: Findings): void {
  if (raw.data.stream !== true) return;
  const path = ['data', 'stream'];
  if (raw.model.type !== 'linear') {
    found.at(path, `data.stream works with model.type linear only (type is ${raw.model.type}): ${raw.model.type} needs every training row in memory; remove data.stream or use model.type linear`);
  }
  const format = raw.data.format ?? formatFromPath(raw.data.source.replace(/\.dvc$/, ''));
  if (format !== undefined && format !== 'parquet') {
    found.at(path, `data.stream reads Parquet row groups; data.source is ${format} (convert it with \`pipepilot data convert\`, or remove data.stream)`);
  }
  if (raw.preprocess?.impute?.numeric === 'median') {
    found.at(['preprocess', 'impute', 'numeric'], 'preprocess.impute.numeric median needs the whole column sorted, which data.stream never holds; use mean or constant');
  }
  if (raw.data.read === 'ranges') {
    found.at(path, 'data.stream reads every row group of the whole file, which a ranges read never fetches; remove data.read: ranges (pin data.sha256), or data.stream');
  }
}

/**
 * Ordinal codes and raw missing values only make sense to trees. (gbdt params on another type
 * are accepted and ignored, like every other type's params: switching type is a one-line change.)
 */
function checkGbdtOptions(raw: RawPipeline, found: Findings): void {
  if (raw.model.type !== 'gbdt' && raw.preprocess?.encode === 'ordinal') {
    found.at(['preprocess', 'encode'], `preprocess.encode ordinal is for model.type gbdt (type is ${raw.model.type}); use onehot or leave it out`);
  }
}

function checkGates(raw: RawPipeline, found: Findings): void {
  const environments = raw.deploy?.environments;
  (raw.gates ?? []).forEach((g, i) => {
    checkMetric(raw.model.task, g.metric, ['gates', i, 'metric'], found);
    if (g.vs !== undefined && environments !== undefined && !environments.includes(g.vs)) {
      found.at(['gates', i, 'vs'], `gates[${i}] compares with ${g.vs}, but deploy.environments (${environments.join(', ')}) has no ${g.vs}`);
    }
    if (g.min !== undefined && g.max !== undefined && g.min > g.max) {
      found.at(['gates', i, 'max'], `gates[${i}] can never pass: min ${g.min} is above max ${g.max}`);
    }
  });
}

function checkTune(raw: RawPipeline, found: Findings): void {
  const tune = raw.tune;
  if (!tune) return;
  checkMetric(raw.model.task, tune.metric, ['tune', 'metric'], found);
  const lowerIsBetter = LOWER_IS_BETTER.has(tune.metric);
  if (tune.direction === (lowerIsBetter ? 'maximize' : 'minimize') && TASK_METRICS[raw.model.task].includes(tune.metric)) {
    found.at(['tune', 'direction'], `tune.direction is ${tune.direction}, but ${tune.metric} is ${lowerIsBetter ? 'lower' : 'higher'}-is-better; use ${lowerIsBetter ? 'minimize' : 'maximize'} or leave it out`);
  }
  checkTuneSpace(raw, (path, message, part) => found.at(path, message, part));
}

function checkMetric(task: Task, metric: string, path: PathSegment[], found: Findings): void {
  const known = TASK_METRICS[task];
  if (known.includes(metric)) return;
  const owner = (Object.keys(TASK_METRICS) as Task[]).find((t) => TASK_METRICS[t].includes(metric));
  const why = owner ? ` ('${metric}' is a ${owner} metric)` : didYouMean(metric, known);
  found.at(path, `${dottedPath(path)} '${metric}' is not reported for ${task}${why}; use one of ${known.join(', ')}`);
}
