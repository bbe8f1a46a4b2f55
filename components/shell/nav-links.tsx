"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { NAV_ITEM } from "./nav-styles";

const LINKS = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/ladder", label: "Ladder" },
  { href: "/history", label: "History" },
  { href: "/how-it-works", label: "How levels work" },
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
              className={`${NAV_ITEM} aria-[current=page]:underline aria-[current=page]:underline-offset-4`}
            >
              {link.label}
            </Link>
          </li>
        );
      })}
    </>
  );
}
