import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { todayUtc } from "@/lib/clock";
import { exportChecklistCsv, exportUserData } from "@/lib/export";
import { fromZodError, route } from "@/lib/http";

export const dynamic = "force-dynamic";

const querySchema = z.strictObject({ format: z.enum(["json", "csv"]).default("json") });

export const GET = route(async (request) => {
  const user = await requireUser(request);
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw fromZodError(query.error);
  const stamp = todayUtc();
  if (query.data.format === "csv") {
    // The byte-order mark makes spreadsheet programs read the file as UTF-8.
    return new Response(`\uFEFF${await exportChecklistCsv(user.id)}`, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="ladder-checklist-${stamp}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  }
  // Compact, so the file stays within what an import takes (lib/export).
  return new Response(JSON.stringify(await exportUserData(user.id)), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="ladder-export-${stamp}.json"`,
      "Cache-Control": "no-store",
    },
  });
});
