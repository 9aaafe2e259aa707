#!/usr/bin/env node
// Thin launcher: the CLI is compiled to lib/ by `npm run build` (run by `prepare` on `npm ci`).
import module from 'node:module';

// Node >= 22.1 keeps the compiled code of lib/ and tfjs on disk between runs (NODE_COMPILE_CACHE,
// else the OS temp dir; NODE_DISABLE_COMPILE_CACHE=1 turns it off): 0.15-0.3 s less start-up per
// run on Node 24, measured on `pipepilot run`. Node 20 has no such cache: a no-op there. Enabled
// before lib/ loads, hence the dynamic import.
module.enableCompileCache?.();
const { main } = await import('../lib/cli/main.js');
process.exitCode = await main(process.argv);
