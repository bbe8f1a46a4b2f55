import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import {
  authedRequest,
  callAuthRoute,
  createSignedInUser,
  randomIp,
  registerUser,
  SESSION_COOKIE,
  signIn,
  strongPassword,
  uniqueEmail,
} from "../helpers/auth";

describe("sign-in with email and password (POST /api/auth/callback/credentials)", () => {
  it("signs in with the right password: a session cookie that is httpOnly, SameSite=Lax, at most 7 days", async () => {
    const email = uniqueEmail();
    const password = strongPassword();
    expect((await registerUser({ email, password })).status).toBe(201);

    const { response, cookie } = await signIn(email.toUpperCase(), password, { callbackUrl: "/settings" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ url: "/settings" });
    expect(cookie).not.toBeNull();
    const header = response.headers.getSetCookie().find((value) => value.startsWith(`${SESSION_COOKIE}=`)) ?? "";
    expect(header).toMatch(/HttpOnly/i);
    expect(header).toMatch(/SameSite=Lax/i);
    expect(header).not.toMatch(/Secure/i);
    const expires = new Date(/Expires=([^;]+)/i.exec(header)?.[1] ?? 0).getTime();
    expect(expires - Date.now()).toBeLessThanOrEqual(7 * 24 * 3600 * 1000 + 5000);
    expect(expires - Date.now()).toBeGreaterThan(6 * 24 * 3600 * 1000);

    const session = await callAuthRoute(authedRequest("/api/auth/session", { cookie }));
    const body = (await session.json()) as { user: { email: string } };
    expect(body.user.email).toBe(email);
  });

  it("answers an unknown email and a wrong password identically, in comparable time", async () => {
    const email = uniqueEmail();
    await registerUser({ email, password: strongPassword() });
    const unknown = await signIn(uniqueEmail("nobody"), strongPassword());
    const wrong = await signIn(email, strongPassword());
    expect(unknown.response.status).toBe(401);
    expect(wrong.response.status).toBe(401);
    const [unknownBody, wrongBody] = [await unknown.response.text(), await wrong.response.text()];
    expect(unknownBody).toBe(wrongBody);
    expect(JSON.parse(wrongBody)).toEqual({ error: { code: "invalid_credentials", message: "Wrong email or password." } });
    expect(unknown.cookie).toBeNull();
    expect(wrong.cookie).toBeNull();
    expect([...unknown.response.headers.keys()].sort()).toEqual([...wrong.response.headers.keys()].sort());

    // Interleaved, so machine load hits both alike; the median of each must be within a factor of 2.
    const timings = { unknown: [] as number[], wrong: [] as number[] };
    for (let round = 0; round < 5; round++) {
      for (const kind of ["unknown", "wrong"] as const) {
        const started = performance.now();
        await signIn(kind === "unknown" ? uniqueEmail("nobody") : email, strongPassword());
        timings[kind].push(performance.now() - started);
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
    const ratio = median(timings.unknown) / median(timings.wrong);
    expect(ratio, `unknown ${median(timings.unknown).toFixed(0)} ms, wrong ${median(timings.wrong).toFixed(0)} ms`).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it("checks the password exactly as typed: no trimming, Unicode kept", async () => {
    const email = uniqueEmail();
    const password = "  Ünïcödé 🔑 ladder-rung jacaranda  ";
    expect((await registerUser({ email, password })).status).toBe(201);
    expect((await signIn(email, password)).cookie).not.toBeNull();
    expect((await signIn(email, password.trim())).response.status).toBe(401);
    expect((await signIn(email, password.normalize("NFD"))).response.status).toBe(401);
  });

  it("goes only to same-site paths after signing in", async () => {
    const { user, password } = await createSignedInUser();
    for (const callbackUrl of ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"]) {
      const { response } = await signIn(user.email, password, { callbackUrl });
      expect(await response.json()).toEqual({ url: "/dashboard" });
    }
  });

  it("refuses a sign-in without the csrf token", async () => {
    const { user, password } = await createSignedInUser();
    const response = await callAuthRoute(
      authedRequest("/api/auth/callback/credentials", {
        method: "POST",
        ip: randomIp(),
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: user.email, password, json: "true" }).toString(),
      }),
    );
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie().some((value) => value.startsWith(`${SESSION_COOKIE}=`))).toBe(false);
  });

  it("records one LoginSession row per sign-in", async () => {
    const { user, password } = await createSignedInUser();
    await signIn(user.email, password);
    expect(await getDb().loginSession.count({ where: { userId: user.id } })).toBe(2);
  });
});

describe("OAuth providers", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  async function providers(): Promise<string[]> {
    const { GET } = await import("@/app/api/auth/[...nextauth]/route");
    const response = await GET(authedRequest("/api/auth/providers"), { params: Promise.resolve({ nextauth: ["providers"] }) });
    return Object.keys((await response.json()) as Record<string, unknown>).sort();
  }

  it("offers only email and password when no OAuth variables are set", async () => {
    vi.resetModules();
    expect(await providers()).toEqual(["credentials"]);
    const { configuredOAuthProviders } = await import("@/lib/auth/options");
    expect(configuredOAuthProviders()).toEqual([]);
  });

  it("switches GitHub and Google on from their variables, each only with id and secret", async () => {
    vi.stubEnv("GITHUB_ID", "gh-id");
    vi.stubEnv("GITHUB_SECRET", "gh-secret");
    vi.stubEnv("GOOGLE_CLIENT_ID", "google-id");
    vi.resetModules();
    expect(await providers()).toEqual(["credentials", "github"]);

    vi.stubEnv("GOOGLE_CLIENT_SECRET", "google-secret");
    vi.resetModules();
    expect(await providers()).toEqual(["credentials", "github", "google"]);
    const { configuredOAuthProviders } = await import("@/lib/auth/options");
    expect(configuredOAuthProviders().map((provider) => provider.name)).toEqual(["GitHub", "Google"]);
  });

  it("starts a GitHub sign-in with a redirect to GitHub that comes back to our callback", async () => {
    vi.stubEnv("GITHUB_ID", "gh-id");
    vi.stubEnv("GITHUB_SECRET", "gh-secret");
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    vi.resetModules();
    const helpers = await import("../helpers/auth");
    const csrf = await helpers.callAuthRoute(helpers.authedRequest("/api/auth/csrf"));
    const cookie = [...helpers.setCookies(csrf)].map(([name, value]) => `${name}=${value}`).join("; ");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await helpers.callAuthRoute(
      helpers.authedRequest("/api/auth/signin/github", {
        method: "POST",
        cookie,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, json: "true", callbackUrl: "/dashboard" }).toString(),
      }),
    );
    const { url } = (await response.json()) as { url: string };
    const target = new URL(url);
    expect(target.origin).toBe("https://github.com");
    expect(target.searchParams.get("client_id")).toBe("gh-id");
    expect(target.searchParams.get("redirect_uri")).toBe("http://localhost:3000/api/auth/callback/github");
  });
});
