// `npm run restore <file>`: replaces the database with a backup made by `npm run backup`,
// after checking the backup: SQLite's integrity check and Ladder's migration table (and no
// migration newer than this version knows); for PostgreSQL, pg_restore must read the whole
// archive. Nothing is replaced when a check fails. Stop the server(s) first.
// SQLite keeps the replaced file next to it as <name>.before-restore-<time>.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { resolveDatabaseConfig } from "../lib/database-config.mjs";
import { readMigrations } from "./migrate.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

async function checkSqliteBackup(file) {
  const { default: Database } = await import("better-sqlite3");
  let db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const result = db.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new Error(`integrity check: ${result}`);
    const known = new Set(readMigrations("sqlite").map((m) => m.name));
    const applied = db.prepare("SELECT name FROM _ladder_migrations").all();
    const unknown = applied.filter((row) => !known.has(row.name));
    if (unknown.length > 0) throw new Error(`it has migrations this version does not know: ${unknown.map((r) => r.name).join(", ")}`);
  } catch (error) {
    throw new Error(`${file} is not a usable Ladder backup (${error.message}); nothing was replaced`);
  } finally {
    db?.close();
  }
}

/** @param {string} file @param {{ databaseUrl?: string }} [options] */
export async function restore(file, { databaseUrl = process.env.DATABASE_URL } = {}) {
  if (!file || !fs.existsSync(file)) throw new Error(`no backup file at ${file ?? "(none given)"}`);
  const config = resolveDatabaseConfig(databaseUrl || undefined, root);
  if (config.provider === "sqlite") {
    await checkSqliteBackup(file);
    const target = config.url;
    const staged = `${target}.restoring`;
    fs.copyFileSync(file, staged);
    if (fs.existsSync(target)) fs.renameSync(target, `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, "-")}`);
    for (const suffix of ["-wal", "-shm"]) fs.rmSync(`${target}${suffix}`, { force: true });
    fs.renameSync(staged, target);
    return target;
  }
  const listed = spawnSync("pg_restore", ["--list", file], { stdio: ["ignore", "ignore", "pipe"] });
  if (listed.error) throw new Error("pg_restore is not installed (Debian: apt-get install postgresql-client)");
  if (listed.status !== 0) throw new Error(`${file} is not a readable pg_dump archive (${listed.stderr.toString().trim()}); nothing was replaced`);
  const result = spawnSync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", `--dbname=${config.url}`, file], { stdio: "inherit" });
  if (result.status !== 0) throw new Error(`pg_restore failed (exit ${result.status}); the single transaction was rolled back`);
  return config.url.replace(/\/\/[^@]*@/, "//");
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  restore(process.argv[2]).then(
    (target) => console.info(`[ladder] restored ${process.argv[2]} into ${target}`),
    (error) => {
      console.error(`[ladder] restore failed: ${error.message}`);
      process.exit(1);
    },
  );
}
