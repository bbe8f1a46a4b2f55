"use client";

import { useMutation } from "@tanstack/react-query";
import { errorMessage, fetchJson } from "@/components/api/fetch-json";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

export function SignOutEverywhere() {
  const signOut = useMutation({
    mutationFn: () => fetchJson("/api/account/sessions", { method: "DELETE" }),
    onSuccess: () => window.location.assign("/signin?signedOut=1"),
  });
  return (
    <div className="space-y-3">
      <p className="text-slate-700 dark:text-slate-300">
        Ends your session on every device and browser, this one included. Use it if you signed in on a computer that is not yours, or think
        someone else has access.
      </p>
      <FormMessage tone="error">{signOut.error ? errorMessage(signOut.error) : null}</FormMessage>
      <Button variant="secondary" onClick={() => signOut.mutate()} disabled={signOut.isPending || signOut.isSuccess}>
        {signOut.isPending || signOut.isSuccess ? "Signing out…" : "Sign out everywhere"}
      </Button>
    </div>
  );
}
