"use client";

import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { ProgressUpdateInput } from "@/lib/progress/schemas";
import type { CustomCertification } from "@/lib/certifications/types";
import type { ProgressItem } from "@/lib/progress/types";
import { ApiError, errorMessage, fetchJson } from "@/components/api/fetch-json";
import { queryKeys } from "@/components/api/query-keys";
import { Button } from "@/components/ui/button";
import { type FieldErrors, FormField, inputClass, toFieldErrors } from "@/components/ui/form-field";
import { type StatusText, StatusMessage } from "@/components/ui/form-message";
import { putItem, recomputeLadder } from "./progress-cache";

/** A certification the article does not list; it counts toward "Pursue Advanced Certifications" like the listed ones. */
export function AddCertificationForm({ today }: { today: string }) {
  const client = useQueryClient();
  const [title, setTitle] = useState("");
  const [issuer, setIssuer] = useState("");
  const [isEarned, setIsEarned] = useState(true);
  const [completedOn, setCompletedOn] = useState("");
  const [expiresOn, setExpiresOn] = useState("");
  const [evidenceUrl, setEvidenceUrl] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<StatusText>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (isBusy) return;
    setMessage(null);
    setIsBusy(true);
    // The schemas (and zod) load on the first submit, not with the dashboard (docs/decisions/017).
    const schemas = await Promise.all([import("@/lib/certifications/schemas"), import("@/lib/progress/schemas")]).catch(() => null);
    if (!schemas) {
      setIsBusy(false);
      setMessage({ isError: true, text: "Not added: could not reach the server. Check your connection and try again." });
      return;
    }
    const [{ createCertificationSchema }, { progressUpdateSchema }] = schemas;
    const cert = createCertificationSchema.safeParse({ title, issuer });
    const progress: ProgressUpdateInput = {
      status: isEarned ? "done" : "in_progress",
      completedOn: completedOn || null,
      expiresOn: expiresOn || null,
      evidenceUrl: evidenceUrl.trim() || null,
    };
    const checked = progressUpdateSchema.safeParse(progress);
    // Both checked before anything is sent, so bad dates never leave a half-added certification.
    const found = { ...(cert.success ? {} : toFieldErrors(cert.error)), ...(checked.success ? {} : toFieldErrors(checked.error)) };
    setErrors(found);
    if (!cert.success || !checked.success) {
      setIsBusy(false);
      return;
    }

    try {
      const { certification } = await fetchJson<{ certification: CustomCertification }>("/api/certifications", {
        method: "POST",
        body: JSON.stringify(cert.data),
      });
      client.setQueryData<CustomCertification[]>(queryKeys.certifications, (list) => [...(list ?? []), certification]);
      try {
        const { item } = await fetchJson<{ item: ProgressItem }>(`/api/progress/${encodeURIComponent(certification.id)}`, {
          method: "PUT",
          body: JSON.stringify(progress),
        });
        putItem(client, item);
        setMessage({ isError: false, text: `Added "${certification.title}".` });
        // The new item above pushes the form down: keep the focused button in view.
        requestAnimationFrame(() => (document.activeElement as HTMLElement | null)?.scrollIntoView({ block: "nearest" }));
      } catch (error) {
        setMessage({ isError: true, text: `Added "${certification.title}", but its status and dates were not saved: ${errorMessage(error)} Set them on the item above.` });
      }
      recomputeLadder(client, today);
      setTitle("");
      setIssuer("");
      setCompletedOn("");
      setExpiresOn("");
      setEvidenceUrl("");
      void client.invalidateQueries({ queryKey: queryKeys.ladder });
    } catch (error) {
      if (error instanceof ApiError && error.field) setErrors({ [error.field]: error.message.replace(/^[\w.]+: /, "") });
      setMessage({ isError: true, text: `Not added: ${errorMessage(error)}` });
    } finally {
      setIsBusy(false);
    }
  }

  // The form is rendered once its details are first opened, then kept (with what was typed):
  // closed, its 30 elements were rendered by the server on every dashboard request for no one
  // to see (docs/decisions/025). Rendered from the summary's click (Enter and Space click it
  // too), which React renders before the next key is handled: the details' toggle event comes
  // later, in a task of its own, and a Tab pressed before it skipped the form's first field.
  // The toggle still renders it when the details open any other way (find in page).
  const [hasOpened, setHasOpened] = useState(false);
  return (
    <details
      className="mt-4 rounded-lg border border-dashed border-slate-300 p-4 dark:border-slate-700"
      onToggle={(e) => {
        if (e.currentTarget.open) setHasOpened(true);
      }}
    >
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a summary is the details' own control (keyboard and screen readers included); the click only renders the form sooner */}
      <summary
        onClick={() => setHasOpened(true)}
        className="flex min-h-11 cursor-pointer items-center font-medium text-blue-700 sm:list-item sm:min-h-0 dark:text-blue-300"
      >
        Add a certification of your own
      </summary>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        It counts toward &ldquo;Pursue Advanced Certifications&rdquo; like the listed ones while it is done and not expired.
      </p>
      {hasOpened ? (
        <form onSubmit={onSubmit} noValidate className="mt-3 grid gap-3 sm:grid-cols-2">
          <FormField id="new-cert-title" label="Title" error={errors.title}>
            {(props) => <input {...props} required value={title} onChange={(e) => setTitle(e.target.value)} className={inputClass} />}
          </FormField>
          <FormField id="new-cert-issuer" label="Issuer" error={errors.issuer}>
            {(props) => <input {...props} required value={issuer} onChange={(e) => setIssuer(e.target.value)} className={inputClass} />}
          </FormField>
          <div className="flex items-center gap-2 sm:col-span-2">
            <input id="new-cert-earned" type="checkbox" checked={isEarned} onChange={(e) => setIsEarned(e.target.checked)} className="h-4 w-4" />
            <label htmlFor="new-cert-earned" className="flex min-h-11 items-center text-sm">
              I have earned it (otherwise it is added as in progress)
            </label>
          </div>
          <FormField id="new-cert-completedOn" label="Earned on" error={errors.completedOn}>
            {(props) => <input {...props} type="date" value={completedOn} onChange={(e) => setCompletedOn(e.target.value)} className={inputClass} />}
          </FormField>
          <FormField id="new-cert-expiresOn" label="Expires on" hint="Leave empty if it does not expire." error={errors.expiresOn}>
            {(props) => <input {...props} type="date" value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} className={inputClass} />}
          </FormField>
          <div className="sm:col-span-2">
            <FormField id="new-cert-evidenceUrl" label="Evidence link" hint="Optional; starts with https:// or http://." error={errors.evidenceUrl}>
              {(props) => <input {...props} type="url" inputMode="url" value={evidenceUrl} onChange={(e) => setEvidenceUrl(e.target.value)} className={inputClass} />}
            </FormField>
          </div>
          <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
            <Button type="submit" isBusy={isBusy}>
              {isBusy ? "Adding…" : "Add certification"}
            </Button>
            <StatusMessage message={message} />
          </div>
        </form>
      ) : null}
    </details>
  );
}
