// Test databases: a migrated SQLite template copied per worker, or, when TEST_DATABASE_URL
// names a PostgreSQL server, one fresh database per run that is created and dropped.
import crypto from "node:crypto";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "../../scripts/migrate.mjs";

export const ROOT = path.resolve(__dirname, "../..");
export const OUTPUT_DIR = path.join(ROOT, "tests", ".output");

export async function migrate(databaseUrl: string): Promise<void> {
  await applyMigrations(databaseUrl);
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function createPostgresDatabase(serverUrl: string, prefix = "ladder_test"): Promise<string> {
  const name = `${prefix}_${Date.now()}_${crypto.randomBytes(3).toString("hex")}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return withDatabase(serverUrl, name);
}

export async function dropPostgresDatabase(serverUrl: string, databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
