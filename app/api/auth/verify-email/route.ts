import { confirmEmail } from "@/lib/accounts/email-verification";
import { VerifyEmailInput } from "@/lib/accounts/mail-schemas";
import { json, readJson, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const POST = route(async (request) => {
  const input = await readJson(request, VerifyEmailInput);
  const { email } = await confirmEmail(input);
  return json({ email, emailConfirmed: true });
});
