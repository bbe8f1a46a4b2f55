"use client";

import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { errorMessage, fetchJson } from "@/components/api/fetch-json";
import { queryKeys } from "@/components/api/query-keys";
import { Button } from "@/components/ui/button";
import { type FieldErrors, TextField, toFieldErrors } from "@/components/ui/form-field";
import { type StatusText, StatusMessage } from "@/components/ui/form-message";
import type { CustomCertification } from "@/lib/certifications/types";

type Mode = "idle" | "rename" | "remove";

/** Rename or remove a certification the person added; removal asks first, and history keeps it. */
export function OwnCertificationActions({ id, title, issuer }: { id: string; title: string; issuer: string }) {
  const client = useQueryClient();
  const formId = useId();
  const [mode, setMode] = useState<Mode>("idle");
  const [draft, setDraft] = useState({ title, issuer });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<StatusText>(null);
  const [isBusy, setIsBusy] = useState(false);
  const url = `/api/certifications/${encodeURIComponent(id)}`;

  function close() {
    setMode("idle");
    setErrors({});
    // After the next render, when the buttons are back.
    setTimeout(() => document.getElementById(`${formId}-rename`)?.focus(), 0);
  }

  async function rename(event: FormEvent) {
    event.preventDefault();
    if (isBusy) return;
    // Loaded on the first rename, not with the dashboard (docs/decisions/017).
    const schemas = await import("@/lib/certifications/schemas").catch(() => null);
    if (!schemas) {
      setMessage({ isError: true, text: "The new name was not saved: could not reach the server. Check your connection and try again." });
      return;
    }
    const parsed = schemas.updateCertificationSchema.safeParse(draft);
    if (!parsed.success) {
      const found = toFieldErrors(parsed.error);
      setErrors(found);
      document.getElementById(`${formId}-${found.issuer && !found.title ? "issuer" : "title"}`)?.focus();
      return;
    }
    setIsBusy(true);
    try {
      const { certification } = await fetchJson<{ certification: CustomCertification }>(url, { method: "PATCH", body: JSON.stringify(parsed.data) });
      client.setQueryData<CustomCertification[]>(queryKeys.certifications, (list) => (list ?? []).map((c) => (c.id === id ? certification : c)));
      setMessage({ isError: false, text: `Renamed to "${certification.title}".` });
      close();
    } catch (error) {
      setMessage({ isError: true, text: `The new name was not saved: ${errorMessage(error)}` });
    } finally {
      setIsBusy(false);
    }
  }

  async function remove() {
    if (isBusy) return;
    setIsBusy(true);
    try {
      await fetchJson<undefined>(url, { method: "DELETE" });
      client.setQueryData<CustomCertification[]>(queryKeys.certifications, (list) => (list ?? []).filter((c) => c.id !== id));
      await Promise.all([client.invalidateQueries({ queryKey: queryKeys.progress }), client.invalidateQueries({ queryKey: queryKeys.ladder })]);
    } catch (error) {
      setMessage({ isError: true, text: `"${title}" was not removed: ${errorMessage(error)}` });
      setIsBusy(false);
    }
  }

  return (
    <div className="mt-2">
      {mode === "idle" ? (
        <div className="flex flex-wrap gap-2">
          <Button id={`${formId}-rename`} variant="secondary" onClick={() => { setDraft({ title, issuer }); setMode("rename"); setMessage(null); }}>
            Rename<span className="sr-only"> {title}</span>
          </Button>
          <Button variant="secondary" onClick={() => { setMode("remove"); setMessage(null); }}>
            Remove<span className="sr-only"> {title}</span>
          </Button>
        </div>
      ) : null}
      {mode === "rename" ? (
        <form onSubmit={rename} noValidate className="grid gap-3 sm:grid-cols-2" aria-label={`Rename ${title}`}>
          <TextField id={`${formId}-title`} label="Title" value={draft.title} error={errors.title} autoFocus onChange={(e) => setDraft({ ...draft, title: e.target.value })} />
          <TextField id={`${formId}-issuer`} label="Issuer" value={draft.issuer} error={errors.issuer} onChange={(e) => setDraft({ ...draft, issuer: e.target.value })} />
          <div className="flex flex-wrap gap-2 sm:col-span-2">
            <Button type="submit" isBusy={isBusy}>Save name</Button>
            <Button variant="secondary" onClick={close}>Cancel</Button>
          </div>
        </form>
      ) : null}
      {mode === "remove" ? (
        <fieldset className="rounded-md border border-red-300 p-3 dark:border-red-800">
          <legend className="sr-only">Remove {title}?</legend>
          <p className="text-sm">Remove &ldquo;{title}&rdquo; from your checklist? Its dates, note and link go with it; your history keeps its changes.</p>
          <div className="mt-2 flex flex-wrap gap-2">
            <Button variant="danger" isBusy={isBusy} autoFocus onClick={remove}>Remove it</Button>
            <Button variant="secondary" onClick={close}>Keep it</Button>
          </div>
        </fieldset>
      ) : null}
      <StatusMessage message={message} className="mt-1" />
    </div>
  );
}
