import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "@/components/marketing/logo";
import { QueryProvider } from "@/components/providers/query-provider";

// Sign-in and sign-up: a narrow single column that fits a 375 px phone.
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <QueryProvider>
      <header className="border-b border-slate-200 dark:border-slate-800">
        <div className="mx-auto flex max-w-md items-center px-4 py-1">
          <Link href="/" className="flex min-h-11 items-center rounded-md" aria-label="Ladder, home">
            <Logo />
          </Link>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-md px-4 py-10">
        {children}
      </main>
    </QueryProvider>
  );
}
