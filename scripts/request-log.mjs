// What a request looks like in the log and the metrics: its path without the query string,
// with secret path segments (token links) and ids replaced, so no token is ever written and
// the metrics keep a small set of routes.

/** Paths whose remaining segments are secret tokens (calendar feeds, share pages, mail links). */
export const TOKEN_PREFIXES = [
  "/api/calendar/",
  "/share/",
  "/api/share/",
  "/reset-password/",
  "/password-reset/",
  "/verify-email/",
  "/unsubscribe/",
  "/api/unsubscribe/",
  "/invite/",
  "/mentors/accept/",
];

// Ids and tokens (cuids, base64url) carry digits; catalog item ids are words and stay readable.
const ID_LIKE = /^(?=.*\d)[A-Za-z0-9_-]{20,}$/;

/** @param {string | undefined} url @returns {string} */
export function routeOf(url) {
  const raw = (url ?? "/").split(/[?#]/, 1)[0] || "/";
  let path;
  try {
    path = decodeURI(raw);
  } catch {
    path = raw;
  }
  if (path.startsWith("/_next/")) return path.startsWith("/_next/static/") ? "/_next/static" : "/_next";
  for (const prefix of TOKEN_PREFIXES) {
    if (path.startsWith(prefix) && path.length > prefix.length) return `${prefix}:token`;
  }
  return path
    .split("/")
    .map((segment) => (ID_LIKE.test(segment) ? ":id" : segment))
    .join("/")
    .slice(0, 200);
}

/** @param {string | string[] | undefined} value */
export function requestIdFrom(value) {
  const id = Array.isArray(value) ? value[0] : value;
  return id && /^[A-Za-z0-9._-]{8,64}$/.test(id) ? id : undefined;
}
