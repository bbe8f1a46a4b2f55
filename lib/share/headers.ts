// Headers of everything under /share/<token>: not indexed, the token never leaks through a
// Referer, and no cache keeps a page alive after the link is revoked.
export const SHARE_HEADERS = {
  "X-Robots-Tag": "noindex, nofollow",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
} as const;
