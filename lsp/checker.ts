/**
 * Policy checks run off the request path: the server hands the checker the
 * files that changed and asks for a check; the checker answers with the
 * semantic diagnostics of every file and the facts hovers need, or says it
 * abandoned the check because a newer one was asked for. The server never
 * waits for it: queries are answered from the last completed check.
 *
 * Everything that crosses is plain data, so the checker can live in a
 * worker thread (the command line starts one, `cli/commands/lsp.ts`) or,
 * for tests, on the server's own thread (`inThreadChecker`).
 */
import type { CheckRequest, CheckResponse } from './check-protocol.js';
import { createCheckService } from './check-service.js';

export type { CheckRequest, CheckResponse } from './check-protocol.js';

export interface Checker {
  /** Queues a request. Requests are handled in order, each answered once. */
  request(request: CheckRequest): void;
  /** Asks the check of `generation`, and any older one still running, to stop at its next chance. */
  cancelUpTo(generation: number): void;
  dispose(): void;
}

/** Starts a checker that sends its responses to `respond`. */
export type StartChecker = (respond: (response: CheckResponse) => void) => Checker;

/** A checker on the calling thread, one request per turn of the event loop: for tests and tools. */
export function inThreadChecker(resolveImport: (fromPath: string, specifier: string) => string): StartChecker {
  return (respond) => {
    let cancelled = 0;
    const service = createCheckService(resolveImport, (generation) => generation <= cancelled);
    const queue: CheckRequest[] = [];
    let disposed = false;
    const next = (): void => {
      const request = queue.shift();
      if (request === undefined || disposed) return;
      respond(service.handle(request));
      if (queue.length > 0) setImmediate(next);
    };
    return {
      request(request) {
        queue.push(request);
        if (queue.length === 1) setImmediate(next);
      },
      cancelUpTo(generation) {
        cancelled = Math.max(cancelled, generation);
      },
      dispose() {
        disposed = true;
      },
    };
  };
}
