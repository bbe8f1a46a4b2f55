"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { errorMessage, fetchJson } from "@/components/api/fetch-json";
import { Button } from "@/components/ui/button";
import { FormField, inputClass } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";

type Result = {
  valid: boolean;
  reasons: string[];
  credential?: { issuer: { id: string; name: string }; achievement: { name: string }; validFrom: string | null; validUntil: string | null; method: string };
};

/** The public checker: any credential, pasted or as a badge image; says valid or invalid, and why. */
export function PublicVerifyForm() {
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [inputError, setInputError] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: () => {
      if (file) {
        const form = new FormData();
        form.set("badge", file);
        return fetchJson<Result>("/api/verify", { method: "POST", body: form });
      }
      return fetchJson<Result>("/api/verify", { method: "POST", json: { credential: text.trim() } });
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (mutation.isPending) return;
    if (!file && !text.trim()) {
      setInputError("Paste a credential or a link, or choose a badge image.");
      return;
    }
    setInputError(null);
    mutation.mutate();
  }

  const result = mutation.data;
  return (
    <div className="grid gap-6">
      <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-label="Verify a credential">
        <FormField id="verify-text" label="Credential or link" hint="An Open Badges 3.0 / Verifiable Credential (JSON or a compact JWT), or an https link to an Open Badges 2.0 assertion." error={inputError}>
          {(props) => <textarea {...props} rows={8} value={text} onChange={(e) => setText(e.target.value)} className={`${inputClass} font-mono text-sm`} spellCheck={false} />}
        </FormField>
        <FormField id="verify-file" label="Or a badge image" hint="A PNG or SVG badge with the credential baked in, up to 1 MB.">
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
        <div>
          <Button type="submit" isBusy={mutation.isPending}>
            {mutation.isPending ? "Checking…" : "Verify"}
          </Button>
        </div>
      </form>
      <div aria-live="polite">
        {mutation.isError ? <FormMessage tone="error">{errorMessage(mutation.error)}</FormMessage> : null}
        {result?.valid && result.credential ? (
          <div className="rounded-md border border-green-700 bg-green-50 px-4 py-3 text-green-900 dark:border-green-400 dark:bg-green-950 dark:text-green-100">
            <p className="font-semibold">Valid: the signature and dates check out.</p>
            <dl className="mt-2 grid gap-1 text-sm sm:grid-cols-[max-content_1fr] sm:gap-x-4">
              <dt className="font-medium">Achievement</dt>
              <dd>{result.credential.achievement.name}</dd>
              <dt className="font-medium">Issuer</dt>
              <dd className="break-all">
                {result.credential.issuer.name} ({result.credential.issuer.id})
              </dd>
              {result.credential.validFrom ? (
                <>
                  <dt className="font-medium">Valid from</dt>
                  <dd>{result.credential.validFrom.slice(0, 10)}</dd>
                </>
              ) : null}
              {result.credential.validUntil ? (
                <>
                  <dt className="font-medium">Valid until</dt>
                  <dd>{result.credential.validUntil.slice(0, 10)}</dd>
                </>
              ) : null}
            </dl>
          </div>
        ) : null}
        {result && !result.valid ? (
          <div className="rounded-md border border-red-700 bg-red-50 px-4 py-3 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100">
            <p className="font-semibold">Invalid.</p>
            <ul className="mt-1 list-disc pl-5 text-sm">
              {result.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </div>
  );
}
