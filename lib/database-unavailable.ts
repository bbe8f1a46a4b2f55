// Whether an error means the database could not be reached (down, restarting, out of
// connections) rather than a fault in the request: such requests answer 503 and may be
// retried, instead of 500. Pure: looks at codes and messages along the error's cause chain.

const CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up or shutting down)
  "08000",
  "08001",
  "08003",
  "08006",
  "53300", // too_many_connections
  "55P03", // lock_not_available: lock_timeout passed waiting for another write's lock
  "57014", // query_canceled: statement_timeout passed
  "P1001",
  "P1002",
  "P1017",
  "P2024",
  // SQLite: another connection (a backup, the sqlite3 shell) held the write lock past the busy timeout.
  "SQLITE_BUSY",
  "SQLITE_BUSY_SNAPSHOT",
  "SQLITE_BUSY_TIMEOUT",
  "SQLITE_LOCKED",
]);

const KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "DatabaseDoesNotExist"]);

const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|ECONNREFUSED|database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command|Can't reach database|Client has encountered a connection error|Connection closed|database is locked|database table is locked/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === "object" && depth < 6; depth += 1) {
    const value = current as { code?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    if (typeof value.code === "string" && CODES.has(value.code)) return true;
    if (typeof value.originalCode === "string" && CODES.has(value.originalCode)) return true;
    if (typeof value.kind === "string" && KINDS.has(value.kind)) return true;
    if (typeof value.message === "string" && MESSAGES.test(value.message)) return true;
    // Prisma's request errors carry the driver adapter's error in meta, not as the cause.
    current = value.cause ?? value.meta?.driverAdapterError;
  }
  return false;
}
