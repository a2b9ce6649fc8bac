import type { Response } from "express";

/**
 * Runs `work`, which writes a streamed body to `res`. A failure before anything was sent goes
 * to the error middleware as usual; once bytes are out the status cannot change, so the
 * response is cut short (the client sees an incomplete download) and the error is logged.
 */
export async function streamResponse(
  res: Response,
  work: () => Promise<void>,
  log: (message: string, error: unknown) => void = console.error,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!res.headersSent) {
      res.removeHeader("Content-Disposition");
      throw error;
    }
    if (!res.destroyed) log("export failed after streaming began", error);
    res.destroy();
  }
}
