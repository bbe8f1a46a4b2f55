import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createPostgresDatabase, dropPostgresDatabase, migrate, ROOT } from "../setup/database";

// The committed migrations must build exactly the database the schema describes, on both
// providers, and the PostgreSQL schema must be the one derived from the single source.

function schemaScript(schema: string, databaseUrl: string): string {
  return execFileSync(
    path.join(ROOT, "node_modules", ".bin", "prisma"),
    ["migrate", "diff", "--from-empty", "--to-schema-datamodel", schema, "--script"],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
}

function describeSqlite(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db
      .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE '_ladder_%' AND name NOT LIKE 'sqlite_%' ORDER BY type, name")
      .all() as { type: string; name: string; sql: string | null }[];
    return rows.map((r) => `${r.type} ${r.name}: ${(r.sql ?? "").replace(/\s+/g, " ").trim()}`);
  } finally {
    db.close();
  }
}

async function describePostgres(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query(
      `SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name NOT LIKE '\\_ladder\\_%' ORDER BY table_name, column_name`,
    );
    const indexes = await client.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '\\_ladder\\_%' ORDER BY indexname`,
    );
    const constraints = await client.query(
      `SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
       WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT LIKE '\\_ladder\\_%' ORDER BY tbl, conname`,
    );
    return [
      ...columns.rows.map((r) => `column ${r.table_name}.${r.column_name} ${r.data_type} ${r.is_nullable} ${r.column_default ?? ""}`),
      ...indexes.rows.map((r) => `index ${r.indexname}: ${r.indexdef}`),
      ...constraints.rows.map((r) => `constraint ${r.tbl}.${r.conname}: ${r.def}`),
    ];
  } finally {
    await client.end();
  }
}

describe("schema drift", () => {
  it("prisma/postgres/schema.prisma is derived from prisma/schema.prisma", () => {
    expect(() =>
      execFileSync(process.execPath, [path.join(ROOT, "scripts", "derive-postgres-schema.mjs"), "--check"], { stdio: "pipe" }),
    ).not.toThrow();
  });

  it("SQLite: the committed migrations build the database the schema describes", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ladder-drift-"));
    try {
      const fromMigrations = path.join(dir, "migrations.db");
      const fromSchema = path.join(dir, "schema.db");
      await migrate(`file:${fromMigrations}`);
      const db = new Database(fromSchema);
      db.exec(schemaScript("prisma/schema.prisma", `file:${fromSchema}`));
      db.close();
      const expected = describeSqlite(fromSchema);
      expect(expected.length).toBeGreaterThan(10);
      expect(describeSqlite(fromMigrations)).toEqual(expected);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  const serverUrl = process.env.TEST_DATABASE_URL?.trim();
  it.runIf(Boolean(serverUrl))("PostgreSQL: the committed migrations build the database the schema describes", async () => {
    const server = serverUrl as string;
    const fromMigrations = await createPostgresDatabase(server, "ladder_drift_m");
    const fromSchema = await createPostgresDatabase(server, "ladder_drift_s");
    try {
      await migrate(fromMigrations);
      const client = new pg.Client({ connectionString: fromSchema });
      await client.connect();
      await client.query(schemaScript("prisma/postgres/schema.prisma", fromSchema));
      await client.end();
      const expected = await describePostgres(fromSchema);
      expect(expected.length).toBeGreaterThan(20);
      expect(await describePostgres(fromMigrations)).toEqual(expected);
    } finally {
      await dropPostgresDatabase(server, fromMigrations);
      await dropPostgresDatabase(server, fromSchema);
    }
  });
});
