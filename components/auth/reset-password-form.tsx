"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { ApiError, errorMessage, fetchJson } from "@/components/api/fetch-json";
import { Button, buttonStyles } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { NewPasswordField } from "@/components/ui/new-password-field";

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
      <NewPasswordField name="password" value={password} onValueChange={setPassword} error={passwordError} />
      <Button type="submit" className="w-full" isBusy={reset.isPending}>
        {reset.isPending ? "Saving…" : "Set new password"}
      </Button>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Every device signed in to your account will be signed out. <Link href="/signin" className={linkClass}>Back to sign in</Link>
      </p>
    </form>
  );
}
