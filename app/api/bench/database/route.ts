import { getDatabaseDurability } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { json, route } from "@/lib/http";

// The bench checks durability here before it reports: figures measured with SQLite's
// synchronous below FULL (or PostgreSQL without synchronous commits) would flatter every
// write (decision record 004). Served only when BENCH_ROUTES=1; 404 otherwise.
export const dynamic = "force-dynamic";

export const GET = route(async () => {
  if (!getEnv().BENCH_ROUTES) throw new AppError("not_found", "There is no such API endpoint.");
  return json(await getDatabaseDurability());
});
