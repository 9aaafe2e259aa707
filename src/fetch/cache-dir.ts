import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where downloaded data sets are cached, by hash: `PIPEPILOT_CACHE_DIR` when set, else the OS
 * cache directory (`$XDG_CACHE_HOME` or `~/.cache` on Linux, `~/Library/Caches` on macOS,
 * `%LOCALAPPDATA%` on Windows) + `pipepilot/data`. The action caches this directory across runs.
 */
export function dataCacheDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  if (env.PIPEPILOT_CACHE_DIR) return env.PIPEPILOT_CACHE_DIR;
  const base =
    platform === 'darwin' ? join(home, 'Library', 'Caches')
    : platform === 'win32' ? (env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'))
    : (env.XDG_CACHE_HOME ?? join(home, '.cache'));
  return join(base, 'pipepilot', 'data');
}
