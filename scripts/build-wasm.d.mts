/** Types for scripts/build-wasm.mjs, so tests can rebuild the wasm module in memory. */
export declare const WAT_PATH: string;
export declare const TS_PATH: string;
export declare function compileWat(text: string): Promise<Uint8Array>;
export declare function renderModule(bytes: Uint8Array): string;
