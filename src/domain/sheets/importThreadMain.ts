import { parentPort, workerData } from "node:worker_threads";
import { createDb } from "../../db/client.js";
import { alreadyExists, isDatabaseBusy, isUniqueViolation } from "../../db/errors.js";
import { AppError, busy, internalError } from "../../errors.js";
import type { ImportThreadData, ImportThreadReply } from "./importThread.js";
import { runSheetImportJob, type SheetImportJob } from "./sheetImportJob.js";

// The import thread (see importThread.ts): one connection of its own, one import at a time, in
// the order they arrive, so each import's checks see what the previous one wrote.

const port = parentPort!;
const { databaseUrl, busyTimeoutMs } = workerData as ImportThreadData;
const db = createDb(databaseUrl, { busyTimeoutMs });
let queue: Promise<void> = Promise.resolve();

/** An error as the server's error model would render it; anything unexpected stays a 500. */
function replyError(error: unknown): Extract<ImportThreadReply, { ok: false }>["error"] {
  const known =
    error instanceof AppError
      ? error
      : isDatabaseBusy(error)
        ? busy()
        : isUniqueViolation(error)
          ? alreadyExists()
          : null;
  if (!known) console.error("import thread: unhandled error", error);
  const { status, code, message, details } = known ?? internalError();
  return { status, code, message, details };
}

port.on("message", (message: { id: number; job: SheetImportJob } | { close: true }) => {
  if ("close" in message) {
    queue = queue.then(async () => {
      await db.$disconnect();
      port.close();
    });
    return;
  }
  queue = queue.then(async () => {
    let reply: ImportThreadReply;
    try {
      reply = { id: message.id, ok: true, value: await runSheetImportJob(db, message.job) };
    } catch (error) {
      reply = { id: message.id, ok: false, error: replyError(error) };
    }
    port.postMessage(reply);
  });
});
