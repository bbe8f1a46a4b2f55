import type { ButtonHTMLAttributes } from "react";

// The one button of the app: every variant is at least 44 px tall (a touch target a thumb can
// hit, WCAG 2.5.5). Links that act as buttons take the same look through buttonStyles.
// A busy or unchanged form marks its button aria-disabled, not disabled: a disabled button
// drops the keyboard focus to the page while the request runs.
const BASE =
  "inline-flex min-h-11 items-center justify-center rounded-md px-4 py-2 text-base font-semibold aria-disabled:cursor-not-allowed aria-disabled:opacity-70 disabled:cursor-not-allowed disabled:opacity-70";

export const buttonStyles = {
  primary: `${BASE} bg-blue-700 text-white hover:bg-blue-800 dark:bg-blue-300 dark:text-slate-950 dark:hover:bg-blue-200`,
  secondary: `${BASE} border border-slate-500 text-slate-900 hover:bg-slate-100 dark:text-slate-100 dark:hover:bg-slate-800`,
  danger: `${BASE} bg-red-700 text-white hover:bg-red-800`,
} as const;

export type ButtonVariant = keyof typeof buttonStyles;

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; isBusy?: boolean };

export function Button({ variant = "primary", isBusy = false, className, type = "button", "aria-disabled": ariaDisabled, ...props }: ButtonProps) {
  return (
    <button
      type={type}
      className={className ? `${buttonStyles[variant]} ${className}` : buttonStyles[variant]}
      {...props}
      aria-disabled={isBusy || ariaDisabled || undefined}
    />
  );
}
