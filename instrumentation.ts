// Runs once when a server instance starts: the whole configuration is checked and SQLite is
// switched to WAL here, so a misconfigured instance stops at start rather than in a request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startInstance } = await import("@/lib/ops/startup");
  await startInstance();
}
