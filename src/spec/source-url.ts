/** A data source outside the repository, named by a URL in `data.source` (issue 10). */
export type RemoteSource =
  | { kind: 'http'; url: string }
  | { kind: 's3'; bucket: string; key: string };

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

/** True when `data.source` is written as a URL (any scheme), so not a repository path. */
export function isUrlSource(source: string): boolean {
  return SCHEME.test(source);
}

/**
 * The remote source a URL names, or a problem: only `https://`, `http://` (the sha256 pin keeps
 * it exact; for loopback and intranet mirrors) and `s3://bucket/key`; never credentials in the
 * URL, since `data.source` is copied into metrics, metadata and PR comments.
 */
export function parseRemoteSource(source: string): RemoteSource | { problem: string } {
  const scheme = SCHEME.exec(source)?.[1].toLowerCase();
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    return { problem: `data.source is not a valid URL: '${source}'` };
  }
  if (url.username !== '' || url.password !== '') {
    return { problem: 'data.source must not hold credentials (user:password@); give them through the environment (docs/pipeline.md#data-outside-the-repository)' };
  }
  if (scheme === 'https' || scheme === 'http') return { kind: 'http', url: url.href };
  if (scheme === 's3') {
    const key = decodeURIComponent(url.pathname.replace(/^\//, ''));
    if (url.hostname === '' || key === '' || key.endsWith('/')) return { problem: `data.source must be s3://bucket/key naming one object, got '${source}'` };
    return { kind: 's3', bucket: url.hostname, key };
  }
  return { problem: `data.source supports https://, http:// and s3:// URLs, got '${scheme}://'` };
}

/** The path part of a source (a URL's path without query or fragment), for telling its format. */
export function sourcePathPart(source: string): string {
  if (!isUrlSource(source)) return source;
  try {
    return new URL(source).pathname;
  } catch {
    return source;
  }
}
