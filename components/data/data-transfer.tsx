"use client";

import { type FormEvent, useEffect, useRef, useState } from "react";
import { errorMessage, fetchJson } from "@/components/api/fetch-json";
import { Button, buttonStyles } from "@/components/ui/button";
import { type StatusText, StatusMessage } from "@/components/ui/form-message";
import type { ImportResult, ImportUndoResult } from "@/lib/data-transfer/schemas";

const linkButton = `${buttonStyles.secondary} no-underline`;

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** Download everything (JSON) or the checklist (CSV); restore a JSON export after a confirming dialog. */
export function DataTransfer() {
  const fileInput = useRef<HTMLInputElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState<{ name: string; body: string } | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [result, setResult] = useState<StatusText>(null);
  /** The last import's undo, offered until it expires. */
  const [undo, setUndo] = useState<ImportResult["undo"] | null>(null);

  useEffect(() => {
    if (!undo) return;
    const timer = window.setTimeout(() => setUndo(null), Math.max(0, Date.parse(undo.expiresAt) - Date.now()));
    return () => window.clearTimeout(timer);
  }, [undo]);

  function refuse(text: string) {
    setResult({ isError: true, text });
    fileInput.current?.focus();
  }

  // Checks the file before asking: the checklist CSV and other files are refused in plain words.
  async function onImport(event: FormEvent) {
    event.preventDefault();
    if (isBusy) return;
    setResult(null);
    setUndo(null);
    const file = fileInput.current?.files?.[0];
    if (!file) return refuse("Choose a Ladder export file (.json) first.");
    const body = await file.text();
    if (/\.csv$/i.test(file.name) || /^\uFEFF?"?itemId"?,/.test(body) || /^\uFEFF?[^{\s]/.test(body)) {
      return refuse(
        /\.csv$/i.test(file.name) || body.includes(",")
          ? `"${file.name}" is the checklist CSV, which is for reading elsewhere: choose the .json export ("Download all data") to restore.`
          : `"${file.name}" is not a Ladder export: choose the .json file from "Download all data".`,
      );
    }
    setPending({ name: file.name, body });
    dialog.current?.showModal();
  }

  async function confirmImport() {
    if (!pending || isBusy) return;
    setIsBusy(true);
    try {
      const { restored, undo: ticket } = await fetchJson<ImportResult>("/api/import", { method: "POST", body: pending.body });
      dialog.current?.close();
      setUndo(ticket);
      setResult({
        isError: false,
        text: `Restored from "${pending.name}": ${plural(restored.progress, "checklist item", "checklist items")}, ${plural(restored.customCertifications, "certification of your own", "certifications of your own")} and ${plural(restored.history, "history entry", "history entries")}.`,
      });
      if (fileInput.current) fileInput.current.value = "";
    } catch (error) {
      dialog.current?.close();
      refuse(`Nothing was imported: ${errorMessage(error)}`);
    } finally {
      setIsBusy(false);
      setPending(null);
    }
  }

  async function undoImport() {
    if (!undo || isBusy) return;
    setIsBusy(true);
    try {
      const { restored } = await fetchJson<ImportUndoResult>("/api/import/undo", { method: "POST", body: JSON.stringify({ id: undo.id }) });
      setResult({ isError: false, text: `Import undone: your ${plural(restored.progress, "checklist item is", "checklist items are")} back as before the import.` });
    } catch (error) {
      setResult({ isError: true, text: `The import was not undone: ${errorMessage(error)}` });
    } finally {
      setUndo(null);
      setIsBusy(false);
      fileInput.current?.focus();
    }
  }

  return (
    <div>
      <p className="text-sm text-slate-600 dark:text-slate-400">
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
            Ladder export to import (.json)
          </label>
          <input
            id="import-file"
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            className="mt-1 block min-h-11 w-full text-sm text-slate-700 file:mr-3 file:min-h-11 file:rounded-md file:border file:border-slate-400 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-semibold file:text-slate-800 hover:file:bg-slate-100 dark:text-slate-300 dark:file:border-slate-500 dark:file:bg-slate-900 dark:file:text-slate-100 dark:hover:file:bg-slate-800"
          />
        </div>
        <Button type="submit" variant="secondary">
          Import…
        </Button>
      </form>
      <StatusMessage message={result} className="mt-2" />
      {undo ? (
        <Button variant="secondary" isBusy={isBusy} onClick={undoImport} className="mt-2">
          Undo import
        </Button>
      ) : null}
      <dialog
        ref={dialog}
        aria-labelledby="import-dialog-title"
        onClose={() => setPending(null)}
        className="m-auto max-w-md rounded-lg border border-slate-300 bg-white p-5 text-slate-900 backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        <h3 id="import-dialog-title" className="text-lg font-semibold">
          Replace your progress with &ldquo;{pending?.name}&rdquo;?
        </h3>
        <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
          Importing replaces your whole checklist (statuses, dates, notes and links), your own certifications and your history with the file&rsquo;s.
          Your name, email, password and settings stay as they are.
        </p>
        <div className="mt-4 flex flex-wrap gap-2">
          <Button variant="danger" isBusy={isBusy} onClick={confirmImport}>
            {isBusy ? "Importing…" : "Replace with the file"}
          </Button>
          <Button variant="secondary" onClick={() => dialog.current?.close()}>
            Cancel
          </Button>
        </div>
      </dialog>
    </div>
  );
}
