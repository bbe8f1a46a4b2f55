// `npm run backup [-- --out FILE]`: a consistent copy of the database while the server runs.
// SQLite: the online backup API (pages copied under the database's own locking, so writers
// carry on), then an integrity check of the copy. PostgreSQL: pg_dump (custom format) when it
// is installed. Restore with `npm run restore <file>`.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { resolveDatabaseConfig } from "../lib/database-config.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function stamp() {
  return new Date().toISOString().replace(/[:.]/g, "-");
}

/** @param {{ databaseUrl?: string, out?: string }} options */
export async function backup({ databaseUrl = process.env.DATABASE_URL, out } = {}) {
  const config = resolveDatabaseConfig(databaseUrl || undefined, root);
  const dir = path.resolve(root, process.env.DATA_DIR || "data", "backups");
  if (config.provider === "sqlite") {
    const { default: Database } = await import("better-sqlite3");
    const target = path.resolve(out ?? path.join(dir, `ladder-${stamp()}.db`));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const db = new Database(config.url, { fileMustExist: true, timeout: 5000 });
    try {
      await db.backup(target);
    } finally {
      db.close();
    }
    const copy = new Database(target, { readonly: true });
    try {
      const result = copy.pragma("integrity_check", { simple: true });
      if (result !== "ok") throw new Error(`the copy failed its integrity check: ${result}`);
    } finally {
      copy.close();
    }
    return target;
  }
  const target = path.resolve(out ?? path.join(dir, `ladder-${stamp()}.dump`));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const result = spawnSync("pg_dump", ["--format=custom", "--no-owner", `--file=${target}`, config.url], { stdio: ["ignore", "inherit", "inherit"] });
  if (result.error) throw new Error("pg_dump is not installed (Debian: apt-get install postgresql-client)");
  if (result.status !== 0) throw new Error(`pg_dump failed (exit ${result.status})`);
  return target;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf("--out");
  backup({ out: outIndex === -1 ? undefined : args[outIndex + 1] }).then(
    (file) => console.info(`[ladder] backup written to ${file}`),
    (error) => {
      console.error(`[ladder] backup failed: ${error.message}`);
      process.exit(1);
    },
  );
}
