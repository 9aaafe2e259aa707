import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, onTestFinished } from 'vitest';
import type { ActionIo, Annotation } from '../../src/action/action-io.js';
import { run } from '../../src/action/main.js';
import { pushPayload } from './action-runner.js';
import { githubStandIn, type GitHubStandIn } from './github-stand-in.js';
import { protectMain, type MainRefusal } from './protected-origin.js';
import { tempRepo, type TempRepo, type Tree } from './temp-repo.js';

/**
 * The action run in this process through `run`, the function the bundle calls, so mutation
 * testing reaches src/action (the e2e tests run the bundled dist/, which Stryker does not
 * mutate). Real parts otherwise: a bare git origin in a temp dir, the GitHub REST stand-in on
 * 127.0.0.1 (merging inside that origin, as GitHub does), the local run-bundle store in
 * RUNNER_TEMP, wasm training.
 */
const WASM_DIR = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm'));

export const CREATE_PULL = 'POST /repos/{owner}/{repo}/pulls';

export interface Recorded {
  code: number;
  /** info lines, then `notice: …`, `warning: …`, `error: …` with their annotation. */
  log: string[];
  errors: { message: string; at?: Annotation }[];
  outputs: Record<string, string>;
  summary: string;
  failed?: string;
}

export interface RunOpts {
  /** The step's `with:` inputs besides the token and the backend, e.g. `{registration: 'pull-request'}`. */
  inputs?: Record<string, string>;
  /** PipePilot's version as the bundle reports it (part of the content key). Default `0.0.0-test`. */
  codeVersion?: string;
}

export interface Scene {
  repo: TempRepo;
  standIn: GitHubStandIn;
  runnerTemp: string;
  head(): string;
  /** origin's `ref` (default main). */
  originTip(ref?: string): string;
  /** One run of the action in this process on `event`, in the clone `repo.dir`, as the runner would start it. */
  action(event: string, payload: Record<string, unknown>, ref: string, opts?: RunOpts): Promise<Recorded>;
  push(range: { before: string; after: string }, opts?: RunOpts): Promise<Recorded>;
  /** Commits `files` on main and pushes (past the protection, as an admin could); returns the push's range. */
  commitToMain(files: Record<string, string>, message: string): { before: string; after: string };
  /** Sets what the origin's hook does to pushes to main (tests/helpers/protected-origin.ts; scenes made with `protectedMain`). */
  refuseMain(mode: MainRefusal): void;
}

export async function releaseScene(tree: Tree, opts: { protectedMain?: boolean } = {}): Promise<Scene> {
  const repo = tempRepo(tree);
  const refuseMain = opts.protectedMain ? protectMain(repo.origin) : () => { throw new Error('refuseMain: the scene was made without protectedMain'); };
  const standIn = await githubStandIn({ installationToken: true, origin: repo.origin });
  const runnerTemp = mkdtempSync(join(tmpdir(), 'pipepilot-runner-'));
  onTestFinished(() => rmSync(runnerTemp, { recursive: true, force: true }));
  const head = () => repo.git(repo.dir, 'rev-parse', 'HEAD').trim();
  let n = 0;
  const action = async (event: string, payload: Record<string, unknown>, ref: string, runOpts: RunOpts = {}): Promise<Recorded> => {
    const eventPath = join(runnerTemp, `event-${++n}.json`);
    writeFileSync(eventPath, JSON.stringify(payload));
    const rec: Recorded = { code: -1, log: [], errors: [], outputs: {}, summary: '' };
    const io: ActionIo = {
      info: (m) => void rec.log.push(m),
      notice: (m) => void rec.log.push(`notice: ${m}`),
      warning: (m) => void rec.log.push(`warning: ${m}`),
      error: (m, at) => void (rec.log.push(`error: ${m}`), rec.errors.push({ message: m, at })),
      setOutput: (name, value) => void (rec.outputs[name] = value),
      appendSummary: async (md) => void (rec.summary += md),
      setFailed: (m) => void (rec.failed = m),
      setSecret: () => undefined,
    };
    const inputs = Object.fromEntries(Object.entries(runOpts.inputs ?? {}).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
    const env = {
      GITHUB_EVENT_NAME: event,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: `${standIn.owner}/${standIn.repo}`,
      GITHUB_SHA: head(),
      GITHUB_REF: ref,
      GITHUB_WORKSPACE: repo.dir,
      GITHUB_API_URL: standIn.baseUrl,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: String(1000 + n),
      RUNNER_TEMP: runnerTemp,
      INPUT_BACKEND: 'wasm',
      'INPUT_GITHUB-TOKEN': standIn.token,
      ...inputs,
    };
    rec.code = await run(env, io, { codeVersion: runOpts.codeVersion ?? '0.0.0-test', bundleDir: WASM_DIR });
    return rec;
  };
  const commitToMain = (files: Record<string, string>, message: string) => {
    const before = head();
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(repo.dir, path)), { recursive: true });
      writeFileSync(join(repo.dir, path), text);
    }
    repo.git(repo.dir, 'add', '-A');
    repo.git(repo.dir, 'commit', '-q', '-m', message);
    if (opts.protectedMain) refuseMain('open');
    repo.git(repo.dir, 'push', '-q', 'origin', 'main');
    if (opts.protectedMain) refuseMain('protected');
    return { before, after: head() };
  };
  return {
    repo, standIn, runnerTemp, head, action, commitToMain, refuseMain,
    originTip: (ref = 'main') => repo.git(repo.origin, 'rev-parse', ref).trim(),
    push: (range, runOpts) => action('push', pushPayload(standIn, range), 'refs/heads/main', runOpts),
  };
}

export function expectOk(r: Recorded): void {
  expect(r.code, `${r.failed}\n${r.log.join('\n')}`).toBe(0);
}

/** The release's job summary with these table rows. */
export function releaseSummary(rows: string[]): string {
  return ['### PipePilot release', '', '| model | version | deployment (or registration) pull request |', '|---|---|---|', ...rows, ''].join('\n');
}
