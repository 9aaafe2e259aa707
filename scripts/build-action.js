// Bundles the GitHub Action: src/action/index.ts → ESM dist/index.js (every dependency inside
// dist/, so the action runs from a checkout without `npm install`), plus tfjs-backend-wasm's
// .wasm binaries beside it (the bundle points the wasm backend at its own directory).
// Code split: what is imported dynamically (the artifact and cache clients, ~3 MB of Azure and
// archive code needed only inside a job; the tfjs backends) sits in chunks loaded on demand, so
// every start no longer compiles it: 0.56–0.64 → 0.30–0.38 CPU s to the first line, measured
// with /usr/bin/time on `node dist/index.js` (it exits at once outside a job).
// Usage: node scripts/build-action.js [outDir]   (default dist; the check-dist test builds to a temp dir)
import { build } from 'esbuild';
import { copyFile, mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildAction(outDir) {
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await build({
    absWorkingDir: root,
    // The bootstrap's helper thread runs its own file (src/cli/bootstrap-workers.ts starts dist/bootstrap-worker.js).
    entryPoints: ['src/action/index.ts', 'src/cli/bootstrap-worker.ts'],
    outdir: outDir,
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // CommonJS dependencies call require() and read __dirname (tfjs-backend-wasm's loader does);
    // an ES module has neither, so the banner defines them in every file of the bundle (all in
    // dist/, so the same directory). `var`: a bundled ES module (@azure/storage-common's crc64)
    // declares its own top-level `var __filename`, which a `const` here would make a SyntaxError.
    banner: {
      js: [
        "import { createRequire as __pipepilotCreateRequire } from 'node:module';",
        "import { fileURLToPath as __pipepilotFileURLToPath } from 'node:url';",
        'const require = __pipepilotCreateRequire(import.meta.url);',
        'var __filename = __pipepilotFileURLToPath(import.meta.url);',
        "var __dirname = __pipepilotFileURLToPath(new URL('.', import.meta.url));",
      ].join('\n'),
    },
    // PIPEPILOT_BUNDLE: src/model/tfjs.ts imports tfjs (bundled here) instead of requiring it from node_modules.
    define: { PIPEPILOT_VERSION: JSON.stringify(pkg.version), PIPEPILOT_BUNDLE: 'true' },
    // Same input, same bytes: the committed dist/ is checked against a fresh build.
    legalComments: 'none',
    logLevel: 'warning',
  });
  const wasmDist = dirname(createRequire(join(root, 'package.json')).resolve('@tensorflow/tfjs-backend-wasm'));
  for (const name of (await readdir(wasmDist)).filter((f) => f.endsWith('.wasm')).sort()) {
    await copyFile(join(wasmDist, name), join(outDir, name));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildAction(resolve(process.argv[2] ?? join(root, 'dist')));
}
