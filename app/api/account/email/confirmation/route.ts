import { resendEmailConfirmation } from "@/lib/accounts/email-verification";
import { clientIp } from "@/lib/auth/request-info";
import { requireUser } from "@/lib/auth/session";
import { json, route } from "@/lib/http";
import { appOrigin } from "@/lib/mail/links";

export const dynamic = "force-dynamic";

// Sends the confirmation link again (settings, "Send the link again").
export const POST = route(async (request) => {
  const user = await requireUser(request);
  await resendEmailConfirmation(user.id, { ip: clientIp(request.headers), origin: appOrigin(request) });
  return json({ message: "A new confirmation link is on its way." }, { status: 202 });
});
