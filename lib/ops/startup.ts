import "server-only";
import { getDatabaseConfig, prepareDatabase } from "@/lib/db";
import { checkStartupConfig } from "@/lib/env";
import { registerLifecycle } from "@/lib/ops/lifecycle";
import { startReminderTimer } from "@/lib/reminders/timer";

/**
 * Checks the configuration (stopping the process with a message naming the problem), readies
 * the database and starts the reminder timer, which graceful shutdown stops.
 */
export async function startInstance(): Promise<void> {
  try {
    checkStartupConfig();
  } catch (error) {
    console.error(`[ladder] cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  await prepareDatabase();
  const { provider } = getDatabaseConfig();
  console.info(`[ladder] database ready (${provider}${provider === "sqlite" ? ", WAL, busy_timeout ≥ 5 s" : ""})`);
  registerLifecycle({ stopReminders: startReminderTimer() });
}
