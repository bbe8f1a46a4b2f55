import type { InputHTMLAttributes, ReactNode } from "react";

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | null;
  /** Extra content under the input, e.g. a strength meter. */
  after?: ReactNode;
};

/** A labelled input with its hint and error announced through aria-describedby. */
export function TextField({ id, label, hint, error, after, className, ...input }: TextFieldProps) {
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
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className="mt-1 block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 placeholder:text-slate-500 aria-[invalid=true]:border-red-700 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:aria-[invalid=true]:border-red-400"
        {...input}
      />
      {after}
      {error ? (
        <p id={errorId} className="mt-1 text-sm font-medium text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}

// Buttons of forms that stay on the page are marked busy with aria-disabled, not disabled: a
// disabled button drops the keyboard focus to the page while the request runs.
export const buttonClass =
  "aria-disabled:cursor-not-allowed aria-disabled:opacity-70 inline-flex min-h-11 items-center justify-center rounded-md bg-blue-700 px-4 py-2 text-base font-semibold text-white hover:bg-blue-800 disabled:cursor-not-allowed disabled:opacity-70";

export const secondaryButtonClass =
  "aria-disabled:cursor-not-allowed aria-disabled:opacity-70 inline-flex min-h-11 items-center justify-center rounded-md border border-slate-500 px-4 py-2 text-base font-semibold text-slate-900 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-70 dark:text-slate-100 dark:hover:bg-slate-800";

export const dangerButtonClass =
  "inline-flex min-h-11 items-center justify-center rounded-md bg-red-700 px-4 py-2 text-base font-semibold text-white hover:bg-red-800 disabled:cursor-not-allowed disabled:opacity-70";

/** A message region announced to screen readers when its content changes. */
export function FormMessage({ tone, children }: { tone: "error" | "success"; children: ReactNode }) {
  if (!children) return null;
  return tone === "error" ? (
    <p role="alert" className="rounded-md border border-red-700 bg-red-50 px-3 py-2 text-sm font-medium text-red-800 dark:border-red-400 dark:bg-red-950 dark:text-red-200">
      {children}
    </p>
  ) : (
    <p role="status" className="rounded-md border border-green-700 bg-green-50 px-3 py-2 text-sm font-medium text-green-800 dark:border-green-400 dark:bg-green-950 dark:text-green-200">
      {children}
    </p>
  );
}
