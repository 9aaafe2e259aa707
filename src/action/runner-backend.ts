import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { selectBackend, type BackendChoice } from '../model/backend.js';
import type { BackendInput } from './inputs.js';

/** The native backend's version: the same minor as the bundled tfjs, so kernels agree. */
export const TFJS_NODE_VERSION = '4.22.0';
const INSTALL_TIMEOUT_MS = 240_000;

export interface RunnerBackendRequest {
  input: BackendInput;
  env: NodeJS.ProcessEnv;
  /** The directory of the bundle, where the build copied tfjs-backend-wasm's `.wasm` files. */
  wasmDir: string;
  log: (message: string) => void;
}

/**
 * The tfjs backend on a runner. `auto` (the default) is the WebAssembly binaries shipped beside
 * the bundle: training runs on PipePilot's own kernels either way, and installing tfjs-node cost
 * every run 30-60 s of download, or ~70 s of waiting on a runner without network before falling
 * back (issue 10). `backend: tensorflow` opts into native TensorFlow, which is not bundled
 * (libtensorflow is ~300 MB, downloaded by tfjs-node's install script): it is installed at run
 * time with npm into a cache directory (RUNNER_TOOL_CACHE, kept between jobs on self-hosted
 * runners; else RUNNER_TEMP) and imported from there, a directory already holding it reused; if
 * that fails, the bundled wasm, else pure-JS cpu. PIPEPILOT_SKIP_NATIVE=1 skips the npm attempt
 * (tests set it: no network). Says which ran and why.
 */
export async function chooseRunnerBackend(req: RunnerBackendRequest): Promise<BackendChoice> {
  const options = { wasmDir: req.wasmDir };
  let choice: BackendChoice;
  if (req.input === 'wasm' || req.input === 'cpu') {
    choice = await selectBackend(req.input, options);
  } else if (req.input === 'auto') {
    choice = await selectBackend('wasm', options);
    if (choice.name === 'wasm') choice = { ...choice, reason: 'bundled wasm, the default on runners (backend: tensorflow installs native TensorFlow)' };
  } else if (req.env.PIPEPILOT_SKIP_NATIVE === '1') {
    choice = await selectBackend('wasm', options);
    choice = { ...choice, reason: `native tensorflow skipped (PIPEPILOT_SKIP_NATIVE=1); ${choice.name === 'wasm' ? 'bundled wasm' : choice.reason}` };
  } else {
    const native = await tryInstallNative(req);
    if (typeof native === 'string') {
      choice = await selectBackend('wasm', options);
      choice = { ...choice, reason: `tensorflow unavailable (${native}); ${choice.name === 'wasm' ? 'bundled wasm' : choice.reason}` };
    } else {
      choice = await selectBackend('tensorflow', { ...options, nativeModule: native.module });
    }
  }
  req.log(`backend: ${choice.name} (${choice.reason}; ready in ${Math.round(choice.initMs)} ms)`);
  return choice;
}

/** The installed tfjs-node's entry as a file URL, or why it could not be had. */
async function tryInstallNative(req: RunnerBackendRequest): Promise<{ module: string } | string> {
  const cacheRoot = req.env.RUNNER_TOOL_CACHE || req.env.RUNNER_TEMP || tmpdir();
  const prefix = join(cacheRoot, 'pipepilot-tfjs-node', TFJS_NODE_VERSION);
  const manifest = join(prefix, 'node_modules', '@tensorflow', 'tfjs-node', 'package.json');
  if (existsSync(manifest)) {
    req.log(`tfjs-node ${TFJS_NODE_VERSION}: reusing ${prefix}`);
  } else {
    req.log(`tfjs-node ${TFJS_NODE_VERSION}: installing into ${prefix} (set backend: wasm to skip)`);
    try {
      await promisify(execFile)(
        'npm',
        ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', `@tensorflow/tfjs-node@${TFJS_NODE_VERSION}`],
        { timeout: INSTALL_TIMEOUT_MS, env: req.env, maxBuffer: 16 * 1024 * 1024 },
      );
    } catch (err) {
      // npm's own last lines when it ran; else why it could not start (e.g. spawn npm ENOENT).
      const stderr = String((err as { stderr?: string }).stderr ?? '').trim() || (err as Error).message;
      return `npm install @tensorflow/tfjs-node failed: ${stderr.trim().split('\n').slice(-2).join(' / ').slice(0, 300)}`;
    }
  }
  try {
    const entry = createRequire(join(prefix, 'package.json')).resolve('@tensorflow/tfjs-node');
    return { module: pathToFileURL(entry).href };
  } catch (err) {
    return `tfjs-node is not loadable from ${prefix}: ${(err as Error).message.split('\n')[0]}`;
  }
}
