import { createRequire } from 'node:module';
import type * as TfCore from '@tensorflow/tfjs-core';
import type * as TfLayers from '@tensorflow/tfjs-layers';
import type * as TfWasm from '@tensorflow/tfjs-backend-wasm';

/**
 * TensorFlow.js for the rest of src/: take its values from here, not from the packages.
 *
 * Why: tfjs-core and tfjs-layers are CommonJS bundles (1.2 and 1.5 MB), and Node imports
 * CommonJS into an ES module only after scanning its whole source for the names it exports
 * (cjs-module-lexer, in JS on Node 20): 0.3–0.45 CPU s of every `pipepilot run`, against
 * ~0.07 s to require() the same modules, tfjs-backend-wasm included (process.cpuUsage around
 * each way of loading, bench/_train-e2e.ts's CLI run). So lib/ requires them. The action's
 * bundle (scripts/build-action.js, which defines PIPEPILOT_BUNDLE) has no node_modules to
 * require from: there esbuild bundles the import() and the other branch is dropped.
 */
declare const PIPEPILOT_BUNDLE: boolean | undefined;
const bundled = typeof PIPEPILOT_BUNDLE !== 'undefined' && PIPEPILOT_BUNDLE;
const requireCjs = createRequire(import.meta.url);

/** A CommonJS package's exports: the bundle's import() hands them over as `default` only, Node's as names too. */
function exportsOf<T extends object>(loaded: T, name: keyof T): T {
  return name in loaded ? loaded : (loaded as unknown as { default: T }).default;
}

export const tf: typeof TfCore = bundled ? exportsOf(await import('@tensorflow/tfjs-core'), 'tensor') : requireCjs('@tensorflow/tfjs-core');
export const tfl: typeof TfLayers = bundled ? exportsOf(await import('@tensorflow/tfjs-layers'), 'loadLayersModel') : requireCjs('@tensorflow/tfjs-layers');

/** Loads (and so registers) the wasm backend: only when it is chosen, so the bundle keeps it in a chunk of its own. */
export async function loadWasmBackend(): Promise<typeof TfWasm> {
  return bundled ? exportsOf(await import('@tensorflow/tfjs-backend-wasm'), 'setWasmPaths') : requireCjs('@tensorflow/tfjs-backend-wasm');
}

/** Loads (and so registers) the pure-JS backend. */
export async function loadCpuBackend(): Promise<void> {
  if (bundled) await import('@tensorflow/tfjs-backend-cpu');
  else requireCjs('@tensorflow/tfjs-backend-cpu');
}
