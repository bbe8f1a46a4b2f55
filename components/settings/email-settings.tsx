"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { ApiError, errorMessage, fetchJson } from "@/components/api/fetch-json";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";

type Props = { email: string; isConfirmed: boolean; hasPassword: boolean };

const CHANGE_FIELDS = [
  { name: "email", id: "new-email", type: "email", label: "New email", autoComplete: "email" },
  { name: "password", id: "change-email-password", type: "password", label: "Your password", autoComplete: "current-password" },
] as const;

/** The address's confirmation state, "send the link again", and changing the address. */
export function EmailSettings({ email, isConfirmed, hasPassword }: Props) {
  const router = useRouter();
  const [input, setInput] = useState({ email: "", password: "" });
  const resend = useMutation({ mutationFn: () => fetchJson("/api/account/email/confirmation", { method: "POST" }) });
  const change = useMutation({
    mutationFn: (value: typeof input) => fetchJson("/api/account/email", { method: "PUT", json: value }),
    onSuccess: () => {
      setInput({ email: "", password: "" });
      router.refresh();
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (change.isPending) return;
    change.mutate(input);
  }

  const fieldError = (field: "email" | "password") =>
    change.error instanceof ApiError && change.error.field === field ? change.error.message.replace(/^\w+: /, "") : null;
  const hasFieldError = Boolean(fieldError("email") || fieldError("password"));
  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <p className="break-words text-slate-700 dark:text-slate-300">
          <span className="font-medium text-slate-900 dark:text-slate-100">{email}</span>{" "}
          {isConfirmed ? "is confirmed." : "is not confirmed yet: reminders and the weekly digest wait until it is."}
        </p>
        {isConfirmed ? null : (
          <>
            <Button
              variant="secondary"
              isBusy={resend.isPending}
              onClick={() => {
                if (!resend.isPending) resend.mutate();
              }}
            >
              {resend.isPending ? "Sending…" : "Send the confirmation link again"}
            </Button>
            <FormMessage tone="error">{resend.error ? errorMessage(resend.error) : null}</FormMessage>
            <FormMessage tone="success">{resend.isSuccess ? `A new link is on its way to ${email}.` : null}</FormMessage>
          </>
        )}
      </div>
      {hasPassword ? (
        <form onSubmit={onSubmit} className="space-y-4" aria-labelledby="change-email-heading">
          <h3 id="change-email-heading" className="font-semibold">
            Change your email
          </h3>
          {CHANGE_FIELDS.map(({ name, ...field }) => (
            <TextField
              key={name}
              {...field}
              required
              value={input[name]}
              onChange={(event) => setInput({ ...input, [name]: event.target.value })}
              error={fieldError(name)}
            />
          ))}
          <FormMessage tone="error">{change.error && !hasFieldError ? errorMessage(change.error) : null}</FormMessage>
          <FormMessage tone="success">{change.isSuccess ? "Email changed. Follow the link we mailed to the new address to confirm it." : null}</FormMessage>
          <Button type="submit" isBusy={change.isPending}>
            {change.isPending ? "Changing…" : "Change email"}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
