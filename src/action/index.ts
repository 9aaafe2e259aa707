/**
 * The action's entry (action.yml `main: dist/index.js`, bundled by scripts/build-action.js). It
 * only wires the process to `run`: tests import `run` without starting anything.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { coreActionIo } from './action-io.js';
import { run } from './main.js';

/** Replaced at build time with package.json's version. */
declare const PIPEPILOT_VERSION: string;

process.exitCode = await run(process.env, coreActionIo(), {
  codeVersion: PIPEPILOT_VERSION,
  bundleDir: dirname(fileURLToPath(import.meta.url)),
});
