import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { chooseRunnerBackend } from '../../src/action/runner-backend.js';

/**
 * The runner's backend when native TensorFlow cannot be installed (here: no npm on PATH, as on a
 * runner without network the install fails): the wasm binaries from the given directory, and a
 * log line saying why. One test per file: tfjs has one global backend per process.
 */
describe('the backend on a runner', () => {
  it('backend: tensorflow, and tfjs-node cannot be installed → the wasm binaries from the bundle directory, and the log says why', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'pipepilot-tool-cache-'));
    onTestFinished(() => rmSync(cache, { recursive: true, force: true }));
    const wasmDir = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'));
    const lines: string[] = [];
    const choice = await chooseRunnerBackend({ input: 'tensorflow', env: { PATH: join(cache, 'no-bin'), RUNNER_TOOL_CACHE: cache }, wasmDir, log: (m) => lines.push(m) });
    expect(choice.name).toBe('wasm');
    expect(choice.reason).toMatch(/^tensorflow unavailable \(npm install @tensorflow\/tfjs-node failed: .+\); bundled wasm$/);
    expect(lines[0]).toContain(`installing into ${join(cache, 'pipepilot-tfjs-node', '4.22.0')}`);
    expect(lines.at(-1)).toMatch(/^backend: wasm \(tensorflow unavailable/);
  });
});
