import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { chooseRunnerBackend } from '../../src/action/runner-backend.js';

/** One test per file: tfjs has one global backend per process. */
describe('the default backend on a runner (issue 10)', () => {
  it('backend: auto is the bundled wasm, with no npm install attempted', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'pipepilot-tool-cache-'));
    onTestFinished(() => rmSync(cache, { recursive: true, force: true }));
    const wasmDir = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'));
    const lines: string[] = [];
    const choice = await chooseRunnerBackend({ input: 'auto', env: { RUNNER_TOOL_CACHE: cache }, wasmDir, log: (m) => lines.push(m) });
    expect(choice.name).toBe('wasm');
    expect(choice.reason).toBe('bundled wasm, the default on runners (backend: tensorflow installs native TensorFlow)');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^backend: wasm \(bundled wasm, the default on runners/);
  });
});
