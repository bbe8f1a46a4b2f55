"use client";

import { useMutation } from "@tanstack/react-query";
import { signOut } from "@/components/auth/api";

export function SignOutButton({ className }: { className?: string }) {
  const mutation = useMutation({
    mutationFn: signOut,
    onSuccess: () => window.location.assign("/signin?signedOut=1"),
  });
  return (
    <button type="button" className={className} onClick={() => mutation.mutate()} disabled={mutation.isPending || mutation.isSuccess}>
      {mutation.isPending || mutation.isSuccess ? "Signing out…" : mutation.isError ? "Sign out failed, try again" : "Sign out"}
    </button>
  );
}
