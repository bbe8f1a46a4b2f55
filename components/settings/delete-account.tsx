"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ApiError, errorMessage, fetchJson } from "@/components/api/fetch-json";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";

export function DeleteAccount({ hasPassword }: { hasPassword: boolean }) {
  const [confirmation, setConfirmation] = useState("");
  const remove = useMutation({
    mutationFn: (value: string) =>
      fetchJson("/api/account", { method: "DELETE", json: hasPassword ? { password: value } : { confirmEmail: value } }),
    onSuccess: () => window.location.assign("/"),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    remove.mutate(confirmation);
  }

  const field = hasPassword ? "password" : "confirmEmail";
  const fieldError = remove.error instanceof ApiError && remove.error.field === field ? remove.error.message.replace(/^\w+: /, "") : null;
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <p className="text-slate-700 dark:text-slate-300">
        Deletes your account, your progress, its history and your own certifications, for good. This cannot be undone. You can{" "}
        <a href="#your-data" className="text-blue-700 underline underline-offset-2 dark:text-blue-300">
          download your data
        </a>{" "}
        first.
      </p>
      <TextField
        id="delete-confirmation"
        type={hasPassword ? "password" : "email"}
        label={hasPassword ? "Your password" : "Your email address"}
        autoComplete={hasPassword ? "current-password" : "off"}
        required
        value={confirmation}
        onChange={(event) => setConfirmation(event.target.value)}
        error={fieldError}
      />
      <FormMessage tone="error">{remove.error && !fieldError ? errorMessage(remove.error) : null}</FormMessage>
      <Button type="submit" variant="danger" disabled={remove.isPending || remove.isSuccess}>
        {remove.isPending || remove.isSuccess ? "Deleting…" : "Delete my account"}
      </Button>
    </form>
  );
}
