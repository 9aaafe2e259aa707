import { posix, relative, sep } from 'node:path';
import { dataPinPaths } from '../data/source-pins.js';
import { isUrlSource } from '../spec/source-url.js';
import type { PipelineSpec } from '../spec/types.js';

/** Resolves a path relative to the working directory to its real absolute path, or undefined when it does not exist. */
export type Realpath = (path: string) => string | undefined;

/** A pipeline and every path (relative to the working directory, normalised, '/') whose change can change its result. */
export interface PipelineInputs {
  file: string;
  inputs: string[];
}

/**
 * One kind of input a pipeline reads, as paths relative to the working directory. Each finder
 * answers for the sources it knows and returns [] for the others, so a new kind of source (a DVC
 * pointer file, a pinned remote URL: issue 10) plugs in as one more finder, and selection stays
 * unchanged.
 */
export type InputFinder = (spec: PipelineSpec, realpath: Realpath) => string[];

/**
 * A local `data.source`, written as the validator accepts it (`./pipelines/data/x.csv`,
 * `pipelines//data/../data/x.csv`), normalised so it compares with the changed paths git and
 * the API report; when it is a symlink inside the working directory, its target too, since a
 * change to the target changes the data the pipeline reads. URLs are not local files.
 */
export const localDataSource: InputFinder = (spec, realpath) => {
  const source = spec.data.source;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) return [];
  const normal = normalisePath(source);
  const real = realpath(normal);
  const root = realpath('.');
  if (real === undefined || root === undefined) return [normal];
  const target = relative(root, real).split(sep).join('/');
  const inside = target !== '' && target !== '..' && !target.startsWith('../') && !posix.isAbsolute(target);
  return inside && target !== normal ? [normal, target] : [normal];
};

/**
 * A DVC-tracked `data.source` (`data/x.csv` beside `data/x.csv.dvc`, or the pointer itself): the
 * data file is git-ignored, so a new data version reaches git only as a new md5 in the pointer,
 * and `.dvc/config` names the remote it is fetched from. Both are inputs. A URL source is pinned by
 * `data.sha256` in the pipeline file, which is an input already.
 */
export const dvcPointerSource: InputFinder = (spec, realpath) => {
  if (isUrlSource(spec.data.source)) return [];
  const normal = normalisePath(spec.data.source);
  return dataPinPaths(normal, (path) => realpath(path) !== undefined).filter((path) => path !== normal);
};

/** The finders selection uses, in order. */
export const INPUT_FINDERS: readonly InputFinder[] = [localDataSource, dvcPointerSource];

/** The pipeline file itself and every input the finders report, without duplicates. */
export function pipelineInputs(
  pipeline: { file: string; spec: PipelineSpec },
  realpath: Realpath,
  finders: readonly InputFinder[] = INPUT_FINDERS,
): PipelineInputs {
  const inputs = finders.flatMap((find) => find(pipeline.spec, realpath));
  return { file: pipeline.file, inputs: [...new Set(inputs)] };
}

/** `./a//b/../c` → `a/c`: the form git and the GitHub API use for a path inside the repository. */
export function normalisePath(path: string): string {
  return posix.normalize(path).replace(/^(\.\/)+/, '').replace(/\/+$/, '');
}
