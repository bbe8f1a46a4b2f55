import http from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type GuardSettings, guardRequest } from "@/lib/auth/server-requests";
import { API_CONTENT_SECURITY_POLICY } from "@/lib/security-headers";

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

  it("adds upgrade-insecure-requests under https only", async () => {
    const https = await proxyHeaders("https://ladder.example/dashboard");
    expect(https.get("content-security-policy")).toContain("upgrade-insecure-requests");
    const proxied = await proxyHeaders("http://internal:3000/", { TRUST_PROXY: "true" }, { "x-forwarded-proto": "https" });
    expect(proxied.get("content-security-policy")).toContain("upgrade-insecure-requests");
    const untrusted = await proxyHeaders("http://internal:3000/", {}, { "x-forwarded-proto": "https" });
    expect(untrusted.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
  });

  it("runs on pages only: not on /api/ or hashed build assets", async () => {
    const { config } = await import("@/proxy");
    // The matcher is a path-to-regexp pattern that is also a plain regular expression.
    const matches = (path: string) => config.matcher.some((pattern) => new RegExp(`^${pattern}$`).test(path));
    expect(["/", "/dashboard", "/share/abc", "/api"].every(matches)).toBe(true);
    expect(["/api/progress", "/api/health", "/_next/static/chunks/a.js", "/_next/image", "/favicon.ico"].some(matches)).toBe(false);
  });
});

/** GET `path` through a real HTTP server that runs the server's request guard with `settings`. */
async function guardedHeaders(settings: GuardSettings, path: string, headers: Record<string, string> = {}): Promise<Headers> {
  const server = http.createServer((request, response) => {
    if (!guardRequest(request, response, settings)) response.end("{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`, { headers });
    await response.text();
    return response.headers;
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

describe("the server's request guard: HSTS on every path under https", () => {
  it.each(["/api/progress", "/dashboard", "/_next/static/chunks/a.js", "/api/progress/%ZZ"])("sends HSTS on %s when the public URL is https", async (path) => {
    const headers = await guardedHeaders({ trustProxy: false, publicUrl: "https://ladder.example" }, path);
    expect(headers.get("strict-transport-security")).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
  });

  it("believes X-Forwarded-Proto only from a trusted proxy, and sends no HSTS over http", async () => {
    const proxied = await guardedHeaders({ trustProxy: true }, "/api/health", { "x-forwarded-proto": "https" });
    expect(proxied.get("strict-transport-security")).not.toBeNull();
    const untrusted = await guardedHeaders({ trustProxy: false }, "/api/health", { "x-forwarded-proto": "https" });
    expect(untrusted.get("strict-transport-security")).toBeNull();
    const plain = await guardedHeaders({ trustProxy: false, publicUrl: "http://localhost:3000" }, "/api/health");
    expect(plain.get("strict-transport-security")).toBeNull();
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

  it("sends API responses a static CSP that loads nothing and forbids framing", async () => {
    // @ts-expect-error next.config.js is plain JavaScript without type declarations.
    const config = (await import("../../next.config.js")).default as { headers: () => Promise<{ source: string; headers: { key: string; value: string }[] }[]> };
    const api = (await config.headers()).find((rule) => rule.source === "/api/:path*");
    expect(api?.headers).toEqual([{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }]);
    expect(API_CONTENT_SECURITY_POLICY).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});
