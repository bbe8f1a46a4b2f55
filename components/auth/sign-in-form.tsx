"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { ApiError, retryMessage, signInWithPassword, startOAuthSignIn } from "@/components/auth/api";
import { buttonClass, FormMessage, secondaryButtonClass, TextField } from "@/components/ui/text-field";

type Props = {
  callbackUrl: string;
  /** An error carried in the URL (e.g. back from an OAuth provider), already in words. */
  initialError: string | null;
  oauthProviders: { id: string; name: string }[];
};

export function SignInForm({ callbackUrl, initialError, oauthProviders }: Props) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const signIn = useMutation({
    mutationFn: signInWithPassword,
    // A full page load, so the signed-in pages render with the new session cookie.
    onSuccess: (url) => window.location.assign(url),
  });
  const oauth = useMutation({
    mutationFn: (providerId: string) => startOAuthSignIn(providerId, callbackUrl),
    onSuccess: (url) => window.location.assign(url),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isBusy) return;
    signIn.mutate({ email, password, callbackUrl });
  }

  const error = signIn.error ?? oauth.error;
  const message = error ? describeSignInError(error) : signIn.isIdle && oauth.isIdle ? initialError : null;
  const isBusy = signIn.isPending || signIn.isSuccess || oauth.isPending || oauth.isSuccess;

  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} className="space-y-4" aria-describedby={message ? "signin-error" : undefined}>
        <div id="signin-error">
          <FormMessage tone="error">{message}</FormMessage>
        </div>
        <TextField
          id="email"
          name="email"
          type="email"
          label="Email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          id="password"
          name="password"
          type="password"
          label="Password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <p className="text-sm">
          <Link href="/forgot-password" className="font-medium text-blue-700 underline dark:text-blue-300">
            Forgot your password?
          </Link>
        </p>
        <button type="submit" className={`${buttonClass} w-full`} aria-disabled={isBusy || undefined}>
          {signIn.isPending || signIn.isSuccess ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {oauthProviders.length > 0 ? (
        <div className="space-y-2">
          <p className="text-center text-sm text-slate-700 dark:text-slate-300">or</p>
          {oauthProviders.map((provider) => (
            <button
              key={provider.id}
              type="button"
              className={`${secondaryButtonClass} w-full`}
              disabled={isBusy}
              onClick={() => oauth.mutate(provider.id)}
            >
              Continue with {provider.name}
            </button>
          ))}
        </div>
      ) : null}
      <p className="text-sm text-slate-700 dark:text-slate-300">
        New here?{" "}
        <Link href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-medium text-blue-700 underline dark:text-blue-300">
          Create an account
        </Link>
      </p>
    </div>
  );
}

function describeSignInError(error: unknown): string {
  if (error instanceof ApiError && error.code === "invalid_credentials") return "Wrong email or password.";
  return retryMessage(error);
}
