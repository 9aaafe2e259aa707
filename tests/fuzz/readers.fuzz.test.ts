import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXIT, reportError, type CliIo } from '../../src/cli/cli-io.js';
import { readTable } from '../../src/data/read-table.js';
import type { DataFormat } from '../../src/spec/types.js';
import { looksLikeStackTrace, runCli } from '../helpers/cli.js';
import { awkwardValue, fuzz, fuzzTimeout, mutatedBytes, mutatedText } from '../helpers/fuzz.js';
import { tempProject } from '../helpers/temp-project.js';

const MISSING = ['', 'NA', 'N/A', 'null', 'NULL', 'NaN', 'nan'];
const fixture = (name: string) => new Uint8Array(readFileSync(join('tests/fixtures/data', name)));
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const bytesOf = (s: string) => new TextEncoder().encode(s);

/**
 * Reads a file as the CLI's commands do (`readTable`), and maps a failure to an exit code and
 * message with the CLI's own `reportError`: 0 when it reads, 2 for bad input, 3 for our bug.
 */
async function readAsCli(bytes: Uint8Array, format: DataFormat): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const io: CliIo = { cwd: '/', env: {}, stdout: () => {}, stderr: (s) => void (stderr += s), isTTY: false };
  try {
    const table = await readTable(bytes, { file: `input.${format}`, format, missingValues: MISSING });
    for (const [name, column] of table.columns) expect(column.values.length, name).toBe(table.rowCount);
    return { code: EXIT.ok, stderr };
  } catch (err) {
    return { code: reportError(io, err), stderr };
  }
}

async function exitsCleanly(bytes: Uint8Array, format: DataFormat): Promise<void> {
  const res = await readAsCli(bytes, format);
  const what = `${format} ${JSON.stringify(text(bytes.slice(0, 200)))} → ${res.code}: ${res.stderr}`;
  expect([EXIT.ok, EXIT.badInput], what).toContain(res.code);
  expect(looksLikeStackTrace(res.stderr), what).toBe(false);
  if (res.code === EXIT.badInput) expect(res.stderr, what).toMatch(new RegExp(`^error: input\\.${format}`));
}

// Characters that matter to each syntax, plus a BOM, NUL, a lone surrogate and a non-ASCII letter.
const csvChars = fc.constantFrom(',', '"', '\n', '\r', ' ', 'a', '1', 'e', '-', '.', '\ufeff', '\u0000', 'é', '\ud800');
const jsonChars = fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '\n', '1', 'e', '-', 'n', '\ufeff', '\u0000');

const penguins = JSON.parse(text(fixture('penguins.json'))) as Record<string, unknown>[];
const csvOfPenguins = (() => {
  const names = Object.keys(penguins[0]);
  const cell = (v: unknown) => (v === null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return [names.join(','), ...penguins.slice(0, 12).map((r) => names.map((n) => cell(r[n])).join(','))].join('\n') + '\n';
})();
const key = fc.oneof(fc.constantFrom(...Object.keys(penguins[0]), '__proto__', 'constructor', ''), fc.string({ maxLength: 6 }));
const records = fc.array(fc.oneof({ weight: 5, arbitrary: fc.dictionary(key, awkwardValue, { maxKeys: 6 }) }, awkwardValue), { maxLength: 6 });

describe('fuzz: the data readers take any file without a crash (exit 0 or 2, never 3, never a stack)', () => {
  it('random bytes in every format', async () => {
    const format = fc.constantFrom<DataFormat>('csv', 'json', 'jsonl', 'parquet');
    await fuzz('readers: random bytes', fc.tuple(format, fc.uint8Array({ maxLength: 300 })), ([f, bytes]) => exitsCleanly(bytes, f), 400);
  }, fuzzTimeout());

  it('near-valid CSV, JSON and JSON Lines', async () => {
    const jsonText = JSON.stringify(penguins.slice(0, 8));
    const jsonlText = penguins.slice(0, 8).map((r) => JSON.stringify(r)).join('\n');
    const cases = fc.oneof(
      mutatedText(csvOfPenguins, csvChars).map((t) => ['csv', t] as const),
      mutatedText(jsonText, jsonChars).map((t) => ['json', t] as const),
      mutatedText(jsonlText, jsonChars).map((t) => ['jsonl', t] as const),
      records.map((r) => ['json', JSON.stringify(r)] as const),
      records.map((r) => ['jsonl', r.map((x) => JSON.stringify(x)).join('\n')] as const),
      fc.jsonValue({ maxDepth: 3 }).map((v) => ['json', JSON.stringify(v)] as const),
    );
    await fuzz('readers: near-valid text', cases, ([f, t]) => exitsCleanly(bytesOf(t), f), 600);
  }, fuzzTimeout());

  it('near-valid Parquet (each codec, bytes overwritten, truncated or appended)', async () => {
    const files = ['penguins.snappy.parquet', 'penguins.zstd.parquet', 'penguins.gzip.parquet'].map(fixture);
    await fuzz('readers: near-valid parquet', fc.oneof(...files.map(mutatedBytes)), (bytes) => exitsCleanly(bytes, 'parquet'), 400);
  }, fuzzTimeout());

  it('near-valid files through `pipepilot predict` itself: exit 0 or 2, never 3, never a stack', async () => {
    const pipeline = 'apiVersion: pipepilot/v1\nname: pg\ndata: {source: data/penguins.json, target: Species}\nmodel: {task: multiclass_classification, type: linear, seed: 1}\nevaluate: {bootstrap: {samples: 0}}\n';
    const dir = tempProject({ 'p.yaml': pipeline, 'data/penguins.json': { copy: 'pipelines/data/penguins.json' } });
    expect((await runCli(['run', 'p.yaml', '--out', 'run', '--quiet'], dir)).code).toBe(0);
    // Good records with a field or two changed to an awkward value (an extreme number, text, null, nesting).
    const nearGood = fc.array(
      fc.tuple(fc.constantFrom(...penguins.slice(0, 12)), fc.dictionary(key, awkwardValue, { maxKeys: 2 })).map(([r, changed]) => ({ ...r, ...changed })),
      { minLength: 1, maxLength: 4 },
    );
    const cases = fc.oneof(
      { weight: 2, arbitrary: nearGood.map((r) => ['json', bytesOf(JSON.stringify(r))] as const) },
      mutatedText(csvOfPenguins, csvChars).map((t) => ['csv', bytesOf(t)] as const),
      records.map((r) => ['json', bytesOf(JSON.stringify(r))] as const),
      mutatedBytes(fixture('penguins.zstd.parquet')).map((b) => ['parquet', b] as const),
    );
    const codes = new Map<number, number>();
    await fuzz('predict: near-valid input files', cases, async ([format, bytes]) => {
      await writeFile(join(dir, `in.${format}`), bytes);
      const res = await runCli(['predict', '--model', 'run', '--input', `in.${format}`], dir);
      codes.set(res.code, (codes.get(res.code) ?? 0) + 1);
      const what = `${format} ${JSON.stringify(text(bytes.slice(0, 200)))} → ${res.code}: ${res.stderr}`;
      expect([EXIT.ok, EXIT.badInput], what).toContain(res.code);
      expect(looksLikeStackTrace(res.stderr), what).toBe(false);
      if (res.code === EXIT.ok) expect(res.stdout, what).not.toMatch(/null|NaN/);
    }, 60);
    // Near-valid means some files score: the fuzzer reaches the model, not only the readers' errors.
    expect(codes.get(EXIT.ok) ?? 0).toBeGreaterThan(0);
    if (process.env.PIPEPILOT_FUZZ_REPORT) console.log('predict exit codes', Object.fromEntries(codes));
  }, fuzzTimeout());
});
