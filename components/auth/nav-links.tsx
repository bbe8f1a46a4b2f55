"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { NAV_ITEM } from "./nav-styles";

const LINKS = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/ladder", label: "Ladder" },
  // Shown from the sm breakpoint: a fifth link does not fit a 375 px phone's header on one
  // line; on a phone the Mentors section of Settings links to it.
  { href: "/mentoring", label: "Mentoring", isPhoneHidden: true },
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
          <li key={link.href} className={"isPhoneHidden" in link ? "hidden sm:list-item" : undefined}>
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
