import { PipePilotError } from '../errors.js';
import { printError } from './print-error.js';

/** Exit codes, the only place they are decided. */
export const EXIT = { ok: 0, gatesFailed: 1, mismatch: 1, badInput: 2, internal: 3 } as const;

/** What a command may touch of the process: passed in so tests run commands in-process. */
export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
}

/** User mistakes exit 2 with the message; anything else is our bug: exit 3 and ask for a report. */
export function reportError(io: CliIo, err: unknown): number {
  printError(io.stderr, err);
  return err instanceof PipePilotError ? EXIT.badInput : EXIT.internal;
}
