import type { InputHTMLAttributes, ReactNode } from "react";
import type { z } from "zod";

// The one form field of the app: a label, the control, an optional hint and an inline error,
// tied together with aria-describedby. TextField is the same field around a plain input.

export type FieldErrors = Partial<Record<string, string>>;

/** The first message per top-level field of a failed zod parse. */
export function toFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}

export const inputClass =
  "mt-1 block min-h-11 w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 placeholder:text-slate-500 aria-[invalid=true]:border-red-700 dark:border-slate-500 dark:bg-slate-950 dark:text-slate-100 dark:aria-[invalid=true]:border-red-400";

type ControlProps = { id: string; "aria-invalid"?: true; "aria-describedby"?: string };

type FormFieldProps = {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | null;
  /** Extra content under the control, e.g. a strength meter. */
  after?: ReactNode;
  className?: string;
  children: (props: ControlProps) => ReactNode;
};

export function FormField({ id, label, hint, error, after, className, children }: FormFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="mt-0.5 text-sm text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined })}
      {after}
      {error ? (
        <p id={errorId} className="mt-1 text-sm font-medium text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & Omit<FormFieldProps, "children"> & { id: string };

/** A FormField around a plain text input. */
export function TextField({ id, label, hint, error, after, className, ...input }: TextFieldProps) {
  return (
    <FormField id={id} label={label} hint={hint} error={error} after={after} className={className}>
      {(control) => <input {...control} className={inputClass} {...input} />}
    </FormField>
  );
}
