import { describe, expect, it } from "vitest";
import { clientIp, isHttpsRequest } from "@/lib/auth/request-info";

const headers = (values: Record<string, string>) => new Headers(values);

describe("clientIp", () => {
  it("takes the right-most X-Forwarded-For entry: the one the nearest proxy wrote", () => {
    expect(clientIp(headers({ "x-forwarded-for": "203.0.113.9, 198.51.100.7" }))).toBe("198.51.100.7");
    expect(clientIp(headers({ "x-forwarded-for": "::ffff:192.0.2.1" }))).toBe("192.0.2.1");
    expect(clientIp(headers({ "x-forwarded-for": "2001:DB8::1" }))).toBe("2001:db8::1");
    expect(clientIp(headers({}))).toBe("unknown");
  });
});

describe("isHttpsRequest", () => {
  const request = (url: string, values: Record<string, string> = {}) => ({ url, headers: headers(values) });

  it("is true for https URLs and an https public URL", () => {
    expect(isHttpsRequest(request("https://ladder.example/"), { trustProxy: false })).toBe(true);
    expect(isHttpsRequest(request("http://internal:3000/"), { trustProxy: false, publicUrl: "https://ladder.example" })).toBe(true);
    expect(isHttpsRequest(request("http://localhost:3000/"), { trustProxy: false })).toBe(false);
  });

  it("believes X-Forwarded-Proto only from a trusted proxy", () => {
    const forwarded = request("http://internal:3000/", { "x-forwarded-proto": "https" });
    expect(isHttpsRequest(forwarded, { trustProxy: true })).toBe(true);
    expect(isHttpsRequest(forwarded, { trustProxy: false })).toBe(false);
  });
});
