import { changeEmail } from "@/lib/accounts/email-verification";
import { ChangeEmailInput } from "@/lib/accounts/mail-schemas";
import { clientIp } from "@/lib/auth/request-info";
import { requireUser } from "@/lib/auth/session";
import { json, readJson, route } from "@/lib/http";
import { appOrigin } from "@/lib/mail/links";

export const dynamic = "force-dynamic";

export const PUT = route(async (request) => {
  const user = await requireUser(request);
  const input = await readJson(request, ChangeEmailInput);
  const result = await changeEmail(user.id, input, { ip: clientIp(request.headers), origin: appOrigin(request) });
  return json(result);
});
