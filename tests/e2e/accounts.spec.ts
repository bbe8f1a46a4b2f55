import crypto from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

const uniqueEmail = () => `e2e-${crypto.randomUUID()}@example.com`;
const strongPassword = () => `Granite kettle ${crypto.randomBytes(3).toString("hex")} mosaic`;

async function signInThroughForm(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Fails the test on any Content-Security-Policy violation the page reports. */
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test("sign up, sign out, a wrong password is refused, sign in again", async ({ page }) => {
  const violations = watchCsp(page);
  const email = uniqueEmail();
  const password = strongPassword();

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

test("a signed-out visit to a signed-in page goes to /signin and comes back after signing in", async ({ page, request }) => {
  const email = uniqueEmail();
  const password = strongPassword();
  const registered = await request.post("/api/auth/register", { data: { email, password, name: "Grace Hopper" } });
  expect(registered.status()).toBe(201);

  await page.goto("/settings");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsettings$/);
  await signInThroughForm(page, email, password);
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");

  // A link to another site in callbackUrl is ignored.
  await page.context().clearCookies();
  await page.goto("/signin?callbackUrl=https%3A%2F%2Fevil.example%2F");
  await signInThroughForm(page, email, password);
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("settings: change the name, then sign out everywhere", async ({ page, request }) => {
  const email = uniqueEmail();
  const password = strongPassword();
  await request.post("/api/auth/register", { data: { email, password } });
  await page.goto("/signin?callbackUrl=%2Fsettings");
  await signInThroughForm(page, email, password);
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

test("the sign-in and sign-up pages have no detectable accessibility problems, in light and dark", async ({ page }) => {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    for (const path of ["/signin", "/signup"]) {
      await page.goto(path);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      expect(results.violations, `${path}, ${colorScheme}`).toEqual([]);
    }
  }
});

test("the account pages fit a 375 px wide phone without sideways scrolling, in light and dark", async ({ page, request }) => {
  const email = uniqueEmail();
  const password = strongPassword();
  await request.post("/api/auth/register", { data: { email, password, name: "Mary Somerville" } });
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto("/signin?callbackUrl=%2Fsettings");
  await signInThroughForm(page, email, password);
  await expect(page).toHaveURL(/\/settings$/);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto("/settings");
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `settings, ${colorScheme}`).toBeLessThanOrEqual(375);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    expect(results.violations, `settings, ${colorScheme}`).toEqual([]);
  }
  await page.context().clearCookies();
  for (const path of ["/signin", "/signup"]) {
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
  }
});
