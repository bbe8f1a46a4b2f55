"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ApiError, fetchJson, retryMessage } from "@/components/auth/api";
import { PasswordStrengthMeter } from "@/components/auth/password-strength-meter";
import { buttonClass, FormMessage, TextField } from "@/components/ui/text-field";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-policy";

type Input = { currentPassword: string; newPassword: string };

export function PasswordForm({ email, name }: { email: string; name: string | null }) {
  const [input, setInput] = useState<Input>({ currentPassword: "", newPassword: "" });
  const change = useMutation({
    mutationFn: (value: Input) => fetchJson("/api/account/password", { method: "PUT", json: value }),
    onSuccess: () => setInput({ currentPassword: "", newPassword: "" }),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (change.isPending) return;
    change.mutate(input);
  }

  const fieldError = (field: keyof Input) =>
    change.error instanceof ApiError && change.error.field === field ? change.error.message.replace(/^\w+: /, "") : null;
  const hasFieldError = Boolean(fieldError("currentPassword") || fieldError("newPassword"));
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        id="current-password"
        type="password"
        label="Current password"
        autoComplete="current-password"
        required
        value={input.currentPassword}
        onChange={(event) => setInput({ ...input, currentPassword: event.target.value })}
        error={fieldError("currentPassword")}
      />
      <TextField
        id="new-password"
        type="password"
        label="New password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        value={input.newPassword}
        onChange={(event) => setInput({ ...input, newPassword: event.target.value })}
        error={fieldError("newPassword")}
        after={<PasswordStrengthMeter id="new-password-strength" password={input.newPassword} email={email} name={name ?? undefined} />}
      />
      <FormMessage tone="error">{change.error && !hasFieldError ? retryMessage(change.error) : null}</FormMessage>
      <FormMessage tone="success">{change.isSuccess ? "Password changed. Every other device has been signed out." : null}</FormMessage>
      <button type="submit" className={buttonClass} aria-disabled={change.isPending || undefined}>
        {change.isPending ? "Changing…" : "Change password"}
      </button>
    </form>
  );
}
