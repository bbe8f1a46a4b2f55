import "server-only";
import { getEnv } from "@/lib/env";
import { runReminderPass } from "@/lib/reminders/pass";

/**
 * With REMINDERS_INTERVAL_MINUTES set, the server runs a reminder pass that often. Every
 * instance may do so: the pass itself makes sure each reminder goes out once.
 */
export function startReminderTimer(minutes = getEnv().REMINDERS_INTERVAL_MINUTES): () => void {
  if (!minutes) return () => {};
  let isRunning = false;
  const tick = async () => {
    if (isRunning) return;
    isRunning = true;
    try {
      const result = await runReminderPass();
      if (result.sent > 0 || result.failed > 0) console.info(`[ladder] reminders: ${result.sent} sent, ${result.failed} failed (left for the next pass)`);
    } catch (error) {
      console.error("[ladder] reminder pass failed:", error instanceof Error ? error.message : error);
    } finally {
      isRunning = false;
    }
  };
  const timer = setInterval(tick, minutes * 60_000);
  timer.unref();
  console.info(`[ladder] reminders: a pass every ${minutes} minute${minutes === 1 ? "" : "s"}`);
  return () => clearInterval(timer);
}
