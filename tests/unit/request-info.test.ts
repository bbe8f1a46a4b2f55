import { afterEach, describe, expect, it } from "vitest";
import { clientIp, isHttpsRequest, SOCKET_ADDRESS_FLAG, SOCKET_ADDRESS_HEADER } from "@/lib/auth/request-info";

const headers = (values: Record<string, string>) => new Headers(values);
const flags = globalThis as Record<symbol, unknown>;

describe("clientIp", () => {
  afterEach(() => {
    delete flags[SOCKET_ADDRESS_FLAG];
  });

  it("uses the socket address and ignores X-Forwarded-For and X-Real-IP without TRUST_PROXY", () => {
    flags[SOCKET_ADDRESS_FLAG] = true;
    const forged = { "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.10", [SOCKET_ADDRESS_HEADER]: "::ffff:192.0.2.1" };
    expect(clientIp(headers(forged), { trustProxy: false })).toBe("192.0.2.1");
    expect(clientIp(headers({ [SOCKET_ADDRESS_HEADER]: "2001:DB8::1" }), { trustProxy: false })).toBe("2001:db8::1");
  });

  it("takes the right-most X-Forwarded-For entry under TRUST_PROXY: the hop the proxy saw", () => {
    flags[SOCKET_ADDRESS_FLAG] = true;
    const proxied = { "x-forwarded-for": "203.0.113.9, 198.51.100.7", [SOCKET_ADDRESS_HEADER]: "10.0.0.2" };
    expect(clientIp(headers(proxied), { trustProxy: true })).toBe("198.51.100.7");
    expect(clientIp(headers({ [SOCKET_ADDRESS_HEADER]: "10.0.0.2" }), { trustProxy: true })).toBe("10.0.0.2");
  });

  it("does not believe the socket-address header unless the server writes it", () => {
    expect(clientIp(headers({ [SOCKET_ADDRESS_HEADER]: "192.0.2.1" }), { trustProxy: false })).toBe("unknown");
  });
});

describe("isHttpsRequest", () => {
  const request = (url: string, values: Record<string, string> = {}) => ({ url, headers: headers(values) });

  it("is true for https URLs and an https public URL", () => {
    expect(isHttpsRequest(request("https://ladder.example/"), { trustProxy: false })).toBe(true);
    expect(isHttpsRequest(request("http://internal:3000/"), { trustProxy: false, publicUrl: "https://ladder.example" })).toBe(true);
    expect(isHttpsRequest(request("http://localhost:3000/"), { trustProxy: false })).toBe(false);
  });

  it("takes a bare path (a Node request's URL) for http unless the public URL or a trusted proxy says https", () => {
    expect(isHttpsRequest(request("/api/progress?x=1"), { trustProxy: false })).toBe(false);
    expect(isHttpsRequest(request("/api/progress"), { trustProxy: false, publicUrl: "https://ladder.example" })).toBe(true);
    expect(isHttpsRequest(request("/api/progress", { "x-forwarded-proto": "https" }), { trustProxy: true })).toBe(true);
  });

  it("believes X-Forwarded-Proto only from a trusted proxy", () => {
    const forwarded = request("http://internal:3000/", { "x-forwarded-proto": "https" });
    expect(isHttpsRequest(forwarded, { trustProxy: true })).toBe(true);
    expect(isHttpsRequest(forwarded, { trustProxy: false })).toBe(false);
  });
});
