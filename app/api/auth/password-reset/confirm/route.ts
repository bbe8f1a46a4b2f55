import { PasswordResetConfirmInput } from "@/lib/accounts/mail-schemas";
import { resetPassword } from "@/lib/accounts/password-reset";
import { json, readJson, route } from "@/lib/http";
import { appOrigin } from "@/lib/mail/links";

export const dynamic = "force-dynamic";

export const POST = route(async (request) => {
  const input = await readJson(request, PasswordResetConfirmInput);
  await resetPassword(input, { origin: appOrigin(request) });
  return json({ message: "Your password is changed and every device is signed out. Sign in with the new password." });
});
