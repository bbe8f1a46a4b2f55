import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Forgot your password?</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">Enter the email you signed up with. The link in the mail works for 30 minutes.</p>
      <div className="mt-6">
        <ForgotPasswordForm />
      </div>
      <p className="mt-6 text-sm text-slate-700 dark:text-slate-300">
        Remembered it?{" "}
        <Link href="/signin" className="font-medium text-blue-700 underline dark:text-blue-300">
          Sign in
        </Link>
      </p>
    </>
  );
}
