"use client";

import { type FormEvent, useRef, useState } from "react";
import { errorMessage, fetchJson } from "@/components/api/fetch-json";
import { Button, buttonStyles } from "@/components/ui/button";
import { type StatusText, StatusMessage } from "@/components/ui/form-message";
import type { ImportResult } from "@/lib/data-transfer/schemas";

const linkButton = `${buttonStyles.secondary} no-underline`;

/** Download everything (JSON) or the checklist (CSV); restore a JSON export. */
export function DataTransfer() {
  const fileInput = useRef<HTMLInputElement>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [result, setResult] = useState<StatusText>(null);

  async function onImport(event: FormEvent) {
    event.preventDefault();
    if (isBusy) return;
    setResult(null);
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setResult({ isError: true, text: "Choose a Ladder export file (.json) first." });
      return;
    }
    if (!window.confirm("Importing replaces your current checklist, your own certifications and your history with the file's. Continue?")) return;
    setIsBusy(true);
    try {
      const body = await file.text();
      const { restored } = await fetchJson<ImportResult>("/api/import", { method: "POST", body });
      setResult({
        isError: false,
        text: `Restored ${restored.progress} checklist items, ${restored.customCertifications} certifications of your own and ${restored.history} history entries. Reloading…`,
      });
      window.location.reload();
    } catch (error) {
      setResult({ isError: true, text: `Nothing was imported: ${errorMessage(error)}` });
    } finally {
      setIsBusy(false);
    }
  }

  return (
    <section aria-labelledby="data-title" className="rounded-xl border border-slate-200 bg-white p-4 sm:p-5 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="data-title" className="text-xl font-semibold">
        Your data
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Download everything Ladder stores about your progress, or restore it from an earlier download.
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <a href="/api/export" download className={linkButton}>
          Download all data (JSON)
        </a>
        <a href="/api/export?format=csv" download className={linkButton}>
          Download checklist (CSV)
        </a>
      </div>
      <form onSubmit={onImport} className="mt-4 flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="grow">
          <label htmlFor="import-file" className="block text-sm font-medium">
            Ladder export to import
          </label>
          <input id="import-file" ref={fileInput} type="file" accept="application/json,.json" className="mt-1 block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-400 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-semibold file:text-slate-800 hover:file:bg-slate-100 dark:text-slate-300 dark:file:border-slate-500 dark:file:bg-slate-900 dark:file:text-slate-100 dark:hover:file:bg-slate-800" />
        </div>
        <Button type="submit" isBusy={isBusy}>
          {isBusy ? "Importing…" : "Import"}
        </Button>
      </form>
      <StatusMessage message={result} className="mt-2" />
    </section>
  );
}
