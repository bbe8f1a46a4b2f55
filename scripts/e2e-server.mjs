// The server the browser tests drive: a fresh SQLite database, migrated, and the production
// build (built first when missing or stale) served by scripts/server.mjs.
import fs from "node:fs";

const dataDir = process.env.DATA_DIR;
if (!dataDir || !process.env.DATABASE_URL?.startsWith("file:")) {
  throw new Error("e2e-server needs DATA_DIR and a file: DATABASE_URL (see playwright.config.ts)");
}
fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(dataDir, { recursive: true });
const { startServer } = await import("./start.mjs");
await startServer();
