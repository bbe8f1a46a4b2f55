import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { FormMessage } from "@/components/ui/form-message";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const { token } = await searchParams;
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Choose a new password</h1>
      <div className="mt-6">
        {typeof token === "string" && token ? (
          <ResetPasswordForm token={token} />
        ) : (
          <FormMessage tone="error">
            This page needs the link from your mail.{" "}
            <Link href="/forgot-password" className="underline">
              Ask for a reset link
            </Link>
          </FormMessage>
        )}
      </div>
    </>
  );
}
