// Prisma 6.19 with the JavaScript engine and driver adapters: no native engine binaries
// are downloaded (they cannot be on these machines, see shared/STACK-NOTES.md).
// DATABASE_URL picks the provider: unset or file: → SQLite, postgresql:// → PostgreSQL.
import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import {
  migrationsPathFor,
  resolveDatabaseConfig,
  schemaPathFor,
} from "./lib/database-config.mjs";

const db = resolveDatabaseConfig(process.env.DATABASE_URL);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: schemaPathFor(db.provider),
  migrations: { path: migrationsPathFor(db.provider) },
  async adapter() {
    if (db.provider === "postgresql") {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaPg({ connectionString: db.url });
    }
    fs.mkdirSync(path.dirname(db.url), { recursive: true });
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSQLite3({ url: db.url });
  },
});
