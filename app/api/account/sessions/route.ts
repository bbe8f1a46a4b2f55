import { signOutEverywhere } from "@/lib/accounts/sign-out-everywhere";
import { requireUser } from "@/lib/auth/session";
import { isSecureRequest } from "@/lib/auth/request-info";
import { clearSessionCookies } from "@/lib/auth/session-cookie";
import { route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** "Sign out everywhere": ends every session of the user, this one included. */
export const DELETE = route(async (request) => {
  const user = await requireUser(request);
  await signOutEverywhere(user.id);
  const headers = new Headers({ "Cache-Control": "no-store" });
  for (const cookie of clearSessionCookies(isSecureRequest(request))) headers.append("Set-Cookie", cookie);
  return new Response(null, { status: 204, headers });
});
