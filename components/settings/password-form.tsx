"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ApiError, errorMessage, fetchJson } from "@/components/api/fetch-json";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { NewPasswordField } from "@/components/ui/new-password-field";

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
      <NewPasswordField
        value={input.newPassword}
        onValueChange={(newPassword) => setInput({ ...input, newPassword })}
        error={fieldError("newPassword")}
        email={email}
        personName={name ?? undefined}
      />
      <FormMessage tone="error">{change.error && !hasFieldError ? errorMessage(change.error) : null}</FormMessage>
      <FormMessage tone="success">{change.isSuccess ? "Password changed. Every other device has been signed out." : null}</FormMessage>
      <Button type="submit" isBusy={change.isPending}>
        {change.isPending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
