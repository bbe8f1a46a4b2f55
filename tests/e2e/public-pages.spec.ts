import { expect, type Page, test } from "@playwright/test";

// The article's figures, copied from it by hand (not imported from lib/catalog), so a wrong
// number in the catalog or on the page fails here. Layout and accessibility of these pages are
// checked with every other page in layout.spec.ts and a11y.spec.ts.
const BANDS = [
  ["Junior Machine Learning Engineer", "$84,563 – $109,500"],
  ["Machine Learning Engineer", "$124,998 – $200,000"],
  ["Senior Machine Learning Engineer", "$150,000 – $207,863"],
  ["Machine Learning Team Lead", "$172,150 – $212,400"],
  ["Director of Machine Learning", "$187,500 – $237,500"],
] as const;

const STEPS = [
  "Earn a Bachelor's Degree",
  "Gain Practical Experience",
  "Pursue Advanced Certifications",
  "Seek an Advanced Degree",
  "Build a Network",
  "Specialize in a Domain or Industry",
  "Transition to Strategic Roles",
  "Seek Mentoring",
];

const FACTORS = [
  ["Opportunities for Advancement", "9"],
  ["Skill Development", "9"],
  ["Industry Growth", "10"],
  ["Stability", "8"],
  ["Networking Opportunities", "9"],
  ["Flexibility", "9"],
  ["Salary and Benefits Progression", "10"],
  ["Work-Life Balance", "7"],
] as const;

async function rowsOf(page: Page, tableName: string): Promise<string[][]> {
  const table = page.getByRole("table", { name: tableName });
  return table.locator("tbody tr").evaluateAll((rows) =>
    rows.map((row) => [...row.querySelectorAll("th, td")].map((cell) => cell.textContent?.trim() ?? "")),
  );
}

test.describe("home page without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("shows the ladder with exact salary bands, the 8 steps and the 8 factor scores", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Sign up" })).toHaveAttribute("href", "/signup");
    await expect(nav.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/signin");
    await expect(nav.getByRole("link", { name: "How levels work" })).toHaveAttribute("href", "/how-it-works");
    const hero = page.getByRole("region", { name: /rung you are on/ });
    await expect(hero.getByRole("link", { name: "Create your account" })).toHaveAttribute("href", "/signup");
    await expect(hero.getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/signin");

    // The chart draws each band with its figures, and its table says the same.
    const chart = page.getByRole("img", { name: "Salary bands of the five rungs" });
    await expect(chart).toBeVisible();
    for (const [title, band] of BANDS) {
      await expect(chart.getByText(title, { exact: true })).toBeVisible();
      await expect(chart.getByText(band, { exact: true })).toBeVisible();
    }
    expect(await rowsOf(page, "Salary bands of the five rungs")).toEqual(BANDS.map((b) => [...b]));
    await expect(page.getByText("sourced from Talent.com").first()).toBeVisible();

    const steps = page.locator("#steps ol > li h3");
    await expect(steps).toHaveText(STEPS);

    const factors = page.getByRole("img", { name: "Career factor scores" });
    await expect(factors).toBeVisible();
    for (const [title] of FACTORS) {
      await expect(factors.getByText(title, { exact: true })).toBeVisible();
    }
    await expect(factors.locator("text", { hasText: /^Score: \d+$/ })).toHaveText(FACTORS.map(([, s]) => `Score: ${s}`));
    expect(await rowsOf(page, "Career factor scores")).toEqual(FACTORS.map(([t, s]) => [t, `Score: ${s}`]));

    await expect(page.locator("#tracks ul > li h3")).toHaveCount(5);
    await expect(page.locator("#skills ul > li h3")).toHaveCount(4);
  });

  test("How your level is computed lists every rung with its band and is linked from home", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "see exactly how it is computed" }).click();
    await expect(page).toHaveURL(/\/how-it-works$/);
    await expect(page.getByRole("heading", { level: 1, name: "How your level is computed" })).toBeVisible();
    for (const [title, band] of BANDS) {
      const rung = page.getByRole("region", { name: title, exact: true });
      await expect(rung).toBeVisible();
      await expect(rung.getByText(band)).toBeVisible();
    }
    await expect(page.getByText(/"skipped" never satisfy a requirement/)).toBeVisible();
  });
});

test("GET /api/catalog over HTTP: 200 with an ETag, then 304 for that ETag", async ({ request }) => {
  const first = await request.get("/api/catalog");
  expect(first.status()).toBe(200);
  const etag = first.headers().etag ?? "";
  expect(etag).toMatch(/^"[0-9a-f]+"$/);
  expect(first.headers()["cache-control"]).toContain("must-revalidate");
  const body = await first.json();
  expect(body.ladder.map((l: { title: string }) => l.title)).toEqual(BANDS.map(([title]) => title));

  const second = await request.get("/api/catalog", { headers: { "If-None-Match": etag } });
  expect(second.status()).toBe(304);
  expect((await second.body()).length).toBe(0);
});

test("the favicon is served, and every page links an icon", async ({ page, request }) => {
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/^image\//);
  await page.goto("/");
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute("href", /\/(favicon\.ico|icon\.svg)/);
});
