import { posix, relative, resolve, isAbsolute } from 'node:path';

/** Resolves a path to its real path (symlinks followed), or undefined when it does not exist. */
export type Realpath = (path: string) => string | undefined;

/**
 * Why `data.source` is not a safe path inside the repository, or undefined when it is. A pipeline
 * comes from a pull request, so its data path must not read outside the checkout: no absolute
 * paths, no `..` escapes, no backslashes (a separator on Windows), no NUL bytes, no URLs, and,
 * when `realpath` is given and the file exists, no symlink leading out of the repository.
 */
export function sourcePathProblem(source: string, root: string, realpath?: Realpath): string | undefined {
  if (source.includes('\0')) return 'data.source must not contain NUL bytes';
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) return `data.source must be a path inside the repository, not a URL, got '${source}'`;
  if (source.includes('\\')) return `data.source must use forward slashes, got '${source}'`;
  if (source.startsWith('/') || /^[a-z]:/i.test(source)) {
    return `data.source must be relative to the repository root, got the absolute path '${source}'`;
  }
  const normal = posix.normalize(source);
  if (normal === '..' || normal.startsWith('../')) return `data.source must stay inside the repository, but '${source}' leads out of it`;
  if (normal === '.' || normal.endsWith('/')) return `data.source must name a file, got '${source}'`;
  if (realpath === undefined) return undefined;
  const real = realpath(resolve(root, normal));
  if (real === undefined) return undefined; // a missing file is the data reader's error to report
  const realRoot = realpath(root) ?? root;
  const rel = relative(realRoot, real);
  if (rel === '..' || rel.startsWith('../') || isAbsolute(rel)) {
    return `data.source '${source}' is a symlink to '${real}', outside the repository`;
  }
  return undefined;
}
