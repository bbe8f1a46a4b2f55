import "server-only";
import { AppError } from "@/lib/errors";

// One import at a time per instance (decision record 015). A maximum-size export is parsed,
// checked and written as tens of MB of objects; six at once outgrew the server's heap limit.
// Kept in this process on purpose: what it protects is this process's memory.

/** Seconds a refused import is asked to wait: about one maximum-size import on a busy machine. */
export const IMPORT_RETRY_AFTER_SECONDS = 3;

let isImportRunning = false;

/**
 * Runs `work` (which reads the body and imports it) unless another import is running here;
 * then refuses at once with 429, before the body is read.
 */
export async function withImportSlot<T>(work: () => Promise<T>): Promise<T> {
  if (isImportRunning) {
    throw new AppError("rate_limited", "Another import is running. Please try again in a few seconds.", { retryAfter: IMPORT_RETRY_AFTER_SECONDS });
  }
  isImportRunning = true;
  try {
    return await work();
  } finally {
    isImportRunning = false;
  }
}
