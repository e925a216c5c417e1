/**
 * A progress bar on standard error for long runs: it appears only once a
 * run has taken a second, and only on a terminal, so piped output and
 * quick runs stay clean.
 */
import { SingleBar } from 'cli-progress';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

export function progressBar(enabled: boolean, label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  let bar: SingleBar | undefined;
  return {
    update(done, total) {
      if (!enabled) return;
      if (bar === undefined) {
        if (Date.now() - started < 1000) return;
        bar = new SingleBar({ stream, format: `${label} [{bar}] {percentage}% | {value}/{total} installations | {eta_formatted} left`, hideCursor: true, clearOnComplete: true });
        bar.start(total, done);
        return;
      }
      bar.update(done);
    },
    stop() {
      bar?.stop();
    },
  };
}
