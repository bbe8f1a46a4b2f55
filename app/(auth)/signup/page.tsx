import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { getSessionUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Create your account" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const raw = params.callbackUrl;
  const callbackUrl = safeCallbackPath(Array.isArray(raw) ? raw[0] : raw);
  if (await getSessionUser()) redirect(callbackUrl);
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Create your Ladder account</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">Track your steps toward Machine Learning Engineer and beyond.</p>
      <div className="mt-6">
        <SignUpForm callbackUrl={callbackUrl} />
      </div>
    </>
  );
}
