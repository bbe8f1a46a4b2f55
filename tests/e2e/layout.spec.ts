// Every page on a 375 × 812 phone and a 1280 × 800 desktop, light and dark: no sideways
// scrolling, nothing cut off at the right edge; a screenshot of each goes to
// test-results/screenshots/<page>-<width>-<scheme>.png for a person to look at.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, SCREENSHOTS, test } from "./fixtures";
import { PAGES, SCHEMES, SIZES } from "./pages";

/**
 * Visible elements that stick out past the right edge of the screen. Content of a box that
 * scrolls or clips (a scrolling table, a visually hidden one) is judged by that box instead.
 */
function elementsPastTheEdge(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (el: Element) => getComputedStyle(el).overflowX !== "visible";
    const out: string[] = [];
    for (const el of document.body.querySelectorAll("*")) {
      const rect = el.getBoundingClientRect();
      if (rect.width <= 1 || rect.height <= 1 || rect.right <= width + 1) continue;
      let parent = el.parentElement;
      let isInScrollBox = false;
      while (parent && !isInScrollBox) {
        isInScrollBox = scrolls(parent);
        parent = parent.parentElement;
      }
      if (!isInScrollBox) out.push(`<${el.tagName.toLowerCase()} class="${el.getAttribute("class") ?? ""}"> right edge ${Math.round(rect.right)}`);
    }
    return out.slice(0, 5);
  });
}

test.beforeAll(() => {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});

for (const { name, path: pagePath, isSignedIn, heading } of PAGES) {
  test(`${name} fits 375 px and 1280 px screens without sideways scrolling, light and dark${isSignedIn ? " (signed in)" : ""}`, async ({
    page,
    progressAccount,
  }) => {
    if (isSignedIn) await page.context().addCookies(progressAccount.cookies);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const colorScheme of SCHEMES) {
        const where = `${name} at ${size.width} px, ${colorScheme}`;
        await page.emulateMedia({ colorScheme });
        await page.goto(pagePath);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }));
        expect(scrollWidth, `${where}: the page scrolls sideways`).toBeLessThanOrEqual(clientWidth);
        expect(await elementsPastTheEdge(page), `${where}: cut off at the right edge`).toEqual([]);
        // The header keeps its links inside the page margins, on one line: every link's
        // vertical centre at about the same height.
        const navigation = page.getByRole("navigation", { name: "Main" });
        if ((await navigation.count()) > 0) {
          // Controls not rendered at this width (display: none) take no place on any line.
          const boxes = await navigation.locator("a, button").evaluateAll((controls) =>
            controls.filter((c) => c.getClientRects().length > 0).map((c) => {
              const rect = c.getBoundingClientRect();
              return { right: rect.right, centre: rect.top + rect.height / 2 };
            }),
          );
          expect(Math.max(...boxes.map((b) => b.right)), `${where}: navigation past the margin`).toBeLessThanOrEqual(size.width - 16 + 1);
          const centres = boxes.map((b) => b.centre);
          expect(Math.max(...centres) - Math.min(...centres), `${where}: navigation wraps onto more than one line`).toBeLessThan(12);
        }
        await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${size.width}-${colorScheme}.png`), fullPage: true });
        if (name === "dashboard" && size.width === 1280 && colorScheme === "light") {
          // The README's picture (docs/screenshots/dashboard.png): the first screen of the dashboard.
          await page.screenshot({ path: path.join(SCREENSHOTS, "readme-dashboard.png") });
        }
      }
    }
  });
}
