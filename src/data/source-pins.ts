import { isUrlSource } from '../spec/source-url.js';

/**
 * The repository paths that pin a pipeline's data set, for choosing which pipelines a change
 * touches (issue 15): a repo file pins itself; a DVC-tracked file is pinned by its `.dvc`
 * pointer (and `.dvc/config`, which names the remote); a URL source is pinned by `data.sha256`
 * (or `data.ranges_sha256` for a ranges read) in the pipeline file itself, so it adds no path. `exists` tells whether a repo path exists.
 */
export function dataPinPaths(source: string, exists: (path: string) => boolean): string[] {
  if (isUrlSource(source)) return [];
  const pointer = dvcPointerPath(source, exists);
  return pointer === undefined ? [source] : [pointer, '.dvc/config'];
}

/** The `.dvc` file behind a source: the source itself when it ends in `.dvc`, else `<source>.dvc` when that exists. */
export function dvcPointerPath(source: string, exists: (path: string) => boolean): string | undefined {
  if (source.endsWith('.dvc')) return source;
  return exists(`${source}.dvc`) ? `${source}.dvc` : undefined;
}
