/** Types for scripts/stale-lib.mjs: the rule for a stale lib/, shared by `npm test`'s build step and the tests that run bin/. */
export declare function staleLibFiles(srcDir: string, libDir: string): string[];
export declare function rebuildReason(root: string): string | undefined;
