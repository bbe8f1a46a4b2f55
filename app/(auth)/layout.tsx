import type { ReactNode } from "react";
import { QueryProvider } from "@/components/providers/query-provider";
import { Header } from "../site-header";

// Sign-in and sign-up: the site's header, then a narrow single column that fits a 375 px phone.
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <QueryProvider>
      <Header />
      <main id="main" className="mx-auto max-w-md px-4 py-10">
        {children}
      </main>
    </QueryProvider>
  );
}
