import { startEmailConfirmation } from "@/lib/accounts/email-verification";
import { registerUser } from "@/lib/accounts/register-user";
import { RegisterInput } from "@/lib/accounts/schemas";
import { clientIp } from "@/lib/auth/request-info";
import { json, readJson, route } from "@/lib/http";
import { appOrigin } from "@/lib/mail/links";

export const dynamic = "force-dynamic";

export const POST = route(async (request) => {
  const input = await readJson(request, RegisterInput);
  const user = await registerUser(input, { ip: clientIp(request.headers) });
  startEmailConfirmation(user.id, appOrigin(request));
  return json({ user }, { status: 201 });
});
