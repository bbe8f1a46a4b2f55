"use client";

import { useEffect, useState } from "react";
import type { PasswordStrength } from "@/lib/auth/password-strength-core";

const LABELS = ["Very weak", "Weak", "Fair", "Strong", "Very strong"] as const;
const COLORS = ["bg-red-700", "bg-red-700", "bg-amber-600", "bg-green-700", "bg-green-700"] as const;

/**
 * Strength of the password being typed, estimated in the browser with zxcvbn and the same
 * rules as the server (lighter dictionaries: see lib/auth/password-strength-browser.ts). The
 * estimator loads only once someone starts typing.
 */
export function PasswordStrengthMeter({ id, password, email, name }: { id: string; password: string; email?: string; name?: string }) {
  const [strength, setStrength] = useState<PasswordStrength | null>(null);

  useEffect(() => {
    if (!password) {
      setStrength(null);
      return;
    }
    let isCurrent = true;
    const timer = setTimeout(async () => {
      const { estimatePasswordStrength, userInputsFor } = await import("@/lib/auth/password-strength-browser");
      if (isCurrent) setStrength(estimatePasswordStrength(password, userInputsFor({ email, name })));
    }, 150);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [password, email, name]);

  const score = strength?.score ?? 0;
  return (
    <div id={id} className="mt-2" aria-live="polite">
      <div className="flex gap-1" aria-hidden="true">
        {LABELS.map((label, index) => (
          <span
            key={label}
            className={`h-1.5 flex-1 rounded-full ${strength && index <= score ? COLORS[score] : "bg-slate-300 dark:bg-slate-700"}`}
          />
        ))}
      </div>
      {strength ? (
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          <span className="font-medium">Strength: {LABELS[score]}.</span>{" "}
          {strength.isAcceptable ? "Good to go." : strength.problem}
          {!strength.isAcceptable && strength.suggestions[0] ? ` ${strength.suggestions[0]}` : null}
        </p>
      ) : (
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">Strength: start typing to check.</p>
      )}
    </div>
  );
}
