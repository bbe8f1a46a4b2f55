import "server-only";
import { getEnv } from "@/lib/env";
import { runReminderPass } from "@/lib/reminders/pass";

const FIRST_PASS_MIN_MS = 5_000;
const FIRST_PASS_JITTER_MS = 10_000;

/**
 * With REMINDERS_INTERVAL_MINUTES set, the server runs a reminder pass that often, the first
 * one a few seconds after start (jittered, so instances started together spread out): a
 * restart never delays reminders by a whole interval. Every instance may do so: the pass
 * itself makes sure each reminder goes out once. The returned
 * stop function resolves once a pass that is under way has finished (graceful shutdown waits
 * for it before closing the database).
 */
export function startReminderTimer(minutes = getEnv().REMINDERS_INTERVAL_MINUTES): () => Promise<void> {
  if (!minutes) return async () => {};
  let isRunning = false;
  let running: Promise<void> = Promise.resolve();
  const pass = async () => {
    try {
      const result = await runReminderPass();
      if (result.sent > 0 || result.failed > 0) console.info(`[ladder] reminders: ${result.sent} sent, ${result.failed} failed (left for the next pass)`);
    } catch (error) {
      console.error("[ladder] reminder pass failed:", error instanceof Error ? error.message : error);
    }
  };
  const tick = () => {
    if (isRunning) return;
    isRunning = true;
    running = pass().finally(() => {
      isRunning = false;
    });
  };
  const first = setTimeout(tick, FIRST_PASS_MIN_MS + Math.random() * FIRST_PASS_JITTER_MS);
  first.unref();
  const timer = setInterval(tick, minutes * 60_000);
  timer.unref();
  console.info(`[ladder] reminders: a pass every ${minutes} minute${minutes === 1 ? "" : "s"}`);
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
}
