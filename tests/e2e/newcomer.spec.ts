// A newcomer's dashboard: the first-visit step, one-sentence descriptions with more on
// demand, the default filter, and how many Tab presses the checklist is from page load.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, seedRealisticProgress, test } from "./fixtures";

async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

/** Presses Tab from page load: the stops at which the first and the tenth checklist item (a control inside it) get focus. */
async function checklistStops(page: Page): Promise<{ skipLink: number; first: number; tenth: number }> {
  let skipLink = 0;
  let first = 0;
  for (let stop = 1; stop <= 150; stop += 1) {
    await page.keyboard.press("Tab");
    const { index, isSkipLink } = await page.evaluate(() => {
      const items = [...document.querySelectorAll("#checklist li[id^='item-']")];
      return { index: items.findIndex((item) => item.contains(document.activeElement)), isSkipLink: document.activeElement?.textContent === "Skip to checklist" };
    });
    if (isSkipLink && skipLink === 0) skipLink = stop;
    if (index >= 0 && first === 0) first = stop;
    if (index === 9) return { skipLink, first, tenth: stop };
  }
  throw new Error("the tenth checklist item was not reached in 150 Tab presses");
}

async function firstItemStop(page: Page): Promise<number> {
  for (let stop = 1; stop <= 150; stop += 1) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => Boolean(document.activeElement?.closest("#checklist li[id^='item-']")))) return stop;
  }
  throw new Error("no checklist item reached in 150 Tab presses");
}

const firstVisit = (page: Page) => page.getByRole("region", { name: "What have you already done?" });
const filter = (page: Page, name: string) => page.getByRole("group", { name: "Show in the checklist" }).getByRole("radio", { name, exact: true });
/** The radios are drawn by their labels (the inputs are visually hidden): a click lands on the label. */
const chooseFilter = (page: Page, name: string) => page.getByRole("group", { name: "Show in the checklist" }).getByText(name, { exact: true }).click();

test("first visit: mark what you have in one screen, saved in one request; the checklist then opens on the next rung", async ({ page, user }) => {
  expect(user.id).toBeTruthy();
  await page.goto("/dashboard");
  const panel = firstVisit(page);
  await expect(panel).toBeVisible();
  await expect(filter(page, "All")).toBeChecked();
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await axeViolations(page), colorScheme).toEqual([]);
  }

  // Saving nothing says what to do instead.
  await panel.getByRole("button", { name: "Save as done" }).click();
  await expect(panel.getByRole("alert")).toHaveText("Tick what you have already done, or choose Skip.");

  const requests: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/progress") && request.method() !== "GET") requests.push(`${request.method()} ${new URL(request.url()).pathname}`);
  });
  for (const title of ["Bachelor's Degree in Computer Science", "Gain Practical Experience", "Proficiency in Programming Languages"]) {
    await panel.getByRole("checkbox", { name: title }).check();
  }
  await panel.getByRole("button", { name: "Save 3 as done" }).click();
  await expect(panel).toBeHidden();
  await expect(page.getByTestId("progress-toast")).toContainText("3 items are now Done");
  await expect(page.getByRole("region", { name: "Your position on the ladder" }).locator("[aria-live]")).toContainText("You are Junior Machine Learning Engineer");
  expect(requests).toEqual(["PATCH /api/progress"]);
  await expect(filter(page, "Needed for next rung")).toBeChecked();
  await expect(page.locator("#checklist")).toBeFocused();

  const progress = (await (await page.request.get("/api/progress")).json()) as { items: { itemId: string; status: string }[] };
  expect(progress.items.map((item) => [item.itemId, item.status]).sort()).toEqual([
    ["bachelors-computer-science", "done"],
    ["gain-practical-experience", "done"],
    ["programming-languages", "done"],
  ]);
  // Started: the step is gone for good and the checklist opens on what the next rung needs.
  await page.reload();
  await expect(page.locator("#checklist")).toBeVisible();
  await expect(firstVisit(page)).toHaveCount(0);
  await expect(filter(page, "Needed for next rung")).toBeChecked();
  await expect(page.locator("#item-aws-certified-machine-learning")).toBeVisible();
  await expect(page.locator("#item-seek-mentoring")).toHaveCount(0);
  // A link to an item the filter hides (the plan's overdue list links items) shows the whole list.
  await page.evaluate(() => {
    window.location.hash = "item-seek-mentoring";
  });
  await expect(page.locator("#item-seek-mentoring")).toBeInViewport();
  await expect(filter(page, "All")).toBeChecked();
  await chooseFilter(page, "Needed for next rung");
  await expect(page.locator("#item-seek-mentoring")).toHaveCount(0);
});

test("first visit on a 375 px phone: every control is at least 44 px, nothing scrolls sideways; Skip is remembered", async ({ page, user }) => {
  expect(user.id).toBeTruthy();
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/dashboard");
  const panel = firstVisit(page);
  await expect(panel).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  for (const control of await panel.locator("label, button").all()) {
    const box = await control.boundingBox();
    expect(box?.height ?? 0, await control.textContent() ?? "").toBeGreaterThanOrEqual(44);
  }
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await axeViolations(page)).toEqual([]);

  await panel.getByRole("button", { name: "Skip" }).click();
  await expect(panel).toBeHidden();
  await page.reload();
  await expect(page.locator("#checklist")).toBeVisible();
  await expect(firstVisit(page)).toHaveCount(0);
  // Nothing started yet: the whole list.
  await expect(filter(page, "All")).toBeChecked();
});

test("descriptions: about one line, the rest with the item's details (one Tab stop for both)", async ({ page, user }) => {
  expect(user.id).toBeTruthy();
  await page.goto("/dashboard");
  await firstVisit(page).getByRole("button", { name: "Skip" }).click();
  const item = page.locator("#item-earn-bachelors-degree");
  const rest = "This will provide the foundational knowledge";
  await expect(item).toContainText("Start with a degree in Computer Science, Mathematics, or a related field.");
  await expect(item).not.toContainText(rest);
  // No button of its own: the details' summary says the full description is inside.
  await expect(item.getByRole("button")).toHaveCount(0);
  const details = item.locator("details");
  const summary = details.locator("summary");
  await expect(summary).toHaveText("Full description, dates, note and evidence");
  await expect(details).not.toHaveAttribute("open");
  await summary.focus();
  await page.keyboard.press("Enter");
  await expect(details).toHaveAttribute("open");
  await expect(details).toContainText(rest);
  await expect(item.getByLabel("Note")).toBeVisible();
  // A description that fits on one line: the summary promises only what is there.
  await expect(page.locator("#item-programming-languages summary")).toHaveText("Dates, note and evidence");
  await expect(page.locator("#item-programming-languages")).not.toContainText("Full description");
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await axeViolations(page), colorScheme).toEqual([]);
  }
});

// Counted with the same function: on the build before the skip link and filters, a newcomer's
// first item was Tab stop 32 and the tenth stop 51 (a person with progress 37 and 55); with
// them, 22 and 49 (27 with progress). The aim: the first item before stop 19, the
// tenth before stop 38.
test("fewer Tab stops before the checklist: Skip to checklist comes early, the first and tenth items sooner", async ({ page, user }) => {
  expect(user.id).toBeTruthy();
  await page.goto("/dashboard");
  await firstVisit(page).getByRole("button", { name: "Skip" }).click();
  await page.reload();
  await expect(page.locator("#checklist")).toBeVisible();
  const newcomer = await checklistStops(page);
  console.info(`newcomer (All): ${JSON.stringify(newcomer)}`);
  expect(newcomer.skipLink).toBeLessThanOrEqual(9);
  expect(newcomer.first).toBeLessThan(19);
  expect(newcomer.tenth).toBeLessThan(38);

  // A person with progress: the list opens on what the next rung needs, fewer items to pass.
  await seedRealisticProgress(page.request);
  await page.reload();
  await expect(filter(page, "Needed for next rung")).toBeChecked();
  const started = await firstItemStop(page);
  console.info(`started (Needed for next rung): first item at stop ${started}`);
  // Was 27: the ladder card's links to what is missing or expiring come first, as they should.
  expect(started).toBeLessThan(27);
});

test("note and evidence link save when the field is left, with a Saved mark; the dates wait for Save details", async ({ page, user }) => {
  expect(user.id).toBeTruthy();
  await page.goto("/dashboard");
  await firstVisit(page).getByRole("button", { name: "Skip" }).click();
  const network = page.locator("#item-build-a-network");
  await network.getByText("Dates, note and evidence").click();
  const saved = network.getByRole("status").filter({ hasText: "Saved." });

  await network.getByLabel("Note").fill("Spoke at the local MLOps meetup.");
  await expect(saved).toHaveCount(0);
  await network.getByLabel("Evidence link").focus();
  await expect(saved).toBeVisible();
  await network.getByLabel("Evidence link").fill("meetup.example/talks/42");
  await network.getByLabel("Completed on").fill("2025-03-01");
  await expect(network.getByLabel("Evidence link")).toHaveValue("https://meetup.example/talks/42");

  const stored = async () =>
    ((await (await page.request.get("/api/progress")).json()) as { items: { itemId: string; status: string; note: string | null; evidenceUrl: string | null; completedOn: string | null }[] }).items.find(
      (item) => item.itemId === "build-a-network",
    );
  await expect.poll(async () => (await stored())?.evidenceUrl).toBe("https://meetup.example/talks/42");
  // The note and the link only: the status and the date are as they were until "Save details".
  expect(await stored()).toMatchObject({ status: "todo", note: "Spoke at the local MLOps meetup.", completedOn: null });
  await network.getByRole("button", { name: "Save details" }).click();
  await expect(network.getByRole("radio", { name: "Done", exact: true })).toBeChecked();
  await expect.poll(async () => (await stored())?.completedOn).toBe("2025-03-01");
  expect(await axeViolations(page)).toEqual([]);
});
