import fc from 'fast-check';

/**
 * Settings of every fuzzer (fast-check). By default a fixed seed and a fixed number of cases, so
 * `npm test` and CI run the same cases in a few seconds each and a failure reproduces. Locally:
 *
 *   PIPEPILOT_FUZZ_RUNS=20000   cases per property (instead of each fuzzer's default)
 *   FUZZ_SEED=123               another seed (fast-check prints the seed and path of a failure)
 *   PIPEPILOT_FUZZ_SECONDS=120  stop each property after this long (the cases run are kept)
 *   PIPEPILOT_FUZZ_REPORT=1     print each property's case count and time
 */
export const FUZZ_SEED = 20261207;

export function fuzzParameters(defaultRuns: number): fc.Parameters<unknown> {
  const runs = Number(process.env.PIPEPILOT_FUZZ_RUNS);
  const seed = process.env.FUZZ_SEED === undefined ? FUZZ_SEED : Number(process.env.FUZZ_SEED);
  const seconds = Number(process.env.PIPEPILOT_FUZZ_SECONDS);
  return {
    seed,
    numRuns: runs > 0 ? runs : defaultRuns,
    ...(seconds > 0 ? { interruptAfterTimeLimit: seconds * 1000, markInterruptAsFailure: false } : {}),
  };
}

/** A fuzz test's timeout: room for its fixture and the default cases, or an hour for a long local run. */
export function fuzzTimeout(): number {
  return process.env.PIPEPILOT_FUZZ_RUNS || process.env.PIPEPILOT_FUZZ_SECONDS ? 3_600_000 : 120_000;
}

/** Checks an async property with the fuzz settings; a failure throws fast-check's report (seed, path, counterexample). */
export async function fuzz<T>(name: string, arbitrary: fc.Arbitrary<T>, check: (value: T) => Promise<void>, defaultRuns: number): Promise<void> {
  const started = performance.now();
  const details = await fc.check(fc.asyncProperty(arbitrary, check), fuzzParameters(defaultRuns));
  if (process.env.PIPEPILOT_FUZZ_REPORT) {
    console.log(`fuzz ${name}: ${details.numRuns} cases in ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${details.seed})`);
  }
  if (details.failed) {
    const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(`fuzz ${name}: ${fc.defaultReportMessage(details)}\n${cause}`);
  }
}

/** Near-valid text: a valid text with a few random edits (inserts, deletes, duplicated spans, swapped characters). */
export function mutatedText(valid: string, alphabet: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.nat(), fc.nat({ max: 12 }), fc.constantFrom('insert', 'delete', 'duplicate', 'replace'), fc.string({ unit: alphabet, maxLength: 8 }));
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => {
    let text = valid;
    for (const [at, length, kind, piece] of edits) {
      const i = text.length === 0 ? 0 : at % text.length;
      if (kind === 'insert') text = text.slice(0, i) + piece + text.slice(i);
      else if (kind === 'delete') text = text.slice(0, i) + text.slice(i + length);
      else if (kind === 'duplicate') text = text.slice(0, i + length) + text.slice(i, i + length) + text.slice(i + length);
      else text = text.slice(0, i) + piece + text.slice(i + piece.length);
    }
    return text;
  });
}

/** Near-valid bytes: a valid file with a few bytes overwritten, a truncation, or bytes appended. */
export function mutatedBytes(valid: Uint8Array): fc.Arbitrary<Uint8Array> {
  const flip = fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }));
  return fc.tuple(fc.array(flip, { maxLength: 6 }), fc.option(fc.nat(), { nil: undefined }), fc.uint8Array({ maxLength: 16 })).map(([flips, cut, tail]) => {
    const bytes = Uint8Array.from(valid);
    for (const [at, value] of flips) bytes[at % bytes.length] = value;
    const kept = cut === undefined ? bytes : bytes.slice(0, cut % (bytes.length + 1));
    const out = new Uint8Array(kept.length + tail.length);
    out.set(kept);
    out.set(tail, kept.length);
    return out;
  });
}

/** Values a user or a client may put where a number belongs: extremes, text, nothing, nesting. */
export const awkwardValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(1e308, -1e308, 3.5e38, -3.5e38, 1e38, 5e-324, -0, 0, Number.MAX_SAFE_INTEGER),
  fc.constantFrom('', 'NA', 'NaN', 'Infinity', '-Infinity', '1e999', '0x10', ' 12 ', '1,5', 'null', '__proto__'),
  fc.string({ maxLength: 12 }),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 2 }),
);
