// Where to go after signing in. Only paths on this site are accepted, so a crafted link
// cannot send someone to another site after they sign in (an open redirect).

export const DEFAULT_CALLBACK_PATH = "/dashboard";

export function safeCallbackPath(value: unknown, fallback = DEFAULT_CALLBACK_PATH): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return fallback;
  // "//evil.example" and "/\evil.example" are protocol-relative URLs to browsers.
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (Array.from(value).some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) return fallback;
  const base = "http://ladder.invalid";
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  // Never back to the sign-in or sign-up page itself.
  if (url.pathname === "/signin" || url.pathname === "/signup") return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
