"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { ApiError, errorMessage, fetchJson } from "@/components/api/fetch-json";
import { Button, buttonStyles } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { PasswordStrengthMeter } from "@/components/ui/password-strength-meter";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";

const linkClass = "font-medium text-blue-700 underline dark:text-blue-300";

export function ResetPasswordForm({ token }: { token: string }) {
  const [password, setPassword] = useState("");
  const reset = useMutation({
    mutationFn: (value: string) => fetchJson<{ message: string }>("/api/auth/password-reset/confirm", { method: "POST", json: { token, password: value } }),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (reset.isPending || reset.isSuccess) return;
    reset.mutate(password);
  }

  if (reset.isSuccess) {
    return (
      <div className="space-y-4">
        <FormMessage tone="success">{reset.data.message}</FormMessage>
        <Link href="/signin" className={`${buttonStyles.primary} w-full`}>
          Sign in
        </Link>
      </div>
    );
  }
  const error = reset.error instanceof ApiError ? reset.error : null;
  const passwordError = error?.field === "password" ? error.message.replace(/^\w+: /, "") : null;
  const linkError = error?.field === "token" ? error.message.replace(/^\w+: /, "") : null;
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <FormMessage tone="error">
        {linkError ? (
          <>
            {linkError}{" "}
            <Link href="/forgot-password" className="underline">
              Ask for a new link
            </Link>
          </>
        ) : reset.error && !passwordError ? (
          errorMessage(reset.error)
        ) : null}
      </FormMessage>
      <TextField
        id="new-password"
        name="password"
        type="password"
        label="New password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={passwordError}
        after={<PasswordStrengthMeter id="new-password-strength" password={password} />}
      />
      <Button type="submit" className="w-full" isBusy={reset.isPending}>
        {reset.isPending ? "Saving…" : "Set new password"}
      </Button>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Every device signed in to your account will be signed out. <Link href="/signin" className={linkClass}>Back to sign in</Link>
      </p>
    </form>
  );
}
