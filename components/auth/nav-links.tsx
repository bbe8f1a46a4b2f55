"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/ladder", label: "Ladder" },
  { href: "/settings", label: "Settings" },
] as const;

/** The signed-in navigation; the current page is marked for screen readers and by an underline. */
export function NavLinks() {
  const pathname = usePathname();
  return (
    <>
      {LINKS.map((link) => {
        const isCurrent = pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={isCurrent ? "page" : undefined}
              className="inline-flex min-h-11 items-center rounded-md px-2 font-medium text-slate-800 hover:bg-slate-100 aria-[current=page]:underline aria-[current=page]:underline-offset-4 dark:text-slate-200 dark:hover:bg-slate-800"
            >
              {link.label}
            </Link>
          </li>
        );
      })}
    </>
  );
}
