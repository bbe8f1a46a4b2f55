import { deleteAccount } from "@/lib/accounts/delete-account";
import { getAccount } from "@/lib/accounts/get-account";
import { DeleteAccountInput, UpdateProfileInput } from "@/lib/accounts/schemas";
import { updateProfile } from "@/lib/accounts/update-profile";
import { clientIp, isSecureRequest } from "@/lib/auth/request-info";
import { requireUser } from "@/lib/auth/session";
import { clearSessionCookies } from "@/lib/auth/session-cookie";
import { json, readJson, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const GET = route(async (request) => {
  const user = await requireUser(request);
  return json({ account: await getAccount(user.id) });
});

export const PATCH = route(async (request) => {
  const user = await requireUser(request);
  const input = await readJson(request, UpdateProfileInput);
  return json({ account: await updateProfile(user.id, input) });
});

export const DELETE = route(async (request) => {
  const user = await requireUser(request);
  const input = await readJson(request, DeleteAccountInput);
  await deleteAccount(user.id, input, { ip: clientIp(request.headers) });
  const headers = new Headers({ "Cache-Control": "no-store" });
  for (const cookie of clearSessionCookies(isSecureRequest(request))) headers.append("Set-Cookie", cookie);
  return new Response(null, { status: 204, headers });
});
