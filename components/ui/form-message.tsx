import type { ReactNode } from "react";

/** A boxed message region announced to screen readers when its content changes. */
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

export type StatusText = { isError: boolean; text: string } | null;

/**
 * The outcome of an action beside its button: the status region is always on the page, so a
 * screen reader announces a success; an error is an alert.
 */
export function StatusMessage({ message, className = "" }: { message: StatusText; className?: string }) {
  return (
    <>
      <p role="status" className={`text-sm text-green-800 dark:text-green-300 ${className}`}>
        {message && !message.isError ? message.text : ""}
      </p>
      {message?.isError ? (
        <p role="alert" className={`text-sm text-red-700 dark:text-red-300 ${className}`}>
          {message.text}
        </p>
      ) : null}
    </>
  );
}
