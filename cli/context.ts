/**
 * What a command needs from the process, passed in so that the commands
 * never reach for `process` themselves: the folder paths are shown relative
 * to, whether to colour, the version, the two output streams and standard
 * input.
 */
import type { InputResult } from './stdio.js';

export interface CliContext {
  readonly cwd: string;
  readonly color: boolean;
  readonly version: string;
  /** Whether long runs may draw a progress bar on standard error (a terminal, not CI). */
  readonly progress: boolean;
  out(text: string): void;
  err(text: string): void;
  /** Everything on standard input (`mpol fmt --stdin`), read once when asked. */
  readStdin(): Promise<InputResult>;
}

/** The exit codes of `mpol`, documented in `docs/cli.md`. */
export const exitCodes = {
  /** No errors (warnings allowed). */
  ok: 0,
  /** The policies have errors. */
  problems: 1,
  /** The command was misused, or an input could not be read. */
  usage: 2,
  /** A bug in mpol (EX_SOFTWARE in sysexits.h). */
  internal: 70,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/** Prints `mpol: error: <message>` and returns the usage exit code. */
export function fail(ctx: CliContext, message: string): ExitCode {
  ctx.err(`mpol: error: ${message}\n`);
  return exitCodes.usage;
}

/**
 * Whether to colour output: never when `NO_COLOR` is set (https://no-color.org),
 * always when `FORCE_COLOR` is set to anything but `0` or `false`, and
 * otherwise only when writing to a terminal that is not `dumb`.
 */
export function shouldColor(env: NodeJS.ProcessEnv, isTerminal: boolean): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  return isTerminal && env['TERM'] !== 'dumb';
}
