"use client";

import { FormField, inputClass } from "./form-field";

type Props = {
  /** Prefix of the two inputs' ids: `${idBase}-text` and `${idBase}-file`. */
  idBase: string;
  text: string;
  onTextChange: (text: string) => void;
  onFileChange: (file: File | null) => void;
  textHint: string;
  textRows: number;
  textError?: string | null;
};

/** A credential to check: pasted (JSON, a compact JWT or an https link) or a baked badge image. */
export function CredentialFields({ idBase, text, onTextChange, onFileChange, textHint, textRows, textError }: Props) {
  return (
    <>
      <FormField id={`${idBase}-text`} label="Credential or link" hint={textHint} error={textError}>
        {(props) => <textarea {...props} rows={textRows} value={text} onChange={(e) => onTextChange(e.target.value)} className={`${inputClass} font-mono text-sm`} spellCheck={false} />}
      </FormField>
      <FormField id={`${idBase}-file`} label="Or a badge image" hint="A PNG or SVG badge with the credential baked in, up to 1 MB.">
        {(props) => (
          <input
            {...props}
            type="file"
            accept="image/png,image/svg+xml"
            onChange={(e) => onFileChange(e.target.files?.[0] ?? null)}
            className="mt-1 block w-full max-w-full text-sm text-slate-900 file:mr-3 file:min-h-11 file:rounded-md file:border file:border-slate-500 file:bg-white file:px-3 dark:text-slate-100 dark:file:bg-slate-900 dark:file:text-slate-100"
          />
        )}
      </FormField>
    </>
  );
}
