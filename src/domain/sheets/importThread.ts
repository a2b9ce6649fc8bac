import { once } from "node:events";
import { Worker } from "node:worker_threads";
import type { Db } from "../../db/client.js";
import { AppError } from "../../errors.js";
import { runSheetImportJob, type SheetImportJob } from "./sheetImportJob.js";
import type { ImportResult } from "./sheetView.js";

/** Runs claim-sheet imports for the API. */
export interface SheetImporter {
  run(job: SheetImportJob): Promise<ImportResult | ImportResult[]>;
  /** Waits for the imports in flight, then lets go of what the importer holds. */
  close(): Promise<void>;
}

/** Imports on the caller's own connection and event loop (tests, and apps built without a database URL). */
export function inProcessImporter(db: Db): SheetImporter {
  return { run: (job) => runSheetImportJob(db, job), close: async () => {} };
}

/** What crosses from the import thread back to the server: a result, or an error in the error model. */
export type ImportThreadReply =
  | { id: number; ok: true; value: ImportResult | ImportResult[] }
  | { id: number; ok: false; error: { status: number; code: string; message: string; details?: unknown } };

export interface ImportThreadData {
  databaseUrl: string;
  busyTimeoutMs: number;
}

interface Pending {
  resolve: (value: ImportResult | ImportResult[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Imports on a worker thread with its own database connection, started on the first import.
 * Parsing, checking and writing a large body take seconds of CPU and, on SQLite, a write
 * transaction on the connection's one lock: on the server's own thread and connection every
 * other request would wait for them. With WAL, the server's readers see the thread's writes
 * once it commits and are never blocked meanwhile.
 */
export function importThread(data: ImportThreadData): SheetImporter {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (error: Error) => {
    for (const job of pending.values()) job.reject(error);
    pending.clear();
    worker = undefined;
  };
  const started = (): Worker => {
    if (worker) return worker;
    const thread = new Worker(threadEntry(), { workerData: data });
    thread.on("message", (reply: ImportThreadReply) => {
      const job = pending.get(reply.id);
      pending.delete(reply.id);
      if (pending.size === 0) thread.unref();
      if (!job) return;
      if (reply.ok) job.resolve(reply.value);
      else job.reject(new AppError(reply.error.status, reply.error.code, reply.error.message, reply.error.details));
    });
    thread.on("error", (error) => failAll(error));
    thread.on("exit", (code) => failAll(new Error(`the import thread exited with code ${code}`)));
    worker = thread;
    return thread;
  };

  return {
    run(job) {
      const thread = started();
      const id = nextId++;
      thread.ref();
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        thread.postMessage({ id, job });
      });
    },
    async close() {
      const thread = worker;
      if (!thread) return;
      const exited = once(thread, "exit");
      thread.postMessage({ close: true });
      thread.ref();
      await exited;
    },
  };
}

/**
 * The thread's module: compiled JavaScript beside this file when the server runs from dist/;
 * from TypeScript sources (tsx, vitest) a bootstrap that registers tsx's loader first.
 */
function threadEntry(): URL {
  const compiled = import.meta.url.endsWith(".js");
  return new URL(compiled ? "./importThreadMain.js" : "./importThreadMain.dev.mjs", import.meta.url);
}
