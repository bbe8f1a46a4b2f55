// What JavaScript the browser really loads (issue 15, item 4): every script response of a
// page load, measured gzipped and searched for the libraries a page should not carry.
// The bare page (app/bench/bare: no client component of Ladder's) is the baseline; the
// server runs with BENCH_ROUTES=1 for it (playwright.config.ts).
import type { Page, Response } from "@playwright/test";
import { describeScript, type PageWeight, summarize } from "../../scripts/page-javascript.cjs";
import { expect, seedRealisticProgress, signInWithApi, test } from "./fixtures";

const DASHBOARD_OVER_BARE_BYTES = 60_000;

/** Records the scripts the page fetches from now on; `stop()` measures them. */
function recordScripts(page: Page): { stop: () => Promise<PageWeight> } {
  const measured: Promise<ReturnType<typeof describeScript> | null>[] = [];
  const onResponse = (response: Response) => {
    if (response.request().resourceType() !== "script") return;
    measured.push(response.body().then((body) => describeScript(response.url(), body), () => null));
  };
  page.on("response", onResponse);
  return {
    stop: async () => {
      page.off("response", onResponse);
      return summarize((await Promise.all(measured)).filter((script) => script !== null));
    },
  };
}

/** Loads a page and measures each script it fetched until the network went quiet. */
async function loadedJavaScript(page: Page, path: string): Promise<PageWeight> {
  const recording = recordScripts(page);
  const response = await page.goto(path, { waitUntil: "networkidle" });
  expect(response?.status(), path).toBe(200);
  const loaded = await recording.stop();
  expect(loaded.scripts.length, `${path} loaded no script`).toBeGreaterThan(0);
  return loaded;
}

const kB = (bytes: number) => `${(bytes / 1e3).toFixed(1)} kB`;

test("the dashboard's JavaScript is at most the bare page's + 60 kB gzipped; zod comes only with an opened form", async ({ page, account }) => {
  const bare = await loadedJavaScript(page, "/bench/bare");
  expect(await signInWithApi(page.request, account)).toBe(true);
  await seedRealisticProgress(page.request);
  const dashboard = await loadedJavaScript(page, "/dashboard");
  console.log(
    `JavaScript gzipped: bare page ${kB(bare.gzipBytes)} (${bare.scripts.length} scripts), /dashboard ${kB(dashboard.gzipBytes)} (${dashboard.scripts.length} scripts), ` +
      `${kB(dashboard.gzipBytes - bare.gzipBytes)} more`,
  );
  expect(bare.libraries).toEqual([]);
  expect(dashboard.gzipBytes - bare.gzipBytes).toBeLessThanOrEqual(DASHBOARD_OVER_BARE_BYTES);
  // react-query is the dashboard's cache and stays.
  expect(dashboard.libraries).toEqual(["@tanstack/react-query"]);

  // Opening an item's details loads its form, with zod, then; and the form is there to use.
  const opening = recordScripts(page);
  await page.locator("#item-build-a-network summary").click();
  await expect(page.locator("#item-build-a-network").getByLabel("Target date")).toBeVisible();
  expect((await opening.stop()).libraries).toContain("zod");
});

test("public pages load neither react-query nor zod", async ({ page }) => {
  for (const path of ["/", "/how-it-works"]) {
    const loaded = await loadedJavaScript(page, path);
    console.log(`${path}: ${kB(loaded.gzipBytes)} gzipped in ${loaded.scripts.length} scripts`);
    expect(loaded.libraries, path).toEqual([]);
  }
});

test("signed in, a public page still loads neither, and signing out from its header works", async ({ page, user }) => {
  const loaded = await loadedJavaScript(page, "/how-it-works");
  expect(loaded.libraries).toEqual([]);
  await page.getByRole("button", { name: `Account menu for ${user.name}` }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin\?signedOut=1$/);
});
