import type { Metadata } from "next";
import { TokenAction } from "@/components/auth/token-action";
import { FormMessage } from "@/components/ui/form-message";
import { isAppError } from "@/lib/errors";
import { describeUnsubscribeToken } from "@/lib/reminders/unsubscribe";

export const metadata: Metadata = { title: "Unsubscribe", referrer: "no-referrer", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The kind of mail the link switches off, or the reason it cannot. */
async function readLink(token: unknown): Promise<{ name: string } | { refusal: string }> {
  const fallback = "This unsubscribe link is not valid. You can choose which mails you get in your settings.";
  if (typeof token !== "string" || !token) return { refusal: fallback };
  try {
    return { name: (await describeUnsubscribeToken(token)).name };
  } catch (error) {
    if (isAppError(error)) return { refusal: error.message.replace(/^token: /, "") };
    throw error;
  }
}

// Opening the page changes nothing; the button does (mail scanners follow links).
export default async function UnsubscribePage({ searchParams }: { searchParams: SearchParams }) {
  const { token } = await searchParams;
  const link = await readLink(token);
  const name = "name" in link ? link.name : null;
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Unsubscribe</h1>
      <div className="mt-6">
        {name && typeof token === "string" ? (
          <>
            <p className="mb-4 text-slate-700 dark:text-slate-300">Stop getting {name}? Other mails stay as they are.</p>
            <TokenAction
              endpoint="/api/unsubscribe"
              token={token}
              buttonLabel="Unsubscribe"
              busyLabel="Unsubscribing…"
              doneMessage={`Done: you will no longer get ${name}. You can switch it back on in your settings.`}
              next={{ href: "/settings", label: "Go to your settings" }}
            />
          </>
        ) : (
          <FormMessage tone="error">{"refusal" in link ? link.refusal : null}</FormMessage>
        )}
      </div>
    </>
  );
}
