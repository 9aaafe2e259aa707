import { SpecError, type SpecProblem } from '../errors.js';
import { applyDefaults } from './defaults.js';
import { pipelineValidator } from './pipeline-schema.js';
import type { RawPipeline } from './raw-pipeline.js';
import { ignoredParams, PARAMS_USED } from './model-params.js';
import { keyOffset, schemaProblems, type LocatedProblem } from './schema-problems.js';
import { semanticProblems } from './semantic-checks.js';
import type { Realpath } from './source-path.js';
import type { LoadedPipeline, PipelineSpec } from './types.js';
import { parseYaml, type SourcePositions } from './yaml-source.js';

export interface LoadSpecOptions {
  /** The pipeline's path as shown in messages, relative to the repository root where possible. */
  file: string;
  /** Absolute path of the repository root; `data.source` is relative to it and must stay inside. */
  root: string;
  /** Real path of a path (symlinks followed), or undefined when it does not exist; enables the symlink check. */
  realpath?: Realpath;
}

/** `warnings` are legal but probably unintended (model.params the model type ignores); they never fail a load. */
export type SpecCheck = { ok: true; spec: PipelineSpec; warnings: SpecProblem[] } | { ok: false; problems: SpecProblem[] };

/** A file with thousands of mistakes is not worth listing in full. */
export const MAX_PROBLEMS = 100;

const HINT = 'Fix the lines above (docs/pipeline.md lists every key); `pipepilot validate` checks pipelines without running them.';

/**
 * Loads a pipeline: YAML → schema → semantic checks → defaults. Throws a SpecError listing every
 * problem found, each at `file:line:col`; never throws anything else, whatever the text holds.
 */
export function loadSpec(text: string, opts: LoadSpecOptions): LoadedPipeline {
  let result: SpecCheck;
  try {
    result = checkSpecUnguarded(text, opts);
  } catch (err) {
    throw new SpecError([unexpectedProblem(err, opts.file)], { hint: HINT, cause: err });
  }
  if (!result.ok) throw new SpecError(result.problems, { hint: HINT });
  return { spec: result.spec, file: opts.file, text, root: opts.root, warnings: result.warnings };
}

/**
 * The same checks as loadSpec, reported as a value. Problems are in document order. Semantic
 * checks run once the schema is satisfied (they rely on its shapes), so a file with schema
 * problems may show more after those are fixed.
 */
export function checkSpec(text: string, opts: LoadSpecOptions): SpecCheck {
  try {
    return checkSpecUnguarded(text, opts);
  } catch (err) {
    return { ok: false, problems: [unexpectedProblem(err, opts.file)] };
  }
}

/**
 * A bug of ours or a failing `realpath` callback, not a mistake in the file: still reported as a
 * problem naming the file, never as a stack trace.
 */
function unexpectedProblem(err: unknown, file: string): SpecProblem {
  const message = `unexpected error while loading the pipeline: ${err instanceof Error ? err.message : String(err)}`;
  return { file, line: 1, col: 1, path: '', message };
}

function checkSpecUnguarded(text: string, opts: LoadSpecOptions): SpecCheck {
  const parsed = parseYaml(text);
  if (!parsed.ok) return failed(parsed.problems, parsed.positions, opts.file);
  const validate = pipelineValidator();
  const shapeProblems = validate(parsed.value) ? [] : schemaProblems(validate.errors ?? [], parsed.value, parsed.positions);
  if (parsed.problems.length + shapeProblems.length > 0) return failed([...parsed.problems, ...shapeProblems], parsed.positions, opts.file);
  const raw = parsed.value as RawPipeline;
  const semantic = semanticProblems(raw, parsed.positions, { root: opts.root, realpath: opts.realpath });
  if (semantic.length > 0) return failed(semantic, parsed.positions, opts.file);
  const warnings = ignoredParamWarnings(raw, parsed.positions).map((p) => ({ file: opts.file, ...parsed.positions.linePos(p.offset), path: p.path, message: p.message }));
  return { ok: true, spec: applyDefaults(raw), warnings };
}

/** model.params keys the model type does not read: a learning_rate on a linear model passes the schema and does nothing (issue 11). */
function ignoredParamWarnings(raw: RawPipeline, positions: SourcePositions): LocatedProblem[] {
  const params = raw.model.params as Record<string, unknown> | undefined;
  return ignoredParams(raw.model.type, params).map((key) => ({
    offset: keyOffset(positions, ['model', 'params', key]),
    path: `model.params.${key}`,
    message: `model.params.${key} has no effect on a ${raw.model.type} model (it uses ${PARAMS_USED[raw.model.type]?.join(', ')}); remove it`,
  }));
}

function failed(located: LocatedProblem[], positions: SourcePositions, file: string): SpecCheck {
  const problems = located
    .map((p) => ({ file, ...positions.linePos(p.offset), path: p.path, message: p.message }))
    .sort((a, b) => a.line - b.line || a.col - b.col);
  if (problems.length > MAX_PROBLEMS) {
    const more = problems.length - MAX_PROBLEMS;
    problems.length = MAX_PROBLEMS;
    problems.push({ ...problems[MAX_PROBLEMS - 1], path: '', message: `… and ${more} more problems` });
  }
  return { ok: false, problems };
}
