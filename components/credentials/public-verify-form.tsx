"use client";

import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { errorMessage } from "@/components/api/fetch-json";
import { postCredential } from "@/components/api/post-credential";
import { Button } from "@/components/ui/button";
import { CredentialFields } from "@/components/ui/credential-fields";
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
    mutationFn: () => postCredential<Result>("/api/verify", file, text),
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
        <CredentialFields
          idBase="verify"
          text={text}
          onTextChange={setText}
          onFileChange={setFile}
          textHint="An Open Badges 3.0 / Verifiable Credential (JSON or a compact JWT), or an https link to an Open Badges 2.0 assertion."
          textRows={8}
          textError={inputError}
        />
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
