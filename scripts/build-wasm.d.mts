/** Types for scripts/build-wasm.mjs, so tests can rebuild the wasm modules in memory. */
export declare const WAT_PATH: string;
export declare const TS_PATH: string;
export interface WasmModuleSource {
  wat: string;
  ts: string;
  name: string;
  what: string;
  test: string;
  features: Record<string, boolean>;
}
export declare const MODULES: WasmModuleSource[];
export declare function compileWat(text: string, features?: Record<string, boolean>): Promise<Uint8Array>;
export declare function renderModule(bytes: Uint8Array, mod?: WasmModuleSource): string;
