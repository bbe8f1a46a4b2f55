import { requireUser } from "@/lib/auth/session";
import { todayUtc } from "@/lib/clock";
import { exportChecklistCsv, exportUserData } from "@/lib/data-transfer";
import { exportQuerySchema } from "@/lib/data-transfer/schemas";
import { readQuery, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const user = await requireUser(request);
  const { format } = readQuery(request, exportQuerySchema);
  const stamp = todayUtc();
  if (format === "csv") {
    // The byte-order mark makes spreadsheet programs read the file as UTF-8.
    return new Response(`\uFEFF${await exportChecklistCsv(user.id)}`, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="ladder-checklist-${stamp}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  }
  // Compact, so the file stays within what an import takes (lib/data-transfer).
  return new Response(JSON.stringify(await exportUserData(user.id)), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="ladder-export-${stamp}.json"`,
      "Cache-Control": "no-store",
    },
  });
});
