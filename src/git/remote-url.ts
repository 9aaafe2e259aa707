import { createHash } from 'node:crypto';
import { isAbsolute, join } from 'node:path';
import { UsageError } from '../errors.js';

/** A remote the server follows, its credentials taken out of the URL (they never reach disk or a message). */
export interface RemoteUrl {
  /** The URL git fetches, without user info. */
  url: string;
  transport: 'https' | 'http' | 'ssh' | 'file';
  /** `user:password` found in an https URL, sent as an Authorization header instead. */
  userinfo?: string;
  /** A file-system-safe name for the cache directory: readable host/path plus a hash of the URL. */
  cacheName: string;
}

/** Whether `--repo` names a remote URL rather than a local path. */
export function isRemoteUrl(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || SCP_LIKE.test(text);
}

// `git@github.com:org/repo.git`: git's scp-like ssh syntax (no scheme, a colon before any slash).
const SCP_LIKE = /^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:(?!\/\/)[^\s]+$/;

/** Parses a `--repo` URL: https, http, ssh (`ssh://` or scp-like) or file://; anything else is a usage error. */
export function parseRemoteUrl(text: string): RemoteUrl {
  if (SCP_LIKE.test(text)) return { url: text, transport: 'ssh', cacheName: cacheName(text) };
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new UsageError(`--repo ${redactUrl(text)}: not a URL or a path`, { hint: 'Use https://host/org/repo.git, ssh://git@host/org/repo.git, git@host:org/repo.git, file:///path/to/repo.git, or a local path.' });
  }
  const scheme = parsed.protocol.slice(0, -1);
  if (scheme !== 'https' && scheme !== 'http' && scheme !== 'ssh' && scheme !== 'file') {
    throw new UsageError(`--repo ${redactUrl(text)}: unsupported scheme '${scheme}'`, { hint: 'Use https://, ssh://, git@host:path or file://.' });
  }
  if (scheme === 'file') {
    if (parsed.host !== '' || !isAbsolute(decodeURIComponent(parsed.pathname))) throw new UsageError(`--repo ${text}: a file URL needs an absolute path (file:///srv/models.git)`);
    return { url: text, transport: 'file', cacheName: cacheName(text) };
  }
  let userinfo: string | undefined;
  if ((scheme === 'https' || scheme === 'http') && (parsed.username !== '' || parsed.password !== '')) {
    userinfo = `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`;
    parsed.username = '';
    parsed.password = '';
  }
  const url = parsed.toString();
  return { url, transport: scheme, ...(userinfo ? { userinfo } : {}), cacheName: cacheName(url) };
}

function cacheName(url: string): string {
  const readable = url.replace(/^[a-z+]+:\/\/+/i, '').replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(-60);
  return `${readable}-${createHash('sha256').update(url).digest('hex').slice(0, 12)}`;
}

/** The default cache root: `$XDG_CACHE_HOME/pipepilot/git`, else the platform's cache folder under the home directory. */
export function defaultCacheDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string {
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'pipepilot', 'git');
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'pipepilot', 'git');
  if (platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'pipepilot', 'cache', 'git');
  return join(home, '.cache', 'pipepilot', 'git');
}

/** A URL as it may be printed: user info replaced by `***`. */
export function redactUrl(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, '$1***@');
}
