// The learning-plan journey: set a goal, give two items target dates (one already due), read
// the verdict, the overdue and next-up lists, then copy the calendar link and revoke it.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { displayDate, expect, isoDay, setProgress, showAllItems, test } from "./fixtures";

const planCard = (page: Page) => page.getByRole("region", { name: "Your plan" });

async function setTarget(page: Page, itemId: string, date: string) {
  const item = page.locator(`#item-${itemId}`);
  await item.getByText("Dates, note and evidence").click();
  await item.getByLabel("Target date").fill(date);
  await item.getByRole("button", { name: "Save details" }).click();
  await expect(item.getByRole("status")).toHaveText("Saved.");
}

async function planCardViolations(page: Page) {
  const results = await new AxeBuilder({ page }).include("section[aria-labelledby=plan-card-title]").analyze();
  return results.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("set a goal and two item targets, see behind / on track and overdue, copy the calendar link and revoke it", async ({ page, user }) => {
  expect(user.email).toContain("@example.com");
  // Three weeks of the person's own history: Junior reached, two requirements in 20 days.
  await setProgress(page.request, "earn-bachelors-degree", { status: "done", completedOn: isoDay(-20) });
  await setProgress(page.request, "gain-practical-experience", { status: "done", completedOn: isoDay(-6) });

  await page.goto("/dashboard");
  // The item targets below are set on items the next rung does not need.
  await showAllItems(page);
  const card = planCard(page);
  await expect(card.getByText("No goal set yet")).toBeVisible();
  await expect(card).toContainText(`you reach Machine Learning Engineer around ${displayDate(isoDay(20))}`);

  // The goal: MLE in a week, which this pace does not make.
  await card.getByLabel("MLE", { exact: true }).check();
  await card.getByLabel("Target date (optional)").fill(isoDay(7));
  await card.getByRole("button", { name: "Save goal" }).click();
  await expect(card.getByRole("status")).toHaveText("Goal saved.");
  await expect(card.getByText(`Goal: Machine Learning Engineer by ${displayDate(isoDay(7))}`)).toBeVisible();
  await expect(card.getByTestId("plan-verdict")).toHaveText("Behind by 2 weeks");

  // Two item targets: one already due (yesterday), one in ten days.
  await setTarget(page, "seek-mentoring", isoDay(-1));
  await setTarget(page, "data-modeling-and-evaluation", isoDay(10));
  await expect(page.locator("#item-seek-mentoring").getByText(`Overdue: your target date was ${displayDate(isoDay(-1))}.`)).toBeVisible();
  const overdue = card.getByRole("list", { name: "Overdue" });
  await expect(overdue.getByRole("listitem")).toHaveText([`Seek Mentoring: was due ${displayDate(isoDay(-1))}`]);
  const nextUp = card.getByRole("list", { name: "Next up (next 30 days)" });
  await expect(nextUp.getByRole("listitem")).toHaveText([`Data Modeling and Evaluation: ${displayDate(isoDay(10))}`]);

  // A later date puts the plan on track.
  await card.getByLabel("Target date (optional)").fill(isoDay(60));
  await card.getByRole("button", { name: "Save goal" }).click();
  await expect(card.getByTestId("plan-verdict")).toHaveText("On track");
  expect(await planCardViolations(page)).toEqual([]);

  // On a phone, in dark mode: no sideways scrolling, still no accessibility violation.
  await page.setViewportSize({ width: 375, height: 812 });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await expect(planCard(page).getByTestId("plan-verdict")).toHaveText("On track");
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  expect(await planCardViolations(page)).toEqual([]);

  // /history draws the plan line beside the actual one: 2 done now, about 5 more for MLE.
  await page.goto("/history");
  await expect(page.getByText(`Dashed: your plan, about 7 done by ${displayDate(isoDay(60))} to reach Machine Learning Engineer.`)).toBeVisible();
  await expect(page.getByTestId("plan-line").filter({ visible: true })).toHaveCount(1);

  // The calendar link: made, copied, readable, then revoked.
  await page.goto("/settings");
  const calendar = page.getByRole("region", { name: "Calendar" });
  await calendar.getByRole("button", { name: "Create calendar link" }).click();
  const link = calendar.getByLabel("Your calendar link (shown once)");
  await expect(link).toHaveValue(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  const url = await link.inputValue();
  await calendar.getByRole("button", { name: "Copy link" }).click();
  await expect(calendar.getByRole("status")).toHaveText("Link copied.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

  const feed = await page.request.get(url);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  const text = await feed.text();
  expect(text).toContain("SUMMARY:Target: Seek Mentoring");
  expect(text).toContain("SUMMARY:Goal: reach Machine Learning Engineer");

  await calendar.getByRole("button", { name: "Revoke link" }).click();
  await expect(calendar.getByRole("status")).toHaveText(/Link revoked/);
  expect((await page.request.get(url)).status()).toBe(404);

  // Clearing the goal is one click.
  await page.goto("/dashboard");
  await planCard(page).getByRole("button", { name: "Clear goal" }).click();
  await expect(planCard(page).getByText("No goal set yet")).toBeVisible();
});
