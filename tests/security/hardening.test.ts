// Finding 8: smaller hardening. Origin check (scheme, X-Forwarded-Host), __Host- session
// cookies under https, display names, one person per browser, next-auth URLs.
import { afterEach, describe, expect, it, vi } from "vitest";
import { PATCH as accountPatch } from "@/app/api/account/route";
import {
  authedRequest,
  callAuthRoute,
  createSignedInUser,
  randomIp,
  registerUser,
  setCookies,
  signIn,
  strongPassword,
  uniqueEmail,
} from "../helpers/auth";

type Holders = { __ladderRateLimit?: { store?: { close(): Promise<void> } } };
const holders = globalThis as Holders;

function patchName(cookie: string, name: string, headers: Record<string, string> = {}) {
  const request = authedRequest("/api/account", { method: "PATCH", cookie, body: JSON.stringify({ name }) });
  for (const [header, value] of Object.entries(headers)) request.headers.set(header, value);
  return accountPatch(request, {});
}

describe("the same-origin check", () => {
  it("compares the scheme too: an https page of this host cannot write to the http app", async () => {
    const { cookie } = await createSignedInUser();
    expect((await patchName(cookie, "Allowed")).status).toBe(200);
    expect((await patchName(cookie, "Changed", { origin: "https://localhost:3000" })).status).toBe(403);
  });

  it("ignores X-Forwarded-Host unless TRUST_PROXY is set", async () => {
    const { cookie } = await createSignedInUser();
    const response = await patchName(cookie, "Changed", { origin: "http://evil.example", "x-forwarded-host": "evil.example" });
    expect(response.status).toBe(403);
  });
});

describe("display names", () => {
  it.each([
    ["a right-to-left override", "Alice\u202Etxt.exe"],
    ["an isolate", "Bob\u2066x\u2069"],
    ["a control character", "Carol\u0007"],
    ["a line break inside", "Dan\nEve"],
  ])("refuses %s", async (_, name) => {
    const { cookie } = await createSignedInUser();
    const response = await patchName(cookie, name);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { field?: string } }).error.field).toBe("name");
    expect((await registerUser({ email: uniqueEmail(), password: strongPassword(), name })).status).toBe(400);
  });

  it("keeps names in any script, with emoji", async () => {
    const { cookie } = await createSignedInUser();
    expect((await patchName(cookie, "Zoë 李 👩‍💻 O'Brien-Núñez")).status).toBe(200);
  });
});

describe("one signed-in person per browser", () => {
  it("signing in as another person ends the first person's session", async () => {
    const first = await createSignedInUser();
    const second = await createSignedInUser();
    const switched = await signIn(second.user.email, second.password, { cookie: first.cookie });
    expect(switched.response.status).toBe(200);
    const old = await callAuthRoute(authedRequest("/api/auth/session", { cookie: first.cookie }));
    expect(await old.json()).toEqual({});
    const current = await callAuthRoute(authedRequest("/api/auth/session", { cookie: switched.cookie }));
    expect(((await current.json()) as { user: { email: string } }).user.email).toBe(second.user.email);
  });
});

describe("under https", () => {
  it("the session cookie has the __Host- prefix: Secure, Path=/, no Domain", async () => {
    const email = uniqueEmail();
    const password = strongPassword();
    await registerUser({ email, password });
    const origin = "https://ladder.example";
    const at = (path: string, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set("origin", origin);
      headers.set("host", "ladder.example");
      headers.set("x-ladder-socket-address", randomIp());
      return new Request(new URL(path, origin), { ...init, headers });
    };
    const csrf = await callAuthRoute(at("/api/auth/csrf"));
    const jar = [...setCookies(csrf)].map(([name, value]) => `${name}=${value}`).join("; ");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await callAuthRoute(
      at("/api/auth/callback/credentials", {
        method: "POST",
        headers: { cookie: jar, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email, password, csrfToken, json: "true" }).toString(),
      }),
    );
    expect(response.status).toBe(200);
    const session = response.headers.getSetCookie().find((value) => value.includes("session-token=") && !/Max-Age=0/i.test(value)) ?? "";
    expect(session.startsWith("__Host-next-auth.session-token=")).toBe(true);
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*Path=\/(;|$)/i);
    expect(session).not.toMatch(/Domain=/i);
  });
});

describe("next-auth URLs without NEXTAUTH_URL", () => {
  afterEach(async () => {
    vi.unstubAllEnvs();
    await holders.__ladderRateLimit?.store?.close();
    delete holders.__ladderRateLimit;
    vi.resetModules();
  });

  it("/api/auth/providers and the OAuth redirect use the address the request came to, not localhost:3000", async () => {
    vi.stubEnv("NEXTAUTH_URL", "");
    vi.stubEnv("GITHUB_ID", "gh-id");
    vi.stubEnv("GITHUB_SECRET", "gh-secret");
    vi.resetModules();
    const helpers = await import("../helpers/auth");
    const origin = "http://ladder.test:8080";
    const at = (path: string, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      headers.set("origin", origin);
      headers.set("host", "ladder.test:8080");
      // A client's X-Forwarded-Host is not believed without TRUST_PROXY.
      headers.set("x-forwarded-host", "evil.example");
      return new Request(new URL(path, origin), { ...init, headers });
    };
    const providers = (await (await helpers.callAuthRoute(at("/api/auth/providers"))).json()) as Record<string, { signinUrl: string }>;
    expect(providers.github?.signinUrl).toBe(`${origin}/api/auth/signin/github`);

    const csrf = await helpers.callAuthRoute(at("/api/auth/csrf"));
    const jar = [...helpers.setCookies(csrf)].map(([name, value]) => `${name}=${value}`).join("; ");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await helpers.callAuthRoute(
      at("/api/auth/signin/github", {
        method: "POST",
        headers: { cookie: jar, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, json: "true", callbackUrl: "/dashboard" }).toString(),
      }),
    );
    const { url } = (await response.json()) as { url: string };
    expect(new URL(url).searchParams.get("redirect_uri")).toBe(`${origin}/api/auth/callback/github`);
  });
});
