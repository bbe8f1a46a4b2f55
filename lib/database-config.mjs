// Which database the app talks to, derived from DATABASE_URL alone. Plain JavaScript so
// that scripts/*.mjs (start, migrate) share it with the app and prisma.config.ts.
import path from "node:path";

export const DEFAULT_SQLITE_FILE = "data/ladder.db";

/** @param {string | undefined} databaseUrl @param {string} [cwd] */
export function resolveDatabaseConfig(databaseUrl, cwd = process.cwd()) {
  const raw = databaseUrl?.trim();
  if (!raw) {
    return { provider: "sqlite", url: path.resolve(cwd, DEFAULT_SQLITE_FILE) };
  }
  if (/^postgres(ql)?:\/\//i.test(raw)) {
    return { provider: "postgresql", url: raw };
  }
  if (raw.startsWith("file:")) {
    const file = raw.slice("file:".length).split("?")[0] ?? "";
    if (!file) throw new Error("DATABASE_URL=file: needs a path, e.g. file:./data/ladder.db");
    return { provider: "sqlite", url: path.resolve(cwd, file) };
  }
  throw new Error(
    "DATABASE_URL must start with postgresql://, postgres:// or file: (leave it unset for the embedded SQLite database)",
  );
}

/** @param {"sqlite" | "postgresql"} provider */
export function schemaPathFor(provider) {
  return provider === "postgresql" ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma";
}

/** @param {"sqlite" | "postgresql"} provider */
export function migrationsPathFor(provider) {
  return provider === "postgresql" ? "prisma/postgres/migrations" : "prisma/migrations";
}
