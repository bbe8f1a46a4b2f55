// Finding 1: dot segments turned "/.//evil.example" into "//evil.example" after the check.
import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { authedRequest, callAuthRoute, createSignedInUser, postAuthForm, randomIp, setCookies, signIn } from "../helpers/auth";

const CRAFTED = ["/.//evil.example/phish", "/%2e//evil.example", "/..//evil.example", "/./\\evil.example", "/a/..//evil.example", "/.%2e//evil.example"];

describe("no open redirect through callbackUrl", () => {
  it.each(CRAFTED)("never answers a protocol-relative address for %s", (value) => {
    const result = safeCallbackPath(value);
    expect(result.startsWith("//") || result.startsWith("/\\")).toBe(false);
    expect(new URL(result, "https://ladder.example").host).toBe("ladder.example");
  });

  it("does not go back to the sign-in page with a trailing slash", () => {
    expect(safeCallbackPath("/signin/")).toBe("/dashboard");
    expect(safeCallbackPath("/signup//")).toBe("/dashboard");
  });

  it("the credentials callback answers a same-site path for every crafted callbackUrl", async () => {
    const { user, password } = await createSignedInUser();
    for (const callbackUrl of CRAFTED) {
      const { response } = await signIn(user.email, password, { callbackUrl });
      expect(await response.json()).toEqual({ url: "/dashboard" });
    }
  });

  it("sign-out answers a same-site path for a crafted callbackUrl", async () => {
    const { cookie } = await createSignedInUser();
    const ip = randomIp();
    const csrf = await callAuthRoute(authedRequest("/api/auth/csrf", { ip, cookie }));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const jar = [cookie, ...[...setCookies(csrf)].map(([name, value]) => `${name}=${value}`)].join("; ");
    const response = await postAuthForm("/api/auth/signout", {
      ip,
      cookie: jar,
      fields: { csrfToken, json: "true", callbackUrl: "/.//evil.example/phish" },
    });
    expect(await response.json()).toEqual({ url: "/" });
  });
});
