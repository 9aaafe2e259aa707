import type { PathSegment } from './json-path.js';
import { ignoredParams, paramValueProblem } from './model-params.js';
import type { RawPipeline } from './raw-pipeline.js';

export type Report = (path: PathSegment[], message: string, part?: 'key' | 'value') => void;

const KINDS = ['uniform', 'loguniform', 'int', 'choice'] as const;

type RawDistribution = Partial<Record<(typeof KINDS)[number], unknown[]>> & { log?: boolean; when?: Record<string, unknown[]> };

/**
 * The rules of tune.space the schema cannot say: exactly one distribution each, low < high,
 * log scales on positive bounds, ranges and choices that are valid model.params values, params
 * the model type reads, and `when` conditions on choice params of the space with values they offer.
 */
export function checkTuneSpace(raw: RawPipeline, report: Report): void {
  const space = (raw.tune?.space ?? {}) as Record<string, RawDistribution>;
  const ignored = new Set(ignoredParams(raw.model.type, space));
  for (const [param, dist] of Object.entries(space)) {
    const at: PathSegment[] = ['tune', 'space', param];
    if (ignored.has(param)) {
      report(at, `tune.space.${param}: model type ${raw.model.type} does not use ${param}; remove it from the space`, 'key');
      continue;
    }
    const kinds = KINDS.filter((k) => dist[k] !== undefined);
    if (kinds.length !== 1) {
      report(at, `tune.space.${param} must have exactly one of ${KINDS.join(', ')}`);
      continue;
    }
    const kind = kinds[0];
    const values = dist[kind] as unknown[];
    if (kind === 'choice') {
      if (dist.log !== undefined) report([...at, 'log'], `tune.space.${param}.log applies to int and uniform, not choice; remove it`, 'key');
      values.forEach((v, i) => checkValue(param, v, [...at, kind, i], report));
    } else {
      checkRange(param, kind, values as number[], dist.log === true, report);
      if (kind === 'loguniform' && dist.log === false) report([...at, 'log'], `tune.space.${param}: loguniform is always on a log scale; remove log: false`, 'key');
    }
    checkWhen(space, param, dist.when, report);
  }
}

function checkRange(param: string, kind: 'uniform' | 'loguniform' | 'int', range: number[], log: boolean, report: Report): void {
  const at: PathSegment[] = ['tune', 'space', param, kind];
  const [low, high] = range;
  if (!(low < high)) {
    report(at, `tune.space.${param}.${kind} must be [low, high] with low < high, got [${range.join(', ')}]`);
    return;
  }
  if ((log || kind === 'loguniform') && !(low > 0)) {
    report(at, `tune.space.${param}.${kind} is on a log scale, so both bounds must be > 0, got [${range.join(', ')}]`);
    return;
  }
  checkValue(param, low, [...at, 0], report);
  checkValue(param, high, [...at, 1], report);
}

function checkValue(param: string, value: unknown, at: PathSegment[], report: Report): void {
  const problem = paramValueProblem(param, value);
  if (problem !== undefined) report(at, `tune.space.${param}: ${JSON.stringify(value)} is not a valid model.params.${param} (${problem})`);
}

function checkWhen(space: Record<string, RawDistribution>, param: string, when: Record<string, unknown[]> | undefined, report: Report): void {
  for (const [other, wanted] of Object.entries(when ?? {})) {
    const at: PathSegment[] = ['tune', 'space', param, 'when', other];
    const offered = space[other]?.choice;
    if (other === param || offered === undefined) {
      report(at, `tune.space.${param}.when.${other}: a condition must name another choice parameter of tune.space`, 'key');
      continue;
    }
    wanted.forEach((v, i) => {
      if (!offered.some((o) => JSON.stringify(o) === JSON.stringify(v))) {
        report([...at, i], `tune.space.${param}.when.${other}: ${JSON.stringify(v)} is not one of tune.space.${other}.choice`);
      }
    });
  }
}
