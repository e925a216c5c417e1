/**
 * The language server's checks in a worker thread. The worker is the
 * `mpol` bundle itself, started again with `workerData` saying what it is
 * for (`cli/main.ts` looks before doing anything else), so the server needs
 * no second file. A shared integer carries cancellation: the server writes
 * the newest generation it wants abandoned, and the worker reads it between
 * policies while it checks, without waiting for a message.
 *
 * A worker that dies (a bug, or memory) is started again with everything
 * it had been sent, and the check in flight is answered as failed.
 */
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { ReadResult } from '../compiler/index.js';
import { createCheckService } from '../lsp/check-service.js';
import type { CheckRequest, CheckResponse } from '../lsp/check-protocol.js';
import type { StartChecker } from '../lsp/checker.js';

interface CheckWorkerData {
  readonly mpolRole: 'lsp-checker';
  readonly cancelled: Int32Array;
}

function isCheckWorkerData(data: unknown): data is CheckWorkerData {
  return typeof data === 'object' && data !== null && (data as { mpolRole?: unknown }).mpolRole === 'lsp-checker';
}

/** Whether this thread was started as the language server's checker. */
export function isCheckWorker(): boolean {
  return !isMainThread && isCheckWorkerData(workerData);
}

const resolveImport = (fromPath: string, specifier: string): string => path.resolve(path.dirname(fromPath), specifier);

/** Runs the checker in this worker thread until the server goes. */
export function runCheckWorker(): void {
  const { cancelled } = workerData as CheckWorkerData;
  const service = createCheckService(resolveImport, (generation) => generation <= Atomics.load(cancelled, 0));
  parentPort!.on('message', (request: CheckRequest) => parentPort!.postMessage(service.handle(request)));
}

/** How many times a checker that died is started again before the server gives up on checks. */
const restartBudget = 5;

/**
 * Starts checkers in worker threads running `script` (the bundle). A
 * worker that dies is replaced when the next check is asked for, and
 * handed everything it had been sent, so a check that kills it every time
 * fails once per request rather than in a loop; after `restartBudget`
 * deaths every check fails at once, with a message saying so.
 */
export function workerChecker(script: string, log: (message: string) => void): StartChecker {
  return (respond) => {
    const cancelled = new Int32Array(new SharedArrayBuffer(4));
    // Everything sent so far, to start a replacement worker from.
    const contents = new Map<string, ReadResult>();
    let paths: readonly string[] = [];
    let inFlight: number | undefined;
    let disposed = false;
    let deaths = 0;
    let worker: Worker | undefined = start();

    function start(): Worker {
      const started = new Worker(script, { workerData: { mpolRole: 'lsp-checker', cancelled } satisfies CheckWorkerData });
      started.on('message', (response: CheckResponse) => {
        if (response.generation === inFlight) inFlight = undefined;
        respond(response);
      });
      started.on('error', (error) => log(`the checker failed: ${error.stack ?? error.message}`));
      started.on('exit', (code) => {
        if (disposed || worker !== started) return;
        worker = undefined;
        deaths++;
        log(deaths < restartBudget ? `the checker stopped (exit code ${code}); it starts again with the next check` : `the checker stopped ${deaths} times; checks are off until the server restarts`);
        if (inFlight !== undefined) respond({ kind: 'failed', generation: inFlight, message: 'the checker stopped' });
        inFlight = undefined;
      });
      // The worker must not keep the process alive once the server is done.
      started.unref();
      return started;
    }

    return {
      request(request: CheckRequest) {
        for (const [file, content] of request.changes) {
          if (content === undefined) contents.delete(file);
          else contents.set(file, content);
        }
        if (request.paths !== undefined) paths = request.paths;
        if (worker === undefined && deaths >= restartBudget) {
          respond({ kind: 'failed', generation: request.generation, message: 'checks are off: the checker stopped too often' });
          return;
        }
        inFlight = request.generation;
        if (worker === undefined) {
          // A new worker knows nothing: it gets every file, not only the changes.
          worker = start();
          worker.postMessage({ generation: request.generation, changes: [...contents], paths } satisfies CheckRequest);
        } else worker.postMessage(request);
      },
      cancelUpTo(generation: number) {
        Atomics.store(cancelled, 0, Math.max(Atomics.load(cancelled, 0), generation));
      },
      dispose() {
        disposed = true;
        void worker?.terminate();
      },
    };
  };
}
