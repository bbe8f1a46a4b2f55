import "server-only";
import NextAuth from "next-auth";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { getAuthOptions } from "@/lib/auth/options";
import { deviceIdFor, issueDeviceCookie } from "@/lib/auth/device-cookie";
import { revokeLoginSession } from "@/lib/auth/login-sessions";
import { configuredOAuthProviders } from "@/lib/auth/options";
import { beginLoginAttempt } from "@/lib/auth/rate-limit";
import { clientIp, isSecureRequest, requestOrigin } from "@/lib/auth/request-info";
import { getActiveSession } from "@/lib/auth/session";
import { clearSessionCookies, requestCookies, requestSessionToken, sessionCookieName } from "@/lib/auth/session-cookie";
import { decodeSessionToken } from "@/lib/auth/session-token";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { json, MAX_JSON_BYTES, readTextLimited } from "@/lib/http";

// /api/auth/* runs next-auth 4 (csrf, providers, credentials and OAuth callbacks, sign-out),
// wrapped so that it fits the rest of the API:
// - the credentials callback is throttled first, so a refused attempt gets a real 429 with
//   Retry-After (next-auth's authorize() can only say yes or no);
// - fetch clients (`json=true`) get JSON answers with our error shape instead of redirects;
// - GET /api/auth/session answers from the database, so a revoked session reads as signed out;
// - signing in ends the session the browser had before (someone else's, in a shared browser);
// - without NEXTAUTH_URL, next-auth's URLs (providers, OAuth redirects) use the origin the
//   request was addressed to, not its built-in http://localhost:3000.
// next-auth is driven through its request/response API (NextAuth(req, res, options)), which
// needs no Next.js request scope, so the same code runs under `next start` and in tests.

type AuthBody = Record<string, string>;

/** Collects what next-auth writes into a Web Response. */
class CollectedResponse {
  statusCode = 200;
  readonly headers = new Headers();
  private cookies: string[] = [];
  body: string | null = null;

  status(code: number): this {
    this.statusCode = code;
    return this;
  }
  getHeader(name: string): string[] | string | undefined {
    return name.toLowerCase() === "set-cookie" ? this.cookies : (this.headers.get(name) ?? undefined);
  }
  setHeader(name: string, value: string | string[]): this {
    if (name.toLowerCase() === "set-cookie") this.cookies = Array.isArray(value) ? value : [value];
    else this.headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    return this;
  }
  json(data: unknown): this {
    this.headers.set("Content-Type", "application/json");
    this.body = JSON.stringify(data);
    return this;
  }
  send(data: unknown): this {
    this.body = typeof data === "string" ? data : JSON.stringify(data ?? {});
    return this;
  }
  end(): this {
    return this;
  }
  get setCookies(): string[] {
    return this.cookies;
  }
  /** Where next-auth sends the client: the Location header, or `{url}` in JSON mode. */
  get redirect(): string | null {
    const location = this.headers.get("Location");
    if (location) return location;
    try {
      const body = JSON.parse(this.body ?? "null") as { url?: unknown } | null;
      return typeof body?.url === "string" ? body.url : null;
    } catch {
      return null;
    }
  }
}

async function readAuthBody(request: Request): Promise<AuthBody> {
  const text = await readTextLimited(request, MAX_JSON_BYTES);
  const type = request.headers.get("content-type") ?? "";
  if (type.includes("application/json")) {
    let data: unknown;
    try {
      data = JSON.parse(text || "{}");
    } catch {
      throw new AppError("invalid_input", "The request body is not valid JSON.");
    }
    if (!data || typeof data !== "object" || Array.isArray(data)) throw new AppError("invalid_input", "The request body must be a JSON object.");
    return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, typeof value === "string" ? value : String(value)]));
  }
  return Object.fromEntries(new URLSearchParams(text));
}

/**
 * The request headers as next-auth sees them. Without NEXTAUTH_URL it takes its origin from
 * Host and X-Forwarded-Proto (AUTH_TRUST_HOST), so those are replaced by the origin our own
 * rules derive (X-Forwarded-* only under TRUST_PROXY) and a client cannot choose them.
 */
function nextAuthHeaders(request: Request): Record<string, string> {
  const env = getEnv();
  const headers = Object.fromEntries(request.headers);
  if (env.NEXTAUTH_URL) return headers;
  const origin = new URL(requestOrigin(request, { trustProxy: env.TRUST_PROXY }) ?? "http://localhost");
  headers.host = origin.host;
  headers["x-forwarded-host"] = origin.host;
  headers["x-forwarded-proto"] = origin.protocol.replace(/:$/, "");
  // next-auth reads this switch from the environment; the headers it then trusts are ours.
  process.env.AUTH_TRUST_HOST = "true";
  return headers;
}

async function runNextAuth(request: Request, segments: string[], body: AuthBody | undefined, isSecure: boolean): Promise<CollectedResponse> {
  const url = new URL(request.url);
  const res = new CollectedResponse();
  // Where to go afterwards is ours to decide (same-site paths only); next-auth would answer a
  // malformed callback URL with a 500, so it only ever sees a checked one.
  const cookies = Object.fromEntries(requestCookies(request));
  delete cookies["next-auth.callback-url"];
  delete cookies["__Secure-next-auth.callback-url"];
  const query: Record<string, unknown> = { ...Object.fromEntries(url.searchParams), nextauth: segments };
  if (query.callbackUrl !== undefined) query.callbackUrl = safeCallbackPath(query.callbackUrl);
  const safeBody = body && body.callbackUrl !== undefined ? { ...body, callbackUrl: safeCallbackPath(body.callbackUrl) } : body;
  const req = { method: request.method, headers: nextAuthHeaders(request), cookies, body: safeBody, query };
  // next-auth's request/response handler; the types describe Next's pages-router objects.
  await NextAuth(req as never, res as never, getAuthOptions(isSecure));
  return res;
}

function toResponse(collected: CollectedResponse, overrides: { status?: number; body?: unknown } = {}): Response {
  const headers = new Headers(collected.headers);
  for (const cookie of collected.setCookies) headers.append("Set-Cookie", cookie);
  headers.set("Cache-Control", "no-store");
  if (overrides.body !== undefined) {
    headers.delete("Location");
    headers.set("Content-Type", "application/json");
    return new Response(JSON.stringify(overrides.body), { status: overrides.status ?? 200, headers });
  }
  return new Response(collected.body, { status: overrides.status ?? collected.statusCode, headers });
}

/** A redirect that keeps the cookies next-auth set (session, csrf). */
function redirectWith(collected: CollectedResponse, location: string): Response {
  const headers = new Headers();
  for (const cookie of collected.setCookies) headers.append("Set-Cookie", cookie);
  headers.set("Location", location);
  headers.set("Cache-Control", "no-store");
  return new Response(null, { status: 302, headers });
}

function issuedSession(collected: CollectedResponse, isSecure: boolean): boolean {
  const prefix = `${sessionCookieName(isSecure)}=`;
  return collected.setCookies.some((cookie) => cookie.startsWith(prefix) && !cookie.startsWith(`${prefix};`));
}

function isCsrfRejection(collected: CollectedResponse): boolean {
  return collected.redirect?.includes("csrf=true") ?? false;
}

const CSRF_EXPIRED = "Your sign-in form has expired. Reload the page and try again.";

/** The session this browser had before a new sign-in, ended: one browser, one signed-in person. */
async function endPreviousSession(request: Request): Promise<void> {
  const claims = await decodeSessionToken(requestSessionToken(request));
  if (claims) await revokeLoginSession(claims.sub, claims.sid);
}

async function credentialsCallback(request: Request, body: AuthBody, isSecure: boolean): Promise<Response> {
  const isJson = body.json === "true";
  const callbackPath = safeCallbackPath(body.callbackUrl);
  const email = body.email ?? "";
  const attempt = await beginLoginAttempt(email, clientIp(request.headers), { deviceId: deviceIdFor(request, email) });
  const collected = await runNextAuth(request, ["callback", "credentials"], body, isSecure);
  if (issuedSession(collected, isSecure)) {
    await attempt.succeeded();
    await endPreviousSession(request);
    collected.setHeader("Set-Cookie", [...collected.setCookies, issueDeviceCookie(email, isSecure)]);
    return isJson ? toResponse(collected, { body: { url: callbackPath } }) : redirectWith(collected, callbackPath);
  }
  if (isCsrfRejection(collected)) {
    if (isJson) return toResponse(collected, { status: 403, body: { error: { code: "forbidden", message: CSRF_EXPIRED } } });
    return redirectWith(collected, `/signin?error=csrf&callbackUrl=${encodeURIComponent(callbackPath)}`);
  }
  // Unknown email and wrong password: one answer, whatever the cause.
  if (isJson) return toResponse(collected, { status: 401, body: { error: { code: "invalid_credentials", message: "Wrong email or password." } } });
  return redirectWith(collected, `/signin?error=CredentialsSignin&callbackUrl=${encodeURIComponent(callbackPath)}`);
}

async function signOut(request: Request, body: AuthBody, isSecure: boolean): Promise<Response> {
  const isJson = body.json === "true";
  const collected = await runNextAuth(request, ["signout"], body, isSecure);
  if (isCsrfRejection(collected)) {
    if (isJson) return toResponse(collected, { status: 403, body: { error: { code: "forbidden", message: CSRF_EXPIRED } } });
    return redirectWith(collected, "/signin?error=csrf");
  }
  // next-auth ends the session its own cookie names; a cookie under an older name goes too.
  await endPreviousSession(request);
  collected.setHeader("Set-Cookie", [...collected.setCookies, ...clearSessionCookies(isSecure)]);
  const next = safeCallbackPath(body.callbackUrl, "/");
  return isJson ? toResponse(collected, { body: { url: next } }) : redirectWith(collected, next);
}

/** GET /api/auth/session, answered from the database: a revoked or expired session reads as signed out. */
async function sessionStatus(request: Request, isSecure: boolean): Promise<Response> {
  const session = await getActiveSession(request);
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (!session) {
    if (requestSessionToken(request) !== undefined) for (const cookie of clearSessionCookies(isSecure)) headers.append("Set-Cookie", cookie);
    return json({}, { headers });
  }
  const { id, email, name } = session.user;
  return json({ user: { id, email, name }, expires: session.expiresAt.toISOString() }, { headers });
}

/** next-auth's own pages (sign-in, sign-out, error) are ours: /signin, with the error and callback carried over. */
function toSignInPage(request: Request): Response {
  const url = new URL(request.url);
  const params = new URLSearchParams();
  const error = url.searchParams.get("error");
  if (error) params.set("error", error.slice(0, 100));
  const callbackUrl = url.searchParams.get("callbackUrl");
  if (callbackUrl) params.set("callbackUrl", safeCallbackPath(callbackUrl));
  const query = params.toString();
  return redirectWith(new CollectedResponse(), `/signin${query ? `?${query}` : ""}`);
}

function isOAuthProvider(providerId: string | undefined): boolean {
  return configuredOAuthProviders().some((provider) => provider.id === providerId);
}

async function oauthCallback(request: Request, collected: CollectedResponse, isSecure: boolean): Promise<Response> {
  if (issuedSession(collected, isSecure)) await endPreviousSession(request);
  return toResponse(collected);
}

function notFound(): never {
  throw new AppError("not_found", "There is no such sign-in action.");
}

/** The handler behind GET and POST /api/auth/[...nextauth]. */
export async function handleAuthRoute(request: Request): Promise<Response> {
  const isSecure = isSecureRequest(request);
  // /api/auth/<action>/<provider>
  const segments = new URL(request.url).pathname.split("/").slice(3).filter(Boolean);
  const [action, providerId] = segments;
  if (request.method === "GET") {
    switch (action) {
      case "session":
        return sessionStatus(request, isSecure);
      case "csrf":
      case "providers":
        return toResponse(await runNextAuth(request, [action], undefined, isSecure));
      case "callback":
        // OAuth providers come back here; credentials only ever POST.
        if (!isOAuthProvider(providerId)) notFound();
        return oauthCallback(request, await runNextAuth(request, segments, undefined, isSecure), isSecure);
      case "signin":
      case "signout":
      case "error":
        return toSignInPage(request);
      default:
        notFound();
    }
  }
  if (request.method === "POST") {
    const body = await readAuthBody(request);
    if (action === "callback" && providerId === "credentials") return credentialsCallback(request, body, isSecure);
    if (action === "signout") return signOut(request, body, isSecure);
    if (action === "signin" && isOAuthProvider(providerId)) {
      // Starts an OAuth sign-in: the answer is the provider's authorization URL.
      return toResponse(await runNextAuth(request, segments, body, isSecure));
    }
    if (action === "callback" && isOAuthProvider(providerId)) {
      return oauthCallback(request, await runNextAuth(request, segments, body, isSecure), isSecure);
    }
    notFound();
  }
  throw new AppError("not_found", "Method not supported.");
}
