"use client";

import { useState } from "react";
import { signOut } from "@/components/auth/api";

type State = "idle" | "pending" | "failed";

// Plain state rather than a react-query mutation: this button is in the header of every page,
// and the public pages would otherwise load react-query for it alone (docs/decisions/017).
export function SignOutButton({ className }: { className?: string }) {
  const [state, setState] = useState<State>("idle");
  const onClick = async () => {
    setState("pending");
    try {
      await signOut();
      window.location.assign("/signin?signedOut=1");
    } catch {
      setState("failed");
    }
  };
  return (
    <button type="button" className={className} onClick={onClick} disabled={state === "pending"}>
      {state === "pending" ? "Signing out…" : state === "failed" ? "Sign out failed, try again" : "Sign out"}
    </button>
  );
}
