import { PasswordResetRequestInput } from "@/lib/accounts/mail-schemas";
import { requestPasswordReset } from "@/lib/accounts/password-reset";
import { clientIp } from "@/lib/auth/request-info";
import { json, readJson, route } from "@/lib/http";
import { appOrigin } from "@/lib/mail/links";

export const dynamic = "force-dynamic";

// The same 202 and body whether or not an account uses the address (the mail goes out after the response).
export const POST = route(async (request) => {
  const { email } = await readJson(request, PasswordResetRequestInput);
  await requestPasswordReset(email, { ip: clientIp(request.headers), origin: appOrigin(request) });
  return json({ message: "If an account uses this address, a link to reset its password is on its way. It works for 30 minutes." }, { status: 202 });
});
