"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { errorMessage, fetchJson } from "@/components/api/fetch-json";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

/** Accepts a mentoring invitation as the signed-in person. */
export function AcceptInvitation({ token }: { token: string }) {
  const accept = useMutation({
    mutationFn: () => fetchJson<{ mentee: { id: string; name: string | null } }>("/api/mentors/accept", { method: "POST", json: { token } }),
  });
  if (accept.data) {
    const { id, name } = accept.data.mentee;
    return (
      <div className="space-y-3">
        <FormMessage tone="success">{`You now mentor ${name ?? "this person"}.`}</FormMessage>
        <Link href={`/mentoring/${encodeURIComponent(id)}`} className="text-blue-700 underline underline-offset-2 dark:text-blue-300">
          Open {name ? `${name}'s` : "their"} plan
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <FormMessage tone="error">{accept.error ? errorMessage(accept.error) : null}</FormMessage>
      <Button onClick={() => !accept.isPending && accept.mutate()} isBusy={accept.isPending}>
        {accept.isPending ? "Accepting…" : "Accept the invitation"}
      </Button>
    </div>
  );
}
