import { expect, test } from "@playwright/test";

test("the home page renders and the server reports a healthy database", async ({ page, request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok", db: "ok" });

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page).toHaveTitle(/Ladder/);
});

test("API responses carry a static strict CSP and the static headers; pages a nonce CSP", async ({ request }) => {
  const api = await request.get("/api/health");
  const headers = api.headers();
  expect(headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");

  const page = await request.get("/");
  expect(page.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  expect(page.headers()["x-content-type-options"]).toBe("nosniff");
});

test("a path that does not decode is a JSON 400 on API routes and pages alike", async ({ request }) => {
  for (const path of ["/api/progress/%ZZ", "/api/health/%C0%AE", "/dashboard/%E0%A4%A"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    expect(response.headers()["content-type"]).toMatch(/application\/json/);
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect(await response.json()).toEqual({ error: { code: "invalid_input", message: "The address is not valid." } });
  }
});
