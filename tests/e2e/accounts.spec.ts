import type { Page } from "@playwright/test";
import { expect, signInThroughForm, signInWithApi, strongPassword, test, uniqueEmail } from "./fixtures";

/** Fails the test on any Content-Security-Policy violation the page reports. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test("sign up, sign out, a wrong password is refused, sign in again", async ({ page, removeAfterTest }) => {
  const violations = watchCsp(page);
  const email = uniqueEmail();
  const password = strongPassword();
  removeAfterTest({ email, password });

  await page.goto("/signup");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Create your Ladder account");
  await page.getByLabel("Name (optional)").fill("Ada Lovelace");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("password12345");
  // The strength meter runs in the browser, which also proves scripts run under the CSP.
  await expect(page.getByText(/Strength: (Very weak|Weak)\./)).toBeVisible();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(/too easy to guess/).first()).toBeVisible();

  await page.getByLabel("Password", { exact: true }).fill(password);
  await expect(page.getByText(/Strength: (Strong|Very strong)\. Good to go\./)).toBeVisible();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ada Lovelace's dashboard");

  await page.getByRole("button", { name: "Account menu for Ada Lovelace" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin\?signedOut=1$/);
  await expect(page.getByText("You are signed out.")).toBeVisible();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard$/);

  await signInThroughForm(page, email, strongPassword());
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);

  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ada Lovelace's dashboard");
  expect(violations).toEqual([]);
});

test("signed-out visits to the signed-in pages go to /signin and come back to that page after signing in", async ({ page, account }) => {
  for (const path of ["/dashboard", "/ladder", "/history", "/settings"]) {
    await page.context().clearCookies();
    await page.goto(path);
    await expect(page, path).toHaveURL(new RegExp(`/signin\\?callbackUrl=${encodeURIComponent(path)}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Ladder");
    await signInThroughForm(page, account.email, account.password);
    await expect(page, path).toHaveURL(new RegExp(`${path}$`));
  }
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");

  // A link to another site in callbackUrl is ignored.
  await page.context().clearCookies();
  await page.goto("/signin?callbackUrl=https%3A%2F%2Fevil.example%2F");
  await signInThroughForm(page, account.email, account.password);
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("settings: change the name, then sign out everywhere", async ({ page, account }) => {
  await page.goto("/signin?callbackUrl=%2Fsettings");
  await signInThroughForm(page, account.email, account.password);
  await expect(page).toHaveURL(/\/settings$/);

  await page.getByLabel("Name", { exact: true }).fill("Katherine Johnson");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Name saved.")).toBeVisible();

  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/signin\?signedOut=1$/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard$/);
});

test("security headers on pages, API responses and static files", async ({ page, request }) => {
  const response = await page.goto("/signin");
  const headers = response?.headers() ?? {};
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-eval");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-powered-by"]).toBeUndefined();
  // Plain http here: no HSTS.
  expect(headers["strict-transport-security"]).toBeUndefined();

  // Each response has its own nonce, and Next.js's scripts in that response carry it.
  const raw = await request.get("/signin");
  const rawNonce = /'nonce-([^']+)'/.exec(raw.headers()["content-security-policy"] ?? "")?.[1];
  expect(rawNonce).toBeTruthy();
  expect(rawNonce).not.toBe(/'nonce-([^']+)'/.exec(csp)?.[1]);
  expect(await raw.text()).toContain(`nonce="${rawNonce}"`);

  const api = await request.get("/api/account");
  expect(api.status()).toBe(401);
  expect(api.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect(api.headers()["x-powered-by"]).toBeUndefined();

  const script = await page.locator("script[src^='/_next/static/']").first().getAttribute("src");
  const asset = await request.get(script as string);
  expect(asset.status()).toBe(200);
  expect(asset.headers()["x-content-type-options"]).toBe("nosniff");
  expect(asset.headers()["x-powered-by"]).toBeUndefined();

  const crossSite = await request.post("/api/auth/register", {
    headers: { origin: "https://evil.example" },
    data: { email: uniqueEmail(), password: strongPassword() },
  });
  expect(crossSite.status()).toBe(403);
});

test("deleting the account from settings signs the person out, and their sign-in no longer works", async ({ page, account }) => {
  await page.goto("/signin?callbackUrl=%2Fsettings");
  await signInThroughForm(page, account.email, account.password);
  await expect(page).toHaveURL(/\/settings$/);
  const deletion = page.getByRole("region", { name: "Delete account" });

  // A wrong password deletes nothing.
  await deletion.getByLabel("Your password").fill(strongPassword());
  await deletion.getByRole("button", { name: "Delete my account" }).click();
  await expect(deletion.getByText("The password is not correct.")).toBeVisible();
  await expect(page).toHaveURL(/\/settings$/);
  expect((await page.request.get("/api/account")).status()).toBe(200);

  await deletion.getByLabel("Your password").fill(account.password);
  await deletion.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/$/);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Sign in" })).toBeVisible();
  expect((await page.request.get("/api/account")).status()).toBe(401);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fdashboard$/);

  await signInThroughForm(page, account.email, account.password);
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
  // The address is free again: a new account can be made with it (and is removed again here).
  const fresh = { email: account.email, password: strongPassword() };
  const again = await page.request.post("/api/auth/register", { data: fresh });
  expect(again.status()).toBe(201);
  const { user } = (await again.json()) as { user: { id: string } };
  expect(user.id).not.toBe(account.id);
  expect(await signInWithApi(page.request, fresh)).toBe(true);
  expect((await page.request.delete("/api/account", { data: { password: fresh.password } })).status()).toBe(204);
});
