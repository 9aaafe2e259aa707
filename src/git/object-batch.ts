import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Socket } from 'node:net';
import { GitError } from '../errors.js';

/** What `git cat-file --batch` says of one object name. */
export type BatchAnswer =
  | { found: true; oid: string; type: string; content: Buffer }
  | { found: false; why: 'missing' | 'ambiguous' };

export interface ObjectBatch {
  /** The object `spec` names (`HEAD`, `main:models/m/v1/metadata.json`, `abc123^{commit}`). `spec` must not hold a newline. */
  read(spec: string): Promise<BatchAnswer>;
  /** Ends the git process (the next read starts another). */
  close(): void;
}

/** A batch process idle this long is ended, so long-lived processes (the server, test workers) do not collect them. */
const IDLE_MS = 2_000;
const HEADER = /^([0-9a-f]{40,64}) ([a-z]+) (\d+)$/;

/**
 * Object reads through one long-lived `git cat-file --batch` per repository instead of a git
 * process per read. A command reads many small objects (manifests, metadata, each model file to
 * check its digest), and every process costs a fork of this process — large once tfjs and the
 * models are loaded — plus git's start-up: several milliseconds each, more than the read. git
 * resolves each name afresh (refs are re-read, new objects found), so commits made meanwhile are
 * seen. Written by hand because simple-git has no batch mode: the protocol is a request line in,
 * `<oid> <type> <size>\n<content>\n` or `<name> missing\n` out, in request order.
 *
 * The process holds Node's event loop only while a read is in flight, and ends after IDLE_MS.
 */
export function objectBatch(cwd: string, options: { idleMs?: number } = {}): ObjectBatch {
  const idleMs = options.idleMs ?? IDLE_MS;
  let child: ChildProcessWithoutNullStreams | undefined;
  let idle: NodeJS.Timeout | undefined;
  const pending: { spec: string; resolve: (a: BatchAnswer) => void; reject: (e: unknown) => void }[] = [];
  // The answer being received: an incomplete header line, then the content of a found object.
  let line = Buffer.alloc(0);
  let body: { oid: string; type: string; content: Buffer; filled: number } | undefined;
  let stderr = '';

  const hold = (on: boolean) => {
    if (!child) return;
    for (const handle of handles(child)) {
      if (on) handle.ref();
      else handle.unref();
    }
  };
  const fail = (err: unknown) => {
    const waiting = pending.splice(0);
    child = undefined;
    line = Buffer.alloc(0);
    body = undefined;
    for (const p of waiting) p.reject(err);
  };
  const failure = (why: string) =>
    new GitError({ command: 'cat-file --batch', stderr: stderr.trim() || why, reason: 'other' });

  // Answers arrive in request order; a chunk may hold several answers or part of one. Content is
  // copied once into a buffer of its announced size (a model's weights can be megabytes).
  const consume = (chunk: Buffer) => {
    let at = 0;
    while (at < chunk.length && pending.length > 0) {
      if (body) {
        // The content, then one newline that closes it.
        const take = Math.min(body.content.length + 1 - body.filled, chunk.length - at);
        const contentBytes = Math.min(take, body.content.length - body.filled);
        chunk.copy(body.content, body.filled, at, at + contentBytes);
        body.filled += take;
        at += take;
        if (body.filled === body.content.length + 1) {
          pending.shift()!.resolve({ found: true, oid: body.oid, type: body.type, content: body.content });
          body = undefined;
        }
        continue;
      }
      const eol = chunk.indexOf(10, at);
      if (eol < 0) {
        line = Buffer.concat([line, chunk.subarray(at)]);
        return;
      }
      const header = Buffer.concat([line, chunk.subarray(at, eol)]).toString('utf8');
      line = Buffer.alloc(0);
      at = eol + 1;
      const m = HEADER.exec(header);
      if (m) {
        // Its own memory (not a slice of a pooled buffer), so a caller may view it as any typed array.
        body = { oid: m[1], type: m[2], content: Buffer.allocUnsafeSlow(Number(m[3])), filled: 0 };
      } else if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
        pending.shift()!.resolve({ found: false, why: header.endsWith(' missing') ? 'missing' : 'ambiguous' });
      } else {
        const err = failure(`unexpected answer: ${header.slice(0, 200)}`);
        child?.kill();
        fail(err);
        return;
      }
    }
  };

  const start = (): ChildProcessWithoutNullStreams => {
    stderr = '';
    const proc = spawn('git', ['cat-file', '--batch'], { cwd, env: gitEnvironment(process.env), stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    proc.stdout.on('data', (chunk: Buffer) => {
      if (child !== proc) return;
      consume(chunk);
      if (pending.length === 0 && child === proc) {
        hold(false);
        idle = setTimeout(() => close(), idleMs);
        idle.unref();
      }
    });
    proc.stderr.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString('utf8')).slice(-4000)));
    // A closed pipe surfaces as 'exit' below; writes after it must not crash the process.
    proc.stdin.on('error', () => undefined);
    proc.on('error', (err) => {
      if (child === proc) fail(failure(err.message));
    });
    proc.on('exit', (code, signal) => {
      if (child === proc) fail(failure(`git cat-file exited (${signal ?? code}) with reads pending`));
    });
    return proc;
  };

  const close = () => {
    if (idle) clearTimeout(idle);
    idle = undefined;
    if (!child) return;
    const proc = child;
    child = undefined;
    proc.stdin.end();
    for (const handle of handles(proc)) handle.unref();
    fail(failure('closed'));
  };

  return {
    read(spec) {
      if (spec.includes('\n')) return Promise.reject(new Error(`objectBatch: a name with a newline cannot be asked: ${JSON.stringify(spec)}`));
      if (idle) clearTimeout(idle);
      idle = undefined;
      child ??= start();
      hold(true);
      return new Promise<BatchAnswer>((resolve, reject) => {
        pending.push({ spec, resolve, reject });
        child!.stdin.write(`${spec}\n`);
      });
    },
    close,
  };
}

/** The process and its pipes: each holds the event loop while referenced (pipes are sockets in Node). */
function handles(proc: ChildProcessWithoutNullStreams): { ref(): unknown; unref(): unknown }[] {
  return [proc, ...([proc.stdin, proc.stdout, proc.stderr] as unknown as Socket[])];
}

/** Variables besides GIT_* that simple-git's environment guard removes (its `isGitEnvKey` list). */
const GUARDED = new Set(['editor', 'pager', 'prefix', 'ssh_askpass', 'visual']);

/**
 * The environment simple-git gives every other git command (its guard drops ambient GIT_*
 * variables and a few more): without it, a GIT_DIR or GIT_INDEX_FILE set around us (a hook, an
 * outer git) would point the batch reader at another repository than the one we write.
 */
export function gitEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const kept: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    const name = key.toLowerCase().trim();
    if (!name.startsWith('git_') && !GUARDED.has(name)) kept[key] = value;
  }
  return kept;
}
