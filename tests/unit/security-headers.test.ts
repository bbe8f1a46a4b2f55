import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { type GuardSettings, guardRequest, isPagePath } from "@/lib/auth/server-requests";
import { API_CONTENT_SECURITY_POLICY } from "@/lib/security-headers";
import { SHARE_HEADERS } from "@/lib/share/headers";

/**
 * GET `path` through a real HTTP server that runs the server's request guard with `settings`:
 * the response's headers, its CSP, and the request headers Next.js would see.
 */
async function throughGuard(settings: GuardSettings, path: string, headers: Record<string, string> = {}) {
  let seen: http.IncomingHttpHeaders = {};
  const server = http.createServer((request, response) => {
    if (guardRequest(request, response, settings)) return;
    seen = { ...request.headers };
    response.end("<p>page</p>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`, { headers });
    await response.text();
    return { headers: response.headers, csp: response.headers.get("content-security-policy"), requestHeaders: seen };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

const PRODUCTION: GuardSettings = { trustProxy: false, isDevelopment: false };

describe("the request guard's page CSP", () => {
  it("sends a strict CSP in production: nonce and strict-dynamic, no unsafe-eval, frame-ancestors 'none'", async () => {
    const { csp, headers } = await throughGuard(PRODUCTION, "/dashboard");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'(;|$)/);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(headers.get("strict-transport-security")).toBeNull();
  });

  it("uses a new nonce for every request and hands Next.js the same CSP in the request, replacing the client's", async () => {
    const first = await throughGuard(PRODUCTION, "/");
    const second = await throughGuard(PRODUCTION, "/");
    expect(first.csp).not.toBe(second.csp);
    const forged = "script-src 'nonce-chosenbytheclient'";
    const { csp, requestHeaders } = await throughGuard(PRODUCTION, "/signin", {
      "content-security-policy": forged,
      "content-security-policy-report-only": forged,
    });
    expect(requestHeaders["content-security-policy"]).toBe(csp);
    expect(requestHeaders["content-security-policy-report-only"]).toBeUndefined();
    expect(csp).not.toContain("chosenbytheclient");
  });

  it("allows eval only in development, for React's error overlay", async () => {
    expect((await throughGuard({ trustProxy: false, isDevelopment: true }, "/")).csp).toContain("'unsafe-eval'");
  });

  it("adds upgrade-insecure-requests under https only", async () => {
    expect((await throughGuard({ trustProxy: false, publicUrl: "https://ladder.example" }, "/dashboard")).csp).toContain("upgrade-insecure-requests");
    const proxied = await throughGuard({ trustProxy: true }, "/", { "x-forwarded-proto": "https" });
    expect(proxied.csp).toContain("upgrade-insecure-requests");
    const untrusted = await throughGuard({ trustProxy: false }, "/", { "x-forwarded-proto": "https" });
    expect(untrusted.csp).not.toContain("upgrade-insecure-requests");
  });

  it("gives a nonce to pages only: not to /api/ or hashed build assets", async () => {
    for (const path of ["/", "/dashboard", "/share/abc", "/api", "/apiary"]) {
      expect(isPagePath(path), path).toBe(true);
      expect((await throughGuard(PRODUCTION, path)).csp, path).toContain("'nonce-");
    }
    for (const path of ["/api/progress", "/api/health", "/_next/static/chunks/a.js", "/_next/image?url=x", "/favicon.ico"]) {
      expect(isPagePath(path), path).toBe(false);
      const { csp, requestHeaders } = await throughGuard(PRODUCTION, path);
      expect(csp, path).toBeNull();
      expect(requestHeaders["content-security-policy"], path).toBeUndefined();
    }
  });
});

describe("the server's request guard: HSTS on every path under https", () => {
  it.each(["/api/progress", "/dashboard", "/_next/static/chunks/a.js", "/api/progress/%ZZ"])("sends HSTS on %s when the public URL is https", async (path) => {
    const headers = (await throughGuard({ trustProxy: false, publicUrl: "https://ladder.example" }, path)).headers;
    expect(headers.get("strict-transport-security")).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
  });

  it("believes X-Forwarded-Proto only from a trusted proxy, and sends no HSTS over http", async () => {
    const proxied = (await throughGuard({ trustProxy: true }, "/api/health", { "x-forwarded-proto": "https" })).headers;
    expect(proxied.get("strict-transport-security")).not.toBeNull();
    const untrusted = (await throughGuard({ trustProxy: false }, "/api/health", { "x-forwarded-proto": "https" })).headers;
    expect(untrusted.get("strict-transport-security")).toBeNull();
    const plain = (await throughGuard({ trustProxy: false, publicUrl: "http://localhost:3000" }, "/api/health")).headers;
    expect(plain.get("strict-transport-security")).toBeNull();
  });
});

type NextConfigHeaders = { poweredByHeader: boolean; headers: () => Promise<{ source: string; headers: { key: string; value: string }[] }[]> };

async function nextConfig(): Promise<NextConfigHeaders> {
  // @ts-expect-error next.config.js is plain JavaScript without type declarations.
  return (await import("../../next.config.js")).default as NextConfigHeaders;
}

describe("next.config.js", () => {
  it("sends nosniff, a Referrer-Policy and frame denial on every path, and no X-Powered-By", async () => {
    const config = await nextConfig();
    expect(config.poweredByHeader).toBe(false);
    const rules = await config.headers();
    const all = rules.find((rule) => rule.source === "/:path*");
    const values = Object.fromEntries((all?.headers ?? []).map((header) => [header.key.toLowerCase(), header.value]));
    expect(values["x-content-type-options"]).toBe("nosniff");
    expect(values["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(values["x-frame-options"]).toBe("DENY");
  });

  it("sends API responses a static CSP that loads nothing and forbids framing", async () => {
    const api = (await (await nextConfig()).headers()).find((rule) => rule.source === "/api/:path*");
    expect(api?.headers).toEqual([{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }]);
    expect(API_CONTENT_SECURITY_POLICY).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it("sends /share/ pages the share headers, the same as lib/share/headers.ts, after the general ones", async () => {
    const rules = await (await nextConfig()).headers();
    const share = rules.findIndex((rule) => rule.source === "/share/:path*");
    // Next.js lets the last matching rule win for a header both set (Referrer-Policy).
    expect(share).toBeGreaterThan(rules.findIndex((rule) => rule.source === "/:path*"));
    expect(Object.fromEntries(rules[share]?.headers.map((header) => [header.key, header.value]) ?? [])).toEqual(SHARE_HEADERS);
  });
});
