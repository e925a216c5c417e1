/**
 * A progress bar on standard error for long runs: it appears only once a
 * run has taken a second, and only on a terminal, so piped output and
 * quick runs stay clean.
 *
 * While it is drawn the cursor is hidden and line wrapping is off; the
 * terminal is given both back on every way out: the bar stopping, the
 * process exiting for any reason, and Ctrl-C (SIGINT), SIGTERM or SIGHUP,
 * after which the process ends by that signal as it would have.
 */
import { writeSync } from 'node:fs';
import { SingleBar } from 'cli-progress';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

/** How `--progress` says to show a long run's progress. */
export const progressModes = ['auto', 'json', 'none'] as const;
export type ProgressMode = (typeof progressModes)[number];

/**
 * The progress of a run as `--progress` asks: `auto` a bar on a terminal
 * (`progressBar`), `json` one line `{"done":N,"total":M}` on standard
 * error at most every 100 ms and at the end, for programs such as the
 * editor extension, `none` nothing.
 */
export function progressFor(mode: ProgressMode, ctx: { readonly progress: boolean; err(text: string): void }, label: string): Progress {
  if (mode === 'auto') return progressBar(ctx.progress, label);
  if (mode === 'none') return progressBar(false, label);
  let last = 0;
  let pending: string | undefined;
  return {
    update(done, total) {
      pending = `${JSON.stringify({ done, total })}\n`;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      ctx.err(pending);
      pending = undefined;
    },
    stop() {
      if (pending !== undefined) ctx.err(pending);
      pending = undefined;
    },
  };
}

/** Show the cursor, and wrap lines again. */
export const restoreTerminal = '\u001b[?25h\u001b[?7h';

const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export function progressBar(enabled: boolean, label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  let bar: SingleBar | undefined;
  let restored = true;
  const restore = (): void => {
    if (restored) return;
    restored = true;
    // Synchronously: this may run as the process exits, when queued writes are lost.
    try {
      const fd = (stream as { fd?: unknown }).fd;
      if (typeof fd === 'number') writeSync(fd, restoreTerminal);
      else stream.write(restoreTerminal);
    } catch {
      // A terminal that has gone away has nothing left to restore.
    }
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    bar?.stop();
    restore();
    release();
    // With no listener left, the signal's default action ends the process, so the shell sees it.
    process.kill(process.pid, signal);
  };
  const release = (): void => {
    process.removeListener('exit', restore);
    for (const signal of signals) process.removeListener(signal, onSignal);
  };
  return {
    update(done, total) {
      if (!enabled) return;
      if (bar === undefined) {
        if (Date.now() - started < 1000) return;
        restored = false;
        process.on('exit', restore);
        for (const signal of signals) process.on(signal, onSignal);
        bar = new SingleBar({ stream, format: `${label} [{bar}] {percentage}% | {value}/{total} installations | {eta_formatted} left`, hideCursor: true, clearOnComplete: true });
        bar.start(total, done);
        return;
      }
      bar.update(done);
    },
    stop() {
      bar?.stop();
      restore();
      release();
    },
  };
}
