// Signed-in users for integration tests, made through the real code paths: the registration
// route handler, then next-auth's csrf and credentials callback through our /api/auth route.
import crypto from "node:crypto";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...nextauth]/route";
import { POST as registerPost } from "@/app/api/auth/register/route";
import { SOCKET_ADDRESS_HEADER } from "@/lib/auth/request-info";
import type { SessionUser } from "@/lib/auth/session";

export const ORIGIN = "http://localhost:3000";

type AuthedInit = RequestInit & { cookie?: string | null; ip?: string };

/** A Request to this app with a Cookie header and same-site Origin (http://localhost:3000). */
export function authedRequest(url: string, init: AuthedInit = {}): Request {
  const { cookie, ip, headers, ...rest } = init;
  const merged = new Headers(headers);
  merged.set("origin", ORIGIN);
  merged.set("host", "localhost:3000");
  if (cookie) merged.set("cookie", cookie);
  // The server writes the socket address into this header (lib/auth/socket-address.ts).
  if (ip) merged.set(SOCKET_ADDRESS_HEADER, ip);
  if (typeof rest.body === "string" && !merged.has("content-type")) merged.set("content-type", "application/json");
  return new Request(new URL(url, ORIGIN), { ...rest, headers: merged });
}

/** A client address of its own, so tests do not share per-IP counters. */
export function randomIp(): string {
  const bytes = crypto.randomBytes(3);
  return `10.${bytes[0]}.${bytes[1]}.${bytes[2]}`;
}

export function uniqueEmail(label = "user"): string {
  return `${label}-${crypto.randomUUID()}@example.com`;
}

/** A password the strength check accepts. */
export function strongPassword(): string {
  return `Granite kettle ${crypto.randomBytes(4).toString("hex")} mosaic`;
}

function authContext(request: Request) {
  const nextauth = new URL(request.url).pathname.split("/").slice(3);
  return { params: Promise.resolve({ nextauth }) };
}

export function callAuthRoute(request: Request): Promise<Response> {
  return (request.method === "GET" ? authGet : authPost)(request, authContext(request));
}

/** "name=value" of every cookie a response sets (an emptied cookie has an empty value). */
export function setCookies(response: Response): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(";")[0] ?? "";
    const index = pair.indexOf("=");
    cookies.set(pair.slice(0, index), pair.slice(index + 1));
  }
  return cookies;
}

export const SESSION_COOKIE = "next-auth.session-token";

/** POSTs a form to an /api/auth route the way next-auth's client does (urlencoded). */
export function postAuthForm(path: string, options: { ip: string; cookie: string; fields: Record<string, string> }): Promise<Response> {
  return callAuthRoute(
    authedRequest(path, {
      method: "POST",
      ip: options.ip,
      cookie: options.cookie,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(options.fields).toString(),
    }),
  );
}

export type SignInResult = { response: Response; cookie: string | null };

/** Signs in like the /signin page does: GET /api/auth/csrf, then POST the credentials callback. */
export async function signIn(
  email: string,
  password: string,
  options: { ip?: string; callbackUrl?: string; cookie?: string } = {},
): Promise<SignInResult> {
  const ip = options.ip ?? randomIp();
  const csrfResponse = await callAuthRoute(authedRequest("/api/auth/csrf", { ip }));
  // Cookies the browser already holds (a session, a device cookie) go along with the csrf cookie.
  const csrfCookie = [...[...setCookies(csrfResponse)].map(([name, value]) => `${name}=${value}`), ...(options.cookie ? [options.cookie] : [])].join("; ");
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const response = await postAuthForm("/api/auth/callback/credentials", {
    ip,
    cookie: csrfCookie,
    fields: { email, password, csrfToken, json: "true", callbackUrl: options.callbackUrl ?? "/dashboard" },
  });
  const token = setCookies(response).get(SESSION_COOKIE);
  return { response, cookie: token ? `${SESSION_COOKIE}=${token}` : null };
}

export async function registerUser(input: { email: string; password: string; name?: string | null }, ip = randomIp()): Promise<Response> {
  return registerPost(authedRequest("/api/auth/register", { method: "POST", ip, body: JSON.stringify(input) }), {});
}

/** A new user, registered and signed in through the real handlers. */
export async function createSignedInUser(
  overrides: { email?: string; password?: string; name?: string | null } = {},
): Promise<{ user: SessionUser; cookie: string; password: string }> {
  const email = overrides.email ?? uniqueEmail();
  const password = overrides.password ?? strongPassword();
  const name = overrides.name === undefined ? "Test Person" : overrides.name;
  const registered = await registerUser({ email, password, name });
  if (registered.status !== 201) throw new Error(`registration failed: ${registered.status} ${await registered.text()}`);
  const { user } = (await registered.json()) as { user: { id: string; email: string; name: string | null } };
  const { response, cookie } = await signIn(email, password);
  if (!cookie) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return { user: { ...user, trackId: null }, cookie, password };
}
