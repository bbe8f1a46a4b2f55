import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function proxyHeaders(url: string, env: Record<string, string> = {}, requestHeaders: Record<string, string> = {}): Promise<Headers> {
  vi.unstubAllEnvs();
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  vi.resetModules();
  const { proxy } = await import("@/proxy");
  return proxy(new NextRequest(url, { headers: requestHeaders })).headers;
}

describe("proxy security headers", () => {
  it("sends a strict CSP in production: nonce and strict-dynamic, no unsafe-eval, frame-ancestors 'none'", async () => {
    const headers = await proxyHeaders("http://localhost:3000/dashboard", { NODE_ENV: "production" });
    const csp = headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'(;|$)/);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(headers.get("strict-transport-security")).toBeNull();
  });

  it("uses a new nonce for every request and hands it to Next.js in the request headers", async () => {
    const first = (await proxyHeaders("http://localhost:3000/")).get("content-security-policy");
    const second = (await proxyHeaders("http://localhost:3000/")).get("content-security-policy");
    expect(first).not.toBe(second);
    const headers = await proxyHeaders("http://localhost:3000/");
    // NextResponse.next({ request }) passes the overridden request headers on as x-middleware-request-*.
    const nonce = /'nonce-([^']+)'/.exec(headers.get("content-security-policy") ?? "")?.[1];
    expect(headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(headers.get("x-middleware-request-content-security-policy")).toBe(headers.get("content-security-policy"));
  });

  it("allows eval only in development, for React's error overlay", async () => {
    const headers = await proxyHeaders("http://localhost:3000/", { NODE_ENV: "development" });
    expect(headers.get("content-security-policy")).toContain("'unsafe-eval'");
  });

  it("adds HSTS (and upgrade-insecure-requests) under https only", async () => {
    const https = await proxyHeaders("https://ladder.example/api/account");
    expect(https.get("strict-transport-security")).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(https.get("content-security-policy")).toContain("upgrade-insecure-requests");
    const proxied = await proxyHeaders("http://internal:3000/", { TRUST_PROXY: "true" }, { "x-forwarded-proto": "https" });
    expect(proxied.get("strict-transport-security")).not.toBeNull();
    const untrusted = await proxyHeaders("http://internal:3000/", {}, { "x-forwarded-proto": "https" });
    expect(untrusted.get("strict-transport-security")).toBeNull();
  });
});

describe("next.config.js", () => {
  it("sends nosniff, a Referrer-Policy and frame denial on every path, and no X-Powered-By", async () => {
    // @ts-expect-error next.config.js is plain JavaScript without type declarations.
    const config = (await import("../../next.config.js")).default as {
      poweredByHeader: boolean;
      headers: () => Promise<{ source: string; headers: { key: string; value: string }[] }[]>;
    };
    expect(config.poweredByHeader).toBe(false);
    const rules = await config.headers();
    const all = rules.find((rule) => rule.source === "/:path*");
    const values = Object.fromEntries((all?.headers ?? []).map((header) => [header.key.toLowerCase(), header.value]));
    expect(values["x-content-type-options"]).toBe("nosniff");
    expect(values["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(values["x-frame-options"]).toBe("DENY");
  });
});
