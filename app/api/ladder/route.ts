import { requireUserReading } from "@/lib/auth/session";
import { todayUtc } from "@/lib/clock";
import { json, route } from "@/lib/http";
import { ladderPositionFrom, userProgressQuery } from "@/lib/progress";

export const dynamic = "force-dynamic";

// The session check and the read in one statement (lib/auth/session.ts requireUserReading).
export const GET = route(async (request) => {
  const { rows } = await requireUserReading(request, userProgressQuery);
  return json(ladderPositionFrom(rows, todayUtc()));
});
