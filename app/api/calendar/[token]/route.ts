import { buildCalendarFeed, findCalendarOwner } from "@/lib/calendar";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** The feed behind a secret link ("<token>.ics"); unknown or revoked links are 404. */
export const GET = route<{ params: Promise<{ token: string }> }>(async (_request, { params }) => {
  const { token } = await params;
  const userId = token.endsWith(".ics") ? await findCalendarOwner(token.slice(0, -".ics".length)) : null;
  if (!userId) throw new AppError("not_found", "There is no calendar at this address.");
  return new Response(await buildCalendarFeed(userId), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": "private, no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
});
