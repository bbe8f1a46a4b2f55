"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { ApiError, errorMessage, fetchJson } from "@/components/api/fetch-json";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { NAME_MAX_LENGTH } from "@/lib/accounts/schemas";

export function ProfileForm({ initialName, email }: { initialName: string | null; email: string }) {
  const router = useRouter();
  const [name, setName] = useState(initialName ?? "");
  const save = useMutation({
    mutationFn: (value: string) => fetchJson("/api/account", { method: "PATCH", json: { name: value } }),
    onSuccess: () => router.refresh(),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    save.mutate(name);
  }

  const fieldError = save.error instanceof ApiError && save.error.field === "name" ? save.error.message.replace(/^name: /, "") : null;
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <p className="text-slate-700 dark:text-slate-300">
        Signed in as <span className="font-medium text-slate-900 dark:text-slate-100">{email}</span>
      </p>
      <TextField id="profile-name" label="Name" autoComplete="name" maxLength={NAME_MAX_LENGTH} value={name} onChange={(event) => setName(event.target.value)} error={fieldError} />
      <FormMessage tone="error">{save.error && !fieldError ? errorMessage(save.error) : null}</FormMessage>
      <FormMessage tone="success">{save.isSuccess ? "Name saved." : null}</FormMessage>
      <Button type="submit" isBusy={save.isPending}>
        {save.isPending ? "Saving…" : "Save name"}
      </Button>
    </form>
  );
}
