// Runs once when a server instance starts: the request guards go on the HTTP server (the
// socket address header, TRACE refused), the whole configuration is checked and SQLite is
// switched to WAL here, so a misconfigured instance stops at start rather than in a request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  (await import("@/lib/auth/server-requests")).installRequestGuards();
  const { startInstance } = await import("@/lib/ops/startup");
  await startInstance();
}
