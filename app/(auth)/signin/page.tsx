import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { FormMessage } from "@/components/ui/form-message";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { configuredOAuthProviders } from "@/lib/auth/options";
import { getSessionUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const ERRORS: Record<string, string> = {
  CredentialsSignin: "Wrong email or password.",
  csrf: "Your sign-in form expired. Please try again.",
  OAuthAccountNotLinked: "An account with this email already exists. Sign in with your email and password.",
  AccessDenied: "Access was denied.",
  SessionRequired: "Please sign in to continue.",
};

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(first(params.callbackUrl));
  if (await getSessionUser()) redirect(callbackUrl);
  const errorCode = first(params.error);
  const error = errorCode ? (ERRORS[errorCode] ?? "Signing in did not work. Please try again.") : null;
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Sign in to Ladder</h1>
      {first(params.signedOut) ? (
        <div className="mt-4">
          <FormMessage tone="success">You are signed out.</FormMessage>
        </div>
      ) : null}
      <div className="mt-6">
        <SignInForm callbackUrl={callbackUrl} initialError={error} oauthProviders={configuredOAuthProviders()} />
      </div>
    </>
  );
}
