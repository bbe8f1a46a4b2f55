import Link from "next/link";

// The public pages' links, named once for the header and the footer.
const SITE_LINKS = [
  { href: "/how-it-works", label: "How levels work" },
  { href: "/signin", label: "Sign in" },
  { href: "/signup", label: "Sign up" },
] as const;

export type SiteHref = (typeof SITE_LINKS)[number]["href"];

/** One list item per link; the caller styles each item and link. */
export function SiteLinks({ itemClass, linkClass }: { itemClass?: (href: SiteHref) => string | undefined; linkClass: (href: SiteHref) => string }) {
  return SITE_LINKS.map(({ href, label }) => (
    <li key={href} className={itemClass?.(href)}>
      <Link href={href} className={linkClass(href)}>
        {label}
      </Link>
    </li>
  ));
}
