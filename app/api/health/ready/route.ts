import { isDatabaseReachable } from "@/lib/db";
import { getLifecycle } from "@/lib/ops/lifecycle";

export const dynamic = "force-dynamic";

// Readiness, for a load balancer: 503 while the instance shuts down or cannot reach its
// database. Liveness stays GET /api/health.
export async function GET() {
  const headers = { "Cache-Control": "no-store" };
  if (getLifecycle().isDraining) return Response.json({ status: "draining" }, { status: 503, headers });
  const isOk = await isDatabaseReachable();
  return Response.json(isOk ? { status: "ready", db: "ok" } : { status: "error", db: "error" }, { status: isOk ? 200 : 503, headers });
}
