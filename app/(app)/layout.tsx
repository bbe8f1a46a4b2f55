import type { ReactNode } from "react";
import { QueryProvider } from "@/components/providers/query-provider";
import { Header } from "../site-header";

// The shell of every signed-in page. It does not check the session itself: each page calls
// requirePageUser(), and each API route requireUser(), where the data is read.
// Pages render their own <main id="main"> (the skip link's target).
export default function AppLayout({ children }: { children: ReactNode }) {
  return (
    <QueryProvider>
      <Header />
      {children}
    </QueryProvider>
  );
}
