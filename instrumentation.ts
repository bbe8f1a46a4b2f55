// Runs once when a server instance starts: SQLite is switched to WAL and checked here, so a
// misconfigured database stops the server at start rather than in the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { prepareDatabase, getDatabaseConfig } = await import("@/lib/db");
  await prepareDatabase();
  const { provider } = getDatabaseConfig();
  console.info(`[ladder] database ready (${provider}${provider === "sqlite" ? ", WAL, busy_timeout ≥ 5 s" : ""})`);
  const { startReminderTimer } = await import("@/lib/reminders/timer");
  startReminderTimer();
}
