import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/callback-url";

describe("safeCallbackPath", () => {
  it.each([
    ["/dashboard", "/dashboard"],
    ["/settings?tab=password#top", "/settings?tab=password#top"],
    ["/ladder/../settings", "/settings"],
  ])("keeps the same-site path %s", (value, expected) => {
    expect(safeCallbackPath(value)).toBe(expected);
  });

  it.each([
    "https://evil.example/dashboard",
    "//evil.example/dashboard",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "dashboard",
    "/dash\nboard",
    "/signin",
    "/signup?callbackUrl=/x",
    "",
    undefined,
    42,
  ])("falls back to /dashboard for %s", (value) => {
    expect(safeCallbackPath(value)).toBe("/dashboard");
  });
});
