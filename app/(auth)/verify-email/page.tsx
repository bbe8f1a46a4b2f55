import type { Metadata } from "next";
import { TokenAction } from "@/components/auth/token-action";
import { FormMessage } from "@/components/ui/form-message";

export const metadata: Metadata = { title: "Confirm your email", referrer: "no-referrer" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function VerifyEmailPage({ searchParams }: { searchParams: SearchParams }) {
  const { token } = await searchParams;
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Confirm your email</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">Reminders and the weekly digest go only to a confirmed address.</p>
      <div className="mt-6">
        {typeof token === "string" && token ? (
          <TokenAction
            endpoint="/api/auth/verify-email"
            token={token}
            buttonLabel="Confirm my email"
            busyLabel="Confirming…"
            doneMessage="Thank you: your email address is confirmed."
            next={{ href: "/settings", label: "Go to your settings" }}
          />
        ) : (
          <FormMessage tone="error">This page needs the link from your mail. Settings can send it again.</FormMessage>
        )}
      </div>
    </>
  );
}
