"use client";

import { type FocusEvent, type FormEvent, useEffect, useState } from "react";
import { NOTE_MAX_CHARS, type ProgressUpdateInput, progressUpdateSchema } from "@/lib/progress/schemas";
import type { ProgressItem } from "@/lib/progress/types";
import { ApiError } from "@/components/api/fetch-json";
import { Button } from "@/components/ui/button";
import { type FieldErrors, FormField, inputClass, toFieldErrors } from "@/components/ui/form-field";

type Props = {
  item: ProgressItem;
  isCertification: boolean;
  save: (update: ProgressUpdateInput, callbacks: { onSuccess: () => void; onError: (error: Error) => void }) => void;
};

const FIELD_NAMES: Record<string, string> = {
  completedOn: "The date",
  targetOn: "The target date",
  expiresOn: "The expiry date",
  note: "The note",
  evidenceUrl: "The evidence link",
};

/** Every message a full sentence: "must be …" becomes "The evidence link must be …." */
function sentences(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors).map(([field, message = ""]) => {
      const text = /^[a-z]/.test(message) ? `${FIELD_NAMES[field] ?? "This"} ${message}` : message;
      return [field, /[.!?]$/.test(text) ? text : `${text}.`];
    }),
  );
}

/** A link typed without its scheme ("credly.com/badges/…") gets https:// in front. */
function withScheme(link: string): string {
  const trimmed = link.trim();
  return trimmed && !/^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? `https://${trimmed}` : trimmed;
}

/** Dates, note and evidence link of one item, checked with the same rules the API applies. */
export function ItemDetailsForm({ item, isCertification, save }: Props) {
  const [completedOn, setCompletedOn] = useState(item.completedOn ?? "");
  const [expiresOn, setExpiresOn] = useState(item.expiresOn ?? "");
  const [note, setNote] = useState(item.note ?? "");
  const [evidenceUrl, setEvidenceUrl] = useState(item.evidenceUrl ?? "");
  const [targetOn, setTargetOn] = useState(item.targetOn ?? "");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const base = `details-${item.itemId}`;
  const focusField = (found: FieldErrors) => {
    const field = ["completedOn", "targetOn", "expiresOn", "note", "evidenceUrl"].find((name) => found[name]);
    if (field) document.getElementById(`${base}-${field}`)?.focus();
  };

  // Typed text is never lost silently: leaving the page with unsaved details asks first.
  const isDirty =
    completedOn !== (item.completedOn ?? "") ||
    expiresOn !== (item.expiresOn ?? "") ||
    note !== (item.note ?? "") ||
    evidenceUrl !== (item.evidenceUrl ?? "") ||
    targetOn !== (item.targetOn ?? "");
  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [isDirty]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const link = withScheme(evidenceUrl);
    if (link !== evidenceUrl) setEvidenceUrl(link);
    // Entering the date it was completed (or earned) marks the item done, in the same save.
    const isNewlyCompleted = Boolean(completedOn) && completedOn !== (item.completedOn ?? "") && item.status !== "done";
    const update: ProgressUpdateInput = {
      status: isNewlyCompleted ? "done" : item.status,
      completedOn: completedOn || null,
      note: note.trim() ? note : null,
      evidenceUrl: link || null,
      targetOn: targetOn || null,
      ...(isCertification ? { expiresOn: expiresOn || null } : {}),
    };
    const parsed = progressUpdateSchema.safeParse(update);
    if (!parsed.success) {
      const found = sentences(toFieldErrors(parsed.error));
      setErrors(found);
      focusField(found);
      return;
    }
    setErrors({});
    save(update, {
      onSuccess: () => setSaved(true),
      onError: (error) => {
        if (error instanceof ApiError && error.field) {
          const found = sentences({ [error.field]: error.message.replace(/^[\w.]+: /, "") });
          setErrors(found);
          focusField(found);
        }
      },
    });
  }

  /**
   * The note and the link save as you go, when the field is left. The dates wait for "Save
   * details": a certification's two dates are one save, and a completed date marks it done.
   */
  function saveOnLeave(field: "note" | "evidenceUrl", event: FocusEvent<HTMLElement>) {
    // Leaving for this form's own button: that save takes the field along.
    if ((event.relatedTarget as HTMLElement | null)?.closest("form") === event.currentTarget.closest("form") && event.relatedTarget?.getAttribute("type") === "submit") return;
    const value = field === "note" ? (note.trim() ? note : null) : withScheme(evidenceUrl) || null;
    if (value === item[field]) return;
    if (field === "evidenceUrl" && value !== null && value !== evidenceUrl) setEvidenceUrl(value);
    setSaved(false);
    const update: ProgressUpdateInput = { status: item.status, [field]: value };
    const parsed = progressUpdateSchema.safeParse(update);
    if (!parsed.success) {
      setErrors(sentences(toFieldErrors(parsed.error)));
      return;
    }
    setErrors({});
    save(update, { onSuccess: () => setSaved(true), onError: () => {} });
  }

  const noteLength = Array.from(note).length;
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 grid gap-3 sm:grid-cols-2">
      <FormField id={`${base}-completedOn`} label={isCertification ? "Earned on" : "Completed on"} error={errors.completedOn}>
        {(props) => <input {...props} type="date" value={completedOn} onChange={(e) => setCompletedOn(e.target.value)} className={inputClass} />}
      </FormField>
      <FormField id={`${base}-targetOn`} label="Target date" hint="Your own date to aim for; leave empty for none." error={errors.targetOn}>
        {(props) => <input {...props} type="date" value={targetOn} onChange={(e) => setTargetOn(e.target.value)} className={inputClass} />}
      </FormField>
      {isCertification ? (
        <FormField
          id={`${base}-expiresOn`}
          label="Expires on"
          hint="Leave empty if it does not expire. An expired certification stops counting."
          error={errors.expiresOn}
        >
          {(props) => <input {...props} type="date" value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} className={inputClass} />}
        </FormField>
      ) : null}
      <div className="sm:col-span-2">
        <FormField
          id={`${base}-note`}
          label="Note"
          hint={`${noteLength.toLocaleString("en-US")} of ${NOTE_MAX_CHARS.toLocaleString("en-US")} characters`}
          error={errors.note}
        >
          {(props) => <textarea {...props} rows={3} value={note} onChange={(e) => setNote(e.target.value)} onBlur={(e) => saveOnLeave("note", e)} className={inputClass} />}
        </FormField>
      </div>
      <div className="sm:col-span-2">
        <FormField id={`${base}-evidenceUrl`} label="Evidence link" hint="A badge or certificate page; https:// is added if you leave it out." error={errors.evidenceUrl}>
          {(props) => (
            <input
              {...props}
              type="text"
              inputMode="url"
              autoComplete="url"
              value={evidenceUrl}
              onChange={(e) => setEvidenceUrl(e.target.value)}
              onBlur={(e) => saveOnLeave("evidenceUrl", e)}
              className={inputClass}
            />
          )}
        </FormField>
      </div>
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit">Save details</Button>
        <p role="status" className="text-sm text-green-800 dark:text-green-300">
          {saved ? "Saved." : ""}
        </p>
      </div>
    </form>
  );
}
