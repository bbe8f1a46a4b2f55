import fs from "node:fs";
import path from "node:path";
import { inject } from "vitest";

// Runs in each worker before any test module loads lib/db: point DATABASE_URL at this
// worker's own copy of the migrated template (SQLite) or at the run's database (PostgreSQL).
const databaseUrl = inject("databaseUrl");
if (inject("provider") === "sqlite") {
  const template = databaseUrl.slice("file:".length);
  const copy = path.join(path.dirname(template), `worker-${process.env.VITEST_POOL_ID ?? "0"}.db`);
  if (!fs.existsSync(copy)) fs.copyFileSync(template, copy);
  process.env.DATABASE_URL = `file:${copy}`;
} else {
  process.env.DATABASE_URL = databaseUrl;
}
process.env.DATA_DIR = path.resolve(__dirname, "..", ".output", "data");
// As instrumentation.ts does in the server: the socket-address header is trusted, and tests
// set it to give each simulated client an address of its own (tests/helpers/auth.ts).
(globalThis as Record<symbol, unknown>)[Symbol.for("ladder.socketAddressHeader")] = true;
