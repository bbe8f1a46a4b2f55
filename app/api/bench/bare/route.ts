import { notFound } from "next/navigation";
import { getEnv } from "@/lib/env";

// The benchmark's baseline: a dynamic route handler with no auth and no database. Served
// only when BENCH_ROUTES=1 (npm run bench sets it); 404 otherwise.
export const dynamic = "force-dynamic";

export function GET() {
  if (!getEnv().BENCH_ROUTES) notFound();
  return Response.json({ ok: true });
}
