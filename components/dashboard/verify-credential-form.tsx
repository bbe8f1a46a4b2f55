"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { ProgressItem } from "@/lib/progress/types";
import { errorMessage } from "@/components/api/fetch-json";
import { postCredential } from "@/components/api/post-credential";
import { queryKeys } from "@/components/api/query-keys";
import { Button } from "@/components/ui/button";
import { CredentialFields } from "@/components/ui/credential-fields";
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
    mutationFn: () => postCredential<VerifyResponse>("/api/certifications/verify", file, text),
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
      <CredentialFields
        idBase={base}
        text={text}
        onTextChange={setText}
        onFileChange={setFile}
        textHint="Paste an Open Badges credential (JSON or a JWT) or its https link. It must be issued to your account email."
        textRows={3}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" isBusy={mutation.isPending}>
          {mutation.isPending ? "Verifying…" : "Verify"}
        </Button>
        <StatusMessage message={message} />
      </div>
    </form>
  );
}
