import { AppError } from "@/lib/errors";
import { json, readJson, readQuery, readTextLimited, route } from "@/lib/http";
import { UnsubscribeInput } from "@/lib/reminders/schemas";
import { unsubscribe } from "@/lib/reminders/unsubscribe";

export const dynamic = "force-dynamic";

// Two callers, no sign-in: a mail client's RFC 8058 one-click POST to the List-Unsubscribe URL
// (?token=…, form body "List-Unsubscribe=One-Click"), and the /unsubscribe page (JSON {token}).
export const POST = route(async (request) => {
  let token: string;
  if (new URL(request.url).search) {
    ({ token } = readQuery(request, UnsubscribeInput));
    if (!(await isOneClickBody(request))) {
      throw new AppError("invalid_input", 'The body must be "List-Unsubscribe=One-Click" (RFC 8058).');
    }
  } else {
    ({ token } = await readJson(request, UnsubscribeInput, 1024));
  }
  const { setting, name } = await unsubscribe(token);
  return json({ setting, unsubscribed: true, message: `You will no longer get ${name}.` });
});

/** RFC 8058 allows the body as application/x-www-form-urlencoded or multipart/form-data. */
async function isOneClickBody(request: Request): Promise<boolean> {
  const contentType = request.headers.get("content-type") ?? "";
  const text = await readTextLimited(request, 2048);
  if (contentType.startsWith("multipart/form-data")) {
    const form = await new Response(text, { headers: { "content-type": contentType } }).formData().catch(() => null);
    return form?.get("List-Unsubscribe") === "One-Click";
  }
  return text.trim() === "List-Unsubscribe=One-Click";
}
