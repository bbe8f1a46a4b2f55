"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/form-field";

/** A secret link shown once, in a read-only field with a copy button. */
export function CopyLink({ label, url, hint }: { label: string; url: string; hint: string }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // Clipboard refused (permissions): the field is selected so the person can copy by hand.
      (document.getElementById(id) as HTMLInputElement | null)?.select();
    }
  }
  return (
    <div className="rounded-md border border-slate-300 p-3 dark:border-slate-700">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
      </label>
      <p id={`${id}-hint`} className="mt-0.5 text-sm text-slate-600 dark:text-slate-400">
        {hint}
      </p>
      <input id={id} readOnly value={url} aria-describedby={`${id}-hint`} className={inputClass} onFocus={(event) => event.currentTarget.select()} />
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <Button variant="secondary" onClick={copy}>
          Copy link
        </Button>
        <p role="status" className="text-sm text-green-800 dark:text-green-300">
          {copied ? "Copied." : ""}
        </p>
      </div>
    </div>
  );
}
