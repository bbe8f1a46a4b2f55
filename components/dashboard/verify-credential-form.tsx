"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { ProgressItem } from "@/lib/progress/types";
import { errorMessage, fetchJson } from "@/components/api/fetch-json";
import { queryKeys } from "@/components/api/query-keys";
import { Button } from "@/components/ui/button";
import { FormField, inputClass } from "@/components/ui/form-field";
import { StatusMessage, type StatusText } from "@/components/ui/form-message";

type VerifyResponse = { item: ProgressItem; certification: { id: string; title: string; issuer: string }; verification: { issuer: string; verifiedAt: string } };

/**
 * Verify a certification from its credential: paste JSON, a compact JWT or an https link, or
 * upload a baked PNG/SVG badge. On success the checklist shows the verified mark; a refusal
 * says why and changes nothing.
 */
export function VerifyCredentialForm({ itemId }: { itemId: string }) {
  const client = useQueryClient();
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<StatusText>(null);
  const base = `verify-${itemId}`;

  const mutation = useMutation({
    mutationFn: () => {
      if (file) {
        const form = new FormData();
        form.set("badge", file);
        return fetchJson<VerifyResponse>("/api/certifications/verify", { method: "POST", body: form });
      }
      return fetchJson<VerifyResponse>("/api/certifications/verify", { method: "POST", json: { credential: text.trim() } });
    },
    onSuccess: (result) => {
      const where = result.certification.id === itemId ? "" : ` It was recorded as "${result.certification.title}".`;
      setMessage({ isError: false, text: `Verified: issued by ${result.verification.issuer}.${where}` });
      setText("");
      void client.invalidateQueries({ queryKey: queryKeys.progress });
      void client.invalidateQueries({ queryKey: queryKeys.ladder });
      void client.invalidateQueries({ queryKey: queryKeys.certifications });
    },
    onError: (error) => setMessage({ isError: true, text: `Not verified: ${errorMessage(error)}` }),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (mutation.isPending) return;
    if (!file && !text.trim()) {
      setMessage({ isError: true, text: "Paste a credential or a link, or choose a badge image." });
      return;
    }
    setMessage(null);
    mutation.mutate();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 grid gap-3 border-t border-slate-200 pt-3 dark:border-slate-800" aria-labelledby={`${base}-title`}>
      <h4 id={`${base}-title`} className="text-sm font-semibold">
        Verify from your credential
      </h4>
      <FormField id={`${base}-text`} label="Credential or link" hint="Paste an Open Badges credential (JSON or a JWT) or its https link. It must be issued to your account email.">
        {(props) => <textarea {...props} rows={3} value={text} onChange={(e) => setText(e.target.value)} className={`${inputClass} font-mono text-sm`} spellCheck={false} />}
      </FormField>
      <FormField id={`${base}-file`} label="Or a badge image" hint="A PNG or SVG badge with the credential baked in, up to 1 MB.">
        {(props) => (
          <input
            {...props}
            type="file"
            accept="image/png,image/svg+xml"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            className="mt-1 block w-full max-w-full text-sm text-slate-900 file:mr-3 file:min-h-11 file:rounded-md file:border file:border-slate-500 file:bg-white file:px-3 dark:text-slate-100 dark:file:bg-slate-900 dark:file:text-slate-100"
          />
        )}
      </FormField>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" isBusy={mutation.isPending}>
          {mutation.isPending ? "Verifying…" : "Verify"}
        </Button>
        <StatusMessage message={message} />
      </div>
    </form>
  );
}
