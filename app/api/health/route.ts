import { isDatabaseReachable } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET() {
  const isOk = await isDatabaseReachable();
  return Response.json(
    isOk ? { status: "ok", db: "ok" } : { status: "error", db: "error" },
    { status: isOk ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
