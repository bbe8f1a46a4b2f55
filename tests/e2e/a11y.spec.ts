// axe-core on every page, signed out and signed in (with realistic progress), light and dark.
// The bar is no serious or critical violation; today the pages have none of any impact, so
// any violation fails, each listed with its impact.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { PAGES, SCHEMES } from "./pages";

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

for (const { name, path, isSignedIn, heading } of PAGES) {
  test(`${name}: no accessibility violations, light and dark${isSignedIn ? " (signed in)" : ""}`, async ({ page, progressAccount }) => {
    if (isSignedIn) await page.context().addCookies(progressAccount.cookies);
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
      if (name === "dashboard") {
        // The forms inside the checklist count too: show the whole list, open a
        // certification's details and the form for adding one.
        await page.getByRole("group", { name: "Show in the checklist" }).getByText("All", { exact: true }).click();
        await page.locator("#item-aws-certified-machine-learning").getByText("Dates, note and evidence").click();
        await page.getByText("Add a certification of your own").click();
        await expect(page.getByLabel("Expires on").first()).toBeVisible();
        // The plan card loads its data after the page: check it loaded.
        await expect(page.getByRole("region", { name: "Your plan" }).getByRole("button", { name: "Save goal" })).toBeVisible();
      }
      expect(await violations(page), `${path}, ${colorScheme}`).toEqual([]);
    }
  });
}
