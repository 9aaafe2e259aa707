import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { loadCpuBackend, loadWasmBackend, tf } from './tfjs.js';

export type BackendName = 'tensorflow' | 'wasm' | 'cpu';

export interface BackendChoice {
  /** The tfjs backend in use: 'tensorflow' (native), 'wasm' or 'cpu'. */
  name: BackendName;
  /** Why this one: which preferred/better backends could not be used, and why. */
  reason: string;
  /** Time to load and initialise the chosen backend, in milliseconds (not part of `reason`, which is recorded). */
  initMs: number;
}

const ORDER: BackendName[] = ['tensorflow', 'wasm', 'cpu'];
let chosen: Promise<BackendChoice> | undefined;

/**
 * Picks the tfjs backend once per process: the preferred one if it loads, else native
 * TensorFlow (`@tensorflow/tfjs-node`, an optional dependency that is usually absent because it
 * downloads libtensorflow at install time), else WebAssembly, else pure JS. Idempotent: later
 * calls return the first call's choice, whatever they prefer, since tfjs has one global backend.
 */
export function selectBackend(preferred?: BackendName, options: BackendOptions = {}): Promise<BackendChoice> {
  chosen ??= choose(preferred, options);
  return chosen;
}

/** Where the shell keeps the backends' files when they are not in node_modules (the action's bundle). */
export interface BackendOptions {
  /** Directory holding tfjs-backend-wasm's `.wasm` binaries (default: the installed package's dist/). */
  wasmDir?: string;
  /** What to import for the native backend: a path or file URL of a tfjs-node installed elsewhere (default `@tensorflow/tfjs-node`). */
  nativeModule?: string;
}

async function choose(preferred: BackendName | undefined, options: BackendOptions): Promise<BackendChoice> {
  const order = preferred === undefined ? ORDER : [preferred, ...ORDER.filter((b) => b !== preferred)];
  const failures: string[] = [];
  for (const name of order) {
    const started = performance.now();
    const failure = await tryLoad(name, options);
    if (failure === undefined) {
      const initMs = performance.now() - started;
      const why = failures.length === 0 ? (preferred === name ? 'preferred' : 'first available') : failures.join('; ');
      return { name, reason: why, initMs };
    }
    failures.push(`${name} unavailable (${failure})`);
  }
  throw new Error(`no tfjs backend could be initialised: ${failures.join('; ')}`);
}

/** Loads and activates one backend; returns why it failed, or undefined on success. */
async function tryLoad(name: BackendName, options: BackendOptions): Promise<string | undefined> {
  try {
    if (name === 'tensorflow') {
      // A variable specifier: the package is optional, so neither tsc nor a bundler may require it.
      const specifier = options.nativeModule ?? '@tensorflow/tfjs-node';
      await import(specifier);
    } else if (name === 'wasm') {
      const wasm = await loadWasmBackend();
      // Point the loader at the package's own dist/ so the .wasm binaries are found wherever
      // node_modules is (the default guesses relative to the script, which breaks when bundled).
      // A bundle has no node_modules to resolve from: it passes the directory it copied them to.
      const dir = options.wasmDir ?? dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'));
      wasm.setWasmPaths(`${dir.replace(/\/+$/, '')}/`);
    } else {
      await loadCpuBackend();
    }
    if (!(await tf.setBackend(name))) return 'it failed to initialise';
    await tf.ready();
    return undefined;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') return 'package not installed';
    return err instanceof Error ? err.message.split('\n')[0] : String(err);
  }
}
