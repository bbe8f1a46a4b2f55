import { requireUser } from "@/lib/auth/session";
import { json, MAX_JSON_BYTES, readJson, readTextLimited, route } from "@/lib/http";
import { appOrigin } from "@/lib/mail/links";
import { createShareLink, deleteShareLink, getShareSettings, SHARE_PATH, updateShareSettings } from "@/lib/share";
import { shareCreateSchema, shareUpdateSchema } from "@/lib/share/schemas";
import { parseInput } from "@/lib/validation";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const user = await requireUser(request);
  return json({ share: await getShareSettings(user.id) });
});

/** Turns the public page on, or rotates its link; the link is in this answer only. */
export const POST = route(async (request) => {
  const user = await requireUser(request);
  const text = await readTextLimited(request, MAX_JSON_BYTES);
  let body: unknown = {};
  if (text.trim() !== "") {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  const input = parseInput(shareCreateSchema, body);
  const { token, share } = await createShareLink(user.id, input);
  return json({ url: `${appOrigin(request)}${SHARE_PATH}${token}`, share }, { status: 201 });
});

export const PATCH = route(async (request) => {
  const user = await requireUser(request);
  const input = await readJson(request, shareUpdateSchema);
  return json({ share: await updateShareSettings(user.id, input) });
});

export const DELETE = route(async (request) => {
  const user = await requireUser(request);
  await deleteShareLink(user.id);
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});
