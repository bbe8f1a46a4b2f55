import { AppError } from "@/lib/errors";
import { json, readJson, readTextLimited, route } from "@/lib/http";
import { UnsubscribeInput } from "@/lib/reminders/schemas";
import { unsubscribe } from "@/lib/reminders/unsubscribe";

export const dynamic = "force-dynamic";

// Two callers, no sign-in: a mail client's RFC 8058 one-click POST to the List-Unsubscribe URL
// (?token=…, form body "List-Unsubscribe=One-Click"), and the /unsubscribe page (JSON {token}).
export const POST = route(async (request) => {
  const queryToken = new URL(request.url).searchParams.get("token");
  let token: string;
  if (queryToken !== null) {
    const body = (await readTextLimited(request, 1024)).trim();
    if (body !== "List-Unsubscribe=One-Click") {
      throw new AppError("invalid_input", 'The body must be "List-Unsubscribe=One-Click" (RFC 8058).');
    }
    token = queryToken;
  } else {
    ({ token } = await readJson(request, UnsubscribeInput, 1024));
  }
  const { setting, name } = await unsubscribe(token);
  return json({ setting, unsubscribed: true, message: `You will no longer get ${name}.` });
});
