import { changePassword } from "@/lib/accounts/change-password";
import { ChangePasswordInput } from "@/lib/accounts/schemas";
import { clientIp, isSecureRequest } from "@/lib/auth/request-info";
import { requireUser } from "@/lib/auth/session";
import { serializeSessionCookie } from "@/lib/auth/session-cookie";
import { encodeSessionToken } from "@/lib/auth/session-token";
import { json, readJson, route } from "@/lib/http";

export const dynamic = "force-dynamic";

// Every earlier session ends; this device gets a new session cookie and stays signed in.
export const PUT = route(async (request) => {
  const user = await requireUser(request);
  const input = await readJson(request, ChangePasswordInput);
  const session = await changePassword(user.id, input, { ip: clientIp(request.headers), userAgent: request.headers.get("user-agent") });
  const cookie = serializeSessionCookie(await encodeSessionToken(session.claims), session.expiresAt, isSecureRequest(request));
  return json({ ok: true }, { headers: { "Set-Cookie": cookie } });
});
