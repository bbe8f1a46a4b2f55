import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { resolveDatabaseConfig } from "@/lib/database-config.mjs";
import { type Db, type RowReader, readRows, sql } from "@/lib/db";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgres/client";
import { PrismaClient as SqliteClient } from "@/lib/generated/sqlite/client";

type Holder = { __ladderDb?: { db?: Db; reader?: RowReader } };

/**
 * Runs `fn` while getDb() returns a client on the same test database that logs every SQL
 * statement the driver adapter sends, and while readRows() (lib/db's fast read path) logs
 * the statements it sends too, and returns those statements. Real queries against the real
 * database, counted where they are handed to the driver.
 */
export async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: string[] }> {
  const config = resolveDatabaseConfig(process.env.DATABASE_URL);
  const log = [{ emit: "event", level: "query" }] as const;
  const client =
    config.provider === "postgresql"
      ? (new PostgresClient({ adapter: new PrismaPg({ connectionString: config.url, max: 2 }), log: [...log] }) as unknown as SqliteClient)
      : new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: config.url }), log: [...log] });
  const queries: string[] = [];
  (client as unknown as { $on: (event: "query", cb: (e: { query: string }) => void) => void }).$on("query", (e) => {
    queries.push(e.query);
  });
  await readRows(sql`SELECT 1`);
  const holder = (globalThis as Holder).__ladderDb;
  if (!holder?.reader) throw new Error("lib/db has not been loaded yet");
  const original = holder.db;
  const originalReader = holder.reader;
  holder.db = client;
  holder.reader = (query) => {
    queries.push(query.sql);
    return originalReader(query);
  };
  try {
    const result = await fn();
    return { result, queries };
  } finally {
    holder.db = original;
    holder.reader = originalReader;
    await client.$disconnect();
  }
}
