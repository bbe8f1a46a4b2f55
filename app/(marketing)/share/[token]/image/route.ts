import { todayUtc } from "@/lib/clock";
import { getSharedPlan } from "@/lib/share";
import { SHARE_HEADERS } from "@/lib/share/headers";
import { renderSharePreview } from "@/lib/share/preview-image";

export const dynamic = "force-dynamic";

/** The Open Graph image of a share page; 404 once the link is rotated or turned off. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  const plan = await getSharedPlan(token, todayUtc());
  if (!plan) return new Response("Not found", { status: 404, headers: { ...SHARE_HEADERS, "Content-Type": "text/plain; charset=utf-8" } });
  const png = await renderSharePreview(plan);
  return new Response(Buffer.from(png), { status: 200, headers: { ...SHARE_HEADERS, "Content-Type": "image/png" } });
}
