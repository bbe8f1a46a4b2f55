"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ApiError, errorMessage, fetchJson } from "@/components/api/fetch-json";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";

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
      <FormMessage tone="error">{request.error && !fieldError ? errorMessage(request.error) : null}</FormMessage>
      <FormMessage tone="success">{request.isSuccess ? `${request.data.message} Check your inbox.` : null}</FormMessage>
      <Button type="submit" className="w-full" isBusy={request.isPending}>
        {request.isPending ? "Sending…" : "Send me a reset link"}
      </Button>
    </form>
  );
}
