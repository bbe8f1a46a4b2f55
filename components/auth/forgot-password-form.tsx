"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ApiError, fetchJson, retryMessage } from "@/components/auth/api";
import { buttonClass, FormMessage, TextField } from "@/components/ui/text-field";

export function ForgotPasswordForm() {
  const [email, setEmail] = useState("");
  const request = useMutation({
    mutationFn: (value: string) => fetchJson<{ message: string }>("/api/auth/password-reset", { method: "POST", json: { email: value } }),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (request.isPending) return;
    request.mutate(email);
  }

  const fieldError = request.error instanceof ApiError && request.error.field === "email" ? request.error.message.replace(/^\w+: /, "") : null;
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <TextField
        id="email"
        name="email"
        type="email"
        label="Email"
        hint="We will mail you a link to choose a new password."
        autoComplete="username"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={fieldError}
      />
      <FormMessage tone="error">{request.error && !fieldError ? retryMessage(request.error) : null}</FormMessage>
      <FormMessage tone="success">{request.isSuccess ? `${request.data.message} Check your inbox.` : null}</FormMessage>
      <button type="submit" className={`${buttonClass} w-full`} aria-disabled={request.isPending || undefined}>
        {request.isPending ? "Sending…" : "Send me a reset link"}
      </button>
    </form>
  );
}
