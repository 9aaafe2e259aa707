import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, symlinkSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative } from 'node:path';
import { promisify } from 'node:util';
import { DockerfileParser, type Copy as Copy_, type Instruction } from 'dockerfile-ast';
import { describe, expect, it, onTestFinished } from 'vitest';
import { assertLibBuilt } from '../helpers/built-lib.js';
import { bcRecords, deployedRepo } from '../helpers/serve-fixtures.js';
import { projectRoot } from '../helpers/temp-project.js';

const execFileAsync = promisify(execFile);

/**
 * No Docker engine runs here, so the image is tested by its contents: each stage of the
 * Dockerfile is replayed in a temp dir standing for its WORKDIR — exactly the files its COPY
 * lines copy (from the build context, or from an earlier stage's dir), and the commands of its
 * RUN lines that build the app (`npm ci …`, `npm run build`). What those cannot do here is
 * skipped, by name: apt-get (root and Debian's network) and `npm rebuild @tensorflow/tfjs-node`
 * (downloads libtensorflow; the server falls back to wasm without it, as the test shows). Three
 * shortcuts decide what the real commands would, at a fraction of their cost: `npm run build` is
 * tsc resolving the project in the stage, then the checkout's lib/ (`buildAsTheCheckout`); the
 * build stage's full `npm ci` links this checkout's node_modules, which `npm ci` installed from
 * the same lock file; and the runtime `npm ci --omit=dev` is replayed
 * from the stage's package-lock.json (`installOmitDev`) — every package the lock does not mark
 * `dev`, at the path the lock gives it, hard-linked from the checkout. A real `npm ci` took
 * 33 s and 41 CPU s here (26,760 files); the replay decides the same thing, so a runtime
 * dependency declared as a dev one, or a file the COPY lines miss, still fails here.
 */
describe('the container image, by its contents', () => {
  const dockerfile = DockerfileParser.parse(readFileSync(join(projectRoot, 'Dockerfile'), 'utf8'));
  const instructions = dockerfile.getInstructions();
  const stages = splitStages(instructions);
  const runtime = stages.at(-1)!;

  it('is multi-stage, slim, non-root, exposes 8080, and runs `pipepilot serve`', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(runtime.from).toMatch(/^node:\$\{NODE_VERSION\}-bookworm-slim$|^gcr\.io\/distroless\/nodejs/);
    expect(instructions.find((i) => i.getKeyword() === 'ARG')!.getArgumentsContent()).toBe('NODE_VERSION=24');
    const last = (keyword: string) => runtime.instructions.filter((i) => i.getKeyword() === keyword).at(-1);
    expect(last('USER')?.getArgumentsContent()).toBe('node');
    expect(last('EXPOSE')?.getArgumentsContent()).toBe('8080');
    expect(JSON.parse(last('ENTRYPOINT')!.getArgumentsContent()!)).toEqual(['node', '/app/bin/pipepilot.js', 'serve']);
    const cmd = JSON.parse(last('CMD')!.getArgumentsContent()!) as string[];
    expect(cmd.slice(cmd.indexOf('--port'), cmd.indexOf('--port') + 2)).toEqual(['--port', '8080']);
    // Read-only root: the writable places are volumes, and the git cache points at one.
    expect(last('VOLUME')?.getArgumentsContent()).toContain('/var/cache/pipepilot');
    expect(last('ENV')?.getArgumentsContent()).toMatch(/PIPEPILOT_CACHE_DIR=\/var\/cache\/pipepilot/);
    expect(last('ENV')?.getArgumentsContent()).toMatch(/HOME=\/tmp/);
    // Listening on every interface survives SageMaker replacing CMD with `serve`.
    expect(last('ENV')?.getArgumentsContent()).toMatch(/PIPEPILOT_HOST=0\.0\.0\.0/);
    // Every runtime install omits dev dependencies and skips our own build script.
    for (const run of runCommands(stages.flatMap((s) => s.instructions)).filter((c) => c.startsWith('npm ci') && c.includes('--omit=dev'))) {
      expect(run).toContain('--ignore-scripts');
    }
    expect(runCommands(runtime.instructions).some((c) => c.startsWith('npm ci'))).toBe(false); // no installs in the final stage
    // .dockerignore lets in what the COPY lines name.
    const ignore = readFileSync(join(projectRoot, '.dockerignore'), 'utf8');
    for (const source of stages.flatMap((s) => s.copies).filter((c) => c.from === undefined).flatMap((c) => c.sources)) {
      expect(ignore, source).toMatch(new RegExp(`^!${source.replace(/\./g, '\\.')}/?$`, 'm'));
    }
  });

  // The slowest test file even so (tsc resolving the project, a server start): a minute on a shared machine.
  it('staged as the Dockerfile builds it, the entrypoint serves a repository: /readyz, /ping and a prediction', { timeout: 900_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'pipepilot-image-'));
    onTestFinished(() => rm(root, { recursive: true, force: true }), 300_000);
    const dirs = new Map(stages.map((stage) => [stage.name, join(root, stage.name)]));
    const repoReady = deployedRepo(); // the repository it will serve, built while the stages are
    // Stages start as soon as the stages they copy from are done, as BuildKit builds them: the
    // build stage's tsc and the deps stage's install run side by side.
    const built = new Map<string, Promise<void>>();
    for (const stage of stages) {
      const after = [...new Set(stage.copies.flatMap((c) => (c.from === undefined ? [] : [c.from])))].map((name) => built.get(name)!);
      built.set(stage.name, Promise.all(after).then(async () => {
        const dir = dirs.get(stage.name)!;
        mkdirSync(dir, { recursive: true });
        for (const instruction of stage.instructions) {
          if (instruction.getKeyword() === 'COPY') copyInto(dir, parseCopy(instruction), dirs);
          if (instruction.getKeyword() === 'RUN') for (const command of runCommands([instruction])) await replay(command, dir);
        }
      }));
    }
    await Promise.all(built.values());
    const app = dirs.get(runtime.name)!;
    expect(existsSync(join(app, 'lib', 'cli', 'main.js'))).toBe(true);
    expect(existsSync(join(app, 'node_modules', 'vitest'))).toBe(false); // no dev dependencies
    expect(existsSync(join(app, 'src'))).toBe(false);

    const repo = await repoReady;
    const entrypoint = JSON.parse(runtime.instructions.filter((i) => i.getKeyword() === 'ENTRYPOINT').at(-1)!.getArgumentsContent()!) as string[];
    const cmd = JSON.parse(runtime.instructions.filter((i) => i.getKeyword() === 'CMD').at(-1)!.getArgumentsContent()!) as string[];
    const args = [...entrypoint.slice(1).map((a) => a.replace(/^\/app\//, `${app}/`)), ...cmd.map((a) => (a === '8080' ? '0' : a)), 'serve', '--drain-seconds', '1'];
    const child = spawn(process.execPath, [...args, '--repo', `file://${repo.origin}`], {
      cwd: app,
      // The image's environment: HOME and the cache on writable volumes (here temp dirs); the
      // trailing `serve` is what SageMaker appends. PIPEPILOT_HOST stays unset: loopback here.
      // --drain-seconds 1: fetch's idle keep-alive connection would hold the 20 s default drain open.
      env: { PATH: process.env.PATH, NODE_ENV: 'production', HOME: join(root, 'home'), PIPEPILOT_CACHE_DIR: join(root, 'cache') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    onTestFinished(() => void child.kill('SIGKILL'));
    let output = '';
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    await new Promise<void>((ready, fail) => {
      const check = (s: string) => {
        output += s;
        if (/serving v1/.test(output) && /listening on/.test(output)) ready();
      };
      child.stdout.setEncoding('utf8').on('data', check);
      child.stderr.setEncoding('utf8').on('data', check);
      void exited.then((code) => fail(new Error(`the staged entrypoint exited ${code}: ${output}`)));
    });
    const url = /listening on (http:\/\/[\d.:]+)/.exec(output)![1];
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    expect((await fetch(`${url}/ping`)).status).toBe(200);
    const [record] = bcRecords(readFileSync(join(repo.dir, 'data/bc.csv'), 'utf8'), 1);
    const res = await fetch(`${url}/invocations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ instances: [record] }) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { version: number }).version).toBe(1);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

interface Stage {
  name: string;
  from: string;
  instructions: Instruction[];
  copies: Copy[];
}
interface Copy {
  from?: string;
  sources: string[];
  target: string;
}

function splitStages(instructions: Instruction[]): Stage[] {
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.getKeyword() === 'FROM') {
      const args = instruction.getArguments().map((a) => a.getValue());
      stages.push({ name: args[2] ?? `stage${stages.length}`, from: args[0], instructions: [], copies: [] });
    } else if (stages.length > 0) {
      stages.at(-1)!.instructions.push(instruction);
      if (instruction.getKeyword() === 'COPY') stages.at(-1)!.copies.push(parseCopy(instruction));
    }
  }
  return stages;
}

function parseCopy(instruction: Instruction): Copy {
  // dockerfile-ast keeps flags (--from=…) out of the arguments.
  const from = (instruction as Copy_).getFromFlag()?.getValue() ?? undefined;
  const paths = instruction.getArguments().map((a) => a.getValue());
  return { ...(from ? { from } : {}), sources: paths.slice(0, -1), target: paths.at(-1)! };
}

/** The `&&`-separated commands of RUN lines, whitespace-normalised. */
function runCommands(instructions: Instruction[]): string[] {
  return instructions
    .filter((i) => i.getKeyword() === 'RUN')
    .flatMap((i) => i.getArgumentsContent()!.replace(/\\\n/g, ' ').split('&&'))
    .map((c) => c.trim().replace(/\s+/g, ' '));
}

function copyInto(dir: string, copy: Copy, stageDirs: Map<string, string>): void {
  for (const source of copy.sources) {
    // From another stage: an absolute path there is relative to its WORKDIR (/app here).
    const from = copy.from ? join(stageDirs.get(copy.from)!, posix.relative('/app', source)) : join(projectRoot, source);
    const into = copy.target.endsWith('/') ? join(dir, copy.target, posix.basename(source)) : join(dir, copy.target);
    mkdirSync(dirname(into), { recursive: true });
    // Between stages, hard links: the same bytes, without copying node_modules' 650 MB again.
    if (copy.from) linkTree(from, into);
    else cpSync(from, into, { recursive: true, dereference: false, verbatimSymlinks: true });
  }
}

async function replay(command: string, dir: string): Promise<void> {
  if (command.startsWith('npm ci') && !command.includes('--omit=dev')) {
    symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir'); // see the describe's comment
  } else if (command.startsWith('npm ci')) {
    installOmitDev(dir);
  } else if (command === 'npm run build') {
    await buildAsTheCheckout(dir);
  }
  // Anything else (apt-get, npm rebuild of the native backend, mkdir/chown of the cache) needs root or the internet: skipped, see above.
}

/**
 * `npm ci --omit=dev` as npm lays it out from `dir`'s package-lock.json: each entry of
 * `packages` not marked `dev`, at its path (nested `node_modules/…` entries are entries of their
 * own), hard-linked from this checkout. An optional entry the checkout lacks is one npm left out
 * on this machine (another platform's binary, or @tensorflow/tfjs-node, whose install fails
 * here; the Dockerfile's `npm rebuild` of it is skipped anyway); any other missing entry fails.
 */
function installOmitDev(dir: string): void {
  const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean; optional?: boolean; link?: boolean }> };
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '' || entry.dev) continue;
    const from = join(projectRoot, path);
    if (!existsSync(from)) {
      if (entry.optional) continue;
      throw new Error(`${path} is a runtime package in package-lock.json but not in this checkout's node_modules: run npm ci`);
    }
    if (entry.link) throw new Error(`${path}: linked packages (workspaces) are not replayed; install for real`);
    linkTree(from, join(dir, path), true); // nested packages are lock entries of their own
  }
}

/** `from` (a directory or a file) at `to`, files hard-linked; `skipNodeModules` leaves nested `node_modules` out. */
function linkTree(from: string, to: string, skipNodeModules = false): void {
  if (!lstatSync(from).isDirectory()) return void (mkdirSync(dirname(to), { recursive: true }), linkSync(from, to));
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (skipNodeModules && entry.name === 'node_modules') continue;
    const [src, dst] = [join(from, entry.name), join(to, entry.name)];
    if (entry.isDirectory()) linkTree(src, dst, skipNodeModules);
    else if (entry.isSymbolicLink()) symlinkSync(readlinkSync(src), dst);
    else linkSync(src, dst);
  }
}

/**
 * `npm run build` in the stage, without compiling twice. tsc resolves the project in the stage
 * (`--listFilesOnly`: both tsconfigs, the sources, the types in node_modules) and must list every
 * source of the checkout; rootDir is src/, so nothing else of the checkout can be an input. Same
 * inputs, same output: the stage's lib/ is the checkout's, which `npm test` has just built (the
 * stale rule of tests/helpers/built-lib.ts), file for file for the listed sources. A real tsc here
 * took 30 CPU s; this takes 6.
 */
async function buildAsTheCheckout(dir: string): Promise<void> {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  expect(pkg.scripts.build, 'the replay knows only this build; replay a new one for real').toBe('tsc -p tsconfig.build.json');
  assertLibBuilt();
  const { stdout } = await execFileAsync(process.execPath, [join(projectRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--listFilesOnly'], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
  const staged = stdout.split('\n').filter((f) => f.startsWith(join(dir, 'src') + '/')).map((f) => relative(join(dir, 'src'), f)).sort();
  const sources = (readdirSync(join(projectRoot, 'src'), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).sort();
  expect(staged).toEqual(sources);
  for (const source of staged) {
    const js = source.replace(/\.ts$/, '.js');
    for (const out of [js, `${js}.map`]) linkTree(join(projectRoot, 'lib', out), join(dir, 'lib', out));
  }
}
