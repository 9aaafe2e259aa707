import { PipePilotError, SpecError } from '../errors.js';

/** One clear message per problem; a stack trace only for our own bugs (and only with DEBUG). */
export function printError(write: (s: string) => void, err: unknown): void {
  if (err instanceof SpecError) {
    write(err.message + '\n');
    if (err.hint) write(`hint: ${err.hint}\n`);
    return;
  }
  if (err instanceof PipePilotError) {
    write(`error: ${err.message}\n`);
    if (err.hint) write(`hint: ${err.hint}\n`);
    return;
  }
  const message = err instanceof Error ? err.message : String(err);
  write(`internal error: ${message}\n`);
  write('This is a bug in PipePilot, not in your pipeline. Please open an issue with the command you ran.\n');
  if (process.env.DEBUG && err instanceof Error && err.stack) write(err.stack + '\n');
}
