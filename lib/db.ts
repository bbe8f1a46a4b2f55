import "server-only";
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgres/client";
import { PrismaClient as SqliteClient } from "@/lib/generated/sqlite/client";
import { type DatabaseConfig, resolveDatabaseConfig } from "@/lib/database-config.mjs";
import { getEnv } from "@/lib/env";

// Both generated clients share one model shape (one schema source), so the app codes
// against one type; the adapter and client are chosen from DATABASE_URL at run time.
export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** SQLite waits this long for a lock instead of failing with SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

type Holder = { db?: Db; config?: DatabaseConfig; ready?: Promise<void> };
const holder = globalThis as typeof globalThis & { __ladderDb?: Holder };
holder.__ladderDb ??= {};
const state: Holder = holder.__ladderDb;

export function getDatabaseConfig(): DatabaseConfig {
  state.config ??= resolveDatabaseConfig(getEnv().DATABASE_URL);
  return state.config;
}

function createClient(config: DatabaseConfig): Db {
  if (config.provider === "postgresql") {
    const adapter = new PrismaPg({ connectionString: config.url, max: 10 });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  fs.mkdirSync(path.dirname(config.url), { recursive: true });
  const adapter = new PrismaBetterSQLite3({ url: config.url, timeout: SQLITE_BUSY_TIMEOUT_MS });
  return new SqliteClient({ adapter });
}

export function getDb(): Db {
  state.db ??= createClient(getDatabaseConfig());
  return state.db;
}

/**
 * Puts SQLite in WAL mode and checks that WAL and the busy timeout took effect; on
 * PostgreSQL makes one round trip. Called once at server start (instrumentation.ts).
 */
export function prepareDatabase(): Promise<void> {
  state.ready ??= (async () => {
    const db = getDb();
    if (getDatabaseConfig().provider !== "sqlite") {
      await db.$queryRawUnsafe("SELECT 1");
      return;
    }
    const [mode] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode = WAL");
    const [busy] = await db.$queryRawUnsafe<{ timeout: number | bigint }[]>("PRAGMA busy_timeout");
    if (mode?.journal_mode?.toLowerCase() !== "wal") {
      throw new Error(`SQLite did not switch to WAL mode (journal_mode=${mode?.journal_mode})`);
    }
    if (Number(busy?.timeout ?? 0) < SQLITE_BUSY_TIMEOUT_MS) {
      throw new Error(`SQLite busy_timeout is ${busy?.timeout} ms, expected at least ${SQLITE_BUSY_TIMEOUT_MS}`);
    }
  })();
  return state.ready;
}

/** One real query; false when the database cannot be reached. */
export async function isDatabaseReachable(): Promise<boolean> {
  try {
    await getDb().$queryRawUnsafe("SELECT 1");
    return true;
  } catch {
    return false;
  }
}
