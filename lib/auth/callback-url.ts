// Where to go after signing in. Only paths on this site are accepted, so a crafted link
// cannot send someone to another site after they sign in (an open redirect).

export const DEFAULT_CALLBACK_PATH = "/dashboard";

const BASE = "http://ladder.invalid";

export function safeCallbackPath(value: unknown, fallback = DEFAULT_CALLBACK_PATH): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return fallback;
  if (!value.startsWith("/")) return fallback;
  if (Array.from(value).some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  // The *result* is checked: parsing removes dot segments, so "/.//evil.example" becomes
  // "//evil.example", which browsers read as another site ("//" and "/\" are protocol-relative).
  const result = `${url.pathname}${url.search}${url.hash}`;
  if (!isSameSitePath(result)) return fallback;
  // Never back to the sign-in or sign-up page itself.
  const page = url.pathname.replace(/\/+$/, "").toLowerCase();
  if (page === "/signin" || page === "/signup") return fallback;
  return result;
}

function isSameSitePath(path: string): boolean {
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return false;
  // Read again as a browser would: it must stay on this site.
  try {
    return new URL(path, BASE).origin === BASE;
  } catch {
    return false;
  }
}
