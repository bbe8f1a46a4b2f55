import type { ReactNode } from "react";
import { SiteFooter } from "@/components/shell/site-footer";
import { Header } from "../site-header";

export default function MarketingLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <Header />
      <div className="flex-1">{children}</div>
      <SiteFooter />
    </div>
  );
}
