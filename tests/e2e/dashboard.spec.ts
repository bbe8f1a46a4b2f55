// The dashboard and the app shell as a newcomer meets them (issue "a dashboard a newcomer
// understands at a glance"): one header everywhere, a 404 page with a way home, "Your data"
// in settings with a careful import, own certifications renamed and removed, 44 px targets.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page, Route } from "@playwright/test";
import { expect, setProgress, showAllItems, tabTo, test } from "./fixtures";

async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

test("one header on every page: signed out the public links, signed in the app's and an account menu", async ({ page, user }) => {
  for (const where of ["/", "/how-it-works", "/signin", "/dashboard", "/ladder", "/history", "/settings", "/no-such-page"]) {
    await page.goto(where);
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const name of ["Dashboard", "Ladder", "History", "How levels work"]) {
      await expect(nav.getByRole("link", { name, exact: true }), `${where}: ${name}`).toBeVisible();
    }
    await expect(page.getByRole("button", { name: `Account menu for ${user.name}` }), where).toBeVisible();
    // The same width everywhere: the header's content box lines up on every page.
    const box = await page.getByRole("banner").locator("> div").boundingBox();
    expect(box?.width, where).toBeGreaterThan(900);
    expect(box?.width, where).toBeLessThanOrEqual(1024);
  }

  // Signed in, the public pages offer the dashboard instead of signing up.
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Go to your dashboard" }).first()).toHaveAttribute("href", "/dashboard");
  await expect(page.getByRole("link", { name: "Create your account" })).toHaveCount(0);

  // The account menu: Settings, Your data, Sign out; Escape closes it.
  const menuButton = page.getByRole("button", { name: `Account menu for ${user.name}` });
  await menuButton.click();
  await expect(menuButton).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Escape");
  await expect(menuButton).toHaveAttribute("aria-expanded", "false");
  await expect(menuButton).toBeFocused();
  await menuButton.click();
  await page.getByRole("link", { name: "Your data" }).click();
  await expect(page).toHaveURL(/\/settings#your-data$/);
  await expect(page.getByRole("heading", { name: "Your data" })).toBeInViewport();

  await page.goto("/dashboard");
  await page.getByRole("button", { name: `Account menu for ${user.name}` }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin\?signedOut=1$/);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Sign up" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Dashboard" })).toHaveCount(0);
});

test("an unknown address shows the 404 page with the header and a way home", async ({ page, user }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page does not exist.");
  await expect(page.getByRole("banner")).toBeVisible();
  await page.getByRole("link", { name: "Go to your dashboard" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  expect(user.name).toBeTruthy();

  await page.context().clearCookies();
  await page.goto("/ladder/nothing-here");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page does not exist.");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.getByRole("link", { name: "Go to the home page" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("Your data: deletion links to it; import refuses the CSV kindly, asks in a dialog, says what was restored", async ({ page, user }) => {
  await setProgress(page.request, "build-a-network", { status: "done", note: "Meetups every month." });
  const exported = await page.request.get("/api/export");
  const csv = await page.request.get("/api/export?format=csv");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ladder-import-"));
  const jsonFile = path.join(dir, "ladder-export.json");
  const csvFile = path.join(dir, "ladder-checklist.csv");
  fs.writeFileSync(jsonFile, await exported.body());
  fs.writeFileSync(csvFile, await csv.body());
  // Changed after the export: the import brings the exported state back.
  await setProgress(page.request, "build-a-network", { status: "todo" });

  await page.goto("/settings");
  const deletion = page.getByRole("region", { name: "Delete account" });
  await deletion.getByRole("link", { name: "download your data" }).click();
  await expect(page).toHaveURL(/#your-data$/);
  const data = page.getByRole("region", { name: "Your data" });

  await data.getByLabel("Ladder export to import (.json)").setInputFiles(csvFile);
  await data.getByRole("button", { name: "Import…" }).click();
  await expect(data.getByRole("alert")).toContainText('"ladder-checklist.csv" is the checklist CSV');
  await expect(data.getByRole("alert")).toContainText("choose the .json export");
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await data.getByLabel("Ladder export to import (.json)").setInputFiles(jsonFile);
  await data.getByRole("button", { name: "Import…" }).click();
  const dialog = page.getByRole("dialog", { name: /Replace your progress with “ladder-export.json”/ });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("replaces your whole checklist");
  expect(await axeViolations(page)).toEqual([]);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect(((await (await page.request.get("/api/progress")).json()) as { items: { itemId: string; status: string }[] }).items.find((i) => i.itemId === "build-a-network")?.status).toBe("todo");

  await data.getByRole("button", { name: "Import…" }).click();
  await dialog.getByRole("button", { name: "Replace with the file" }).click();
  await expect(page.getByRole("status").filter({ hasText: 'Restored from "ladder-export.json"' })).toContainText("1 checklist item");
  const after = (await (await page.request.get("/api/progress")).json()) as { items: { itemId: string; status: string; note: string | null }[] };
  expect(after.items.find((i) => i.itemId === "build-a-network")).toMatchObject({ status: "done", note: "Meetups every month." });

  // A wrong file is not final: the import can be undone, once, and history records it.
  await data.getByRole("button", { name: "Undo import" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Import undone" })).toBeVisible();
  await expect(data.getByRole("button", { name: "Undo import" })).toHaveCount(0);
  const undone = (await (await page.request.get("/api/progress")).json()) as { items: { itemId: string; status: string; note: string | null }[] };
  expect(undone.items.find((i) => i.itemId === "build-a-network")).toMatchObject({ status: "todo", note: "Meetups every month." });
  const history = (await (await page.request.get("/api/history")).json()) as { events: { itemId: string; toStatus: string }[] };
  expect(history.events[0]).toMatchObject({ itemId: "build-a-network", toStatus: "todo" });
  expect(user.email).toContain("@");
});

test("an own certification can be renamed and removed; removal asks, and history keeps it", async ({ page, user }) => {
  expect(user.name).toBeTruthy();
  const added = await page.request.post("/api/certifications", { data: { title: "Kaggle Expert", issuer: "Kaggle" } });
  const { certification } = (await added.json()) as { certification: { id: string } };
  await setProgress(page.request, certification.id, { status: "done" });
  await page.goto("/dashboard");
  await showAllItems(page);
  const item = page.locator(`#item-${certification.id}`);

  await item.getByRole("button", { name: "Rename Kaggle Expert" }).click();
  await item.getByLabel("Title").fill("");
  await item.getByRole("button", { name: "Save name" }).click();
  await expect(item.getByLabel("Title")).toBeFocused();
  await expect(item.getByText("A title is required")).toBeVisible();
  await item.getByLabel("Title").fill("Kaggle Competitions Master");
  await item.getByRole("button", { name: "Save name" }).click();
  await expect(item.getByRole("heading", { name: /Kaggle Competitions Master/ })).toBeVisible();

  await item.getByRole("button", { name: "Remove Kaggle Competitions Master" }).click();
  await expect(item.getByText("Remove “Kaggle Competitions Master” from your checklist?")).toBeVisible();
  await item.getByRole("button", { name: "Keep it" }).click();
  await expect(item).toBeVisible();
  await item.getByRole("button", { name: "Remove Kaggle Competitions Master" }).click();
  await item.getByRole("button", { name: "Remove it" }).click();
  await expect(page.locator(`#item-${certification.id}`)).toHaveCount(0);

  await page.goto("/history");
  const removal = page.getByRole("listitem").filter({ hasText: "Removed from your checklist" });
  await expect(removal).toContainText("Kaggle Competitions Master");
});

test("on a 375 px phone every control is at least 44 × 44 px, and descriptions start with the sentence", async ({ page, user }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  for (const where of ["/", "/how-it-works", "/dashboard", "/ladder", "/history", "/settings", "/no-such-page"]) {
    await page.goto(where);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // Links inside running text are exempt (WCAG 2.5.8's inline exception).
    const small = await page.locator("button, a, input, select, textarea, summary, label:has(> input[type=radio])").evaluateAll((controls) =>
      controls.flatMap((control) => {
        const rect = control.getBoundingClientRect();
        // Hidden until focused (the skip link) or visually hidden (a radio behind its label).
        if (rect.width <= 1 || rect.height <= 1) return [];
        if (control.tagName === "A" && control.closest("p, li > span, td, dd, figcaption")) return [];
        if (rect.width >= 43.5 && rect.height >= 43.5) return [];
        // A radio or checkbox is hit through its label: the label is the target.
        if (control instanceof HTMLInputElement && (control.type === "radio" || control.type === "checkbox")) {
          const label = control.closest("label") ?? (control.id ? document.querySelector(`label[for="${control.id}"]`) : null);
          const box = label?.getBoundingClientRect();
          if (box && box.height >= 43.5 && box.width >= 43.5) return [];
        }
        return [`${control.tagName.toLowerCase()} "${(control.textContent ?? control.getAttribute("aria-label") ?? "").trim().slice(0, 40)}" ${Math.round(rect.width)}×${Math.round(rect.height)}`];
      }),
    );
    expect(small, where).toEqual([]);
  }
  await page.goto("/dashboard");
  const degree = page.locator("#item-masters-machine-learning");
  await expect(degree).toContainText("Many MLEs hold a Master's or Ph.D. in Machine Learning or Data Science that gives them");
  expect(user.name).toBeTruthy();
});

test("the 'You are here' badge stays on one line on a phone", async ({ page, user }) => {
  expect(user.name).toBeTruthy();
  // The first rung: a bachelor's and practical experience. Its title is the longest.
  await setProgress(page.request, "bachelors-computer-science", { status: "done" });
  await setProgress(page.request, "gain-practical-experience", { status: "done" });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto("/ladder");
  const badge = page.locator("span", { hasText: /^You are here$/ });
  const box = await badge.boundingBox();
  expect(box?.height).toBeLessThan(24);
});

test("status never contradicts the rules: a step met through a degree shows as met, a hand-marked one says it will not count", async ({ page, user }) => {
  expect(user.name).toBeTruthy();
  await setProgress(page.request, "bachelors-mathematics", { status: "done" });
  await setProgress(page.request, "pursue-advanced-certifications", { status: "done" });
  await page.goto("/dashboard");
  await showAllItems(page);

  const bachelors = page.locator("#item-earn-bachelors-degree");
  await expect(bachelors.getByText(/^✓ Met$/)).toBeVisible();
  await expect(bachelors).toContainText("Met through Bachelor's Degree in Mathematics.");
  await expect(bachelors.getByRole("radio", { name: "To do" })).toHaveCount(0);

  const certs = page.locator("#item-pursue-advanced-certifications");
  await expect(certs).toContainText("You marked this done, but it will not count until you have a certification that is done and has not expired.");

  // The section counts what the ladder counts: the bachelor's step (met through the degree),
  // not the certification step marked by hand.
  const steps = page.getByRole("region", { name: "The 8 steps" });
  await expect(steps.getByText("1 of 8 done")).toBeVisible();

  // A valid certification then meets the step, named.
  await page.locator("#item-aws-certified-machine-learning").getByText("Done", { exact: true }).click();
  await expect(certs).toContainText("Met through AWS Certified Machine Learning.");
  await expect(steps.getByText("2 of 8 done")).toBeVisible();

  // Back to To do keeps the dates, and says so.
  await setProgress(page.request, "build-a-network", { status: "done", completedOn: "2025-05-04" });
  await page.reload();
  await showAllItems(page);
  const network = page.locator("#item-build-a-network");
  await network.getByText("To do", { exact: true }).click();
  await expect(network).toContainText("Back to To do; your dates are kept (completed 4 May 2025).");
  expect(await axeViolations(page)).toEqual([]);
});

test("reaching a rung is announced in view with View ladder; the change can be undone from the toast, and history records both", async ({ page, user }) => {
  expect(user.name).toBeTruthy();
  await setProgress(page.request, "bachelors-computer-science", { status: "done" });
  await page.goto("/dashboard");

  // The skip link reaches the checklist early; the keyboard help waits behind its button.
  const skip = page.getByRole("link", { name: "Skip to checklist" });
  await tabTo(page, skip, "skip to checklist");
  await page.keyboard.press("Enter");
  await expect(page.locator("#checklist")).toBeFocused();
  await expect(page.getByText("Press Tab to reach an item")).toBeHidden();
  await page.getByText("Keyboard help").click();
  await expect(page.getByText("Press Tab to reach an item")).toBeVisible();

  const item = page.locator("#item-gain-practical-experience");
  await item.scrollIntoViewIfNeeded();
  await item.getByText("Done", { exact: true }).click();
  const toast = page.getByTestId("progress-toast");
  await expect(toast).toContainText("Gain Practical Experience: Done. You reached Junior Machine Learning Engineer.");
  await expect(toast).toBeInViewport();
  await expect(page.getByRole("status").filter({ hasText: "You reached Junior Machine Learning Engineer." })).toHaveAttribute("aria-live", "polite");
  await expect(toast.getByRole("link", { name: "View ladder" })).toHaveAttribute("href", "/ladder");

  // The position bar stays in view while the checklist scrolls.
  await showAllItems(page);
  await page.locator("#item-seek-mentoring").scrollIntoViewIfNeeded();
  const bar = page.getByRole("region", { name: "Where you stand" });
  await expect(bar).toBeInViewport();
  await expect(bar).toContainText("Junior Machine Learning Engineer");

  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(item.getByRole("radio", { name: "To do", exact: true })).toBeChecked();
  await expect(toast).toContainText("Undone: Gain Practical Experience is To do again.");
  await expect(bar).toContainText("Aspiring MLE");
  await expect
    .poll(async () => ((await (await page.request.get("/api/ladder")).json()) as { current: { id: string } | null }).current)
    .toBeNull();

  await page.goto("/history");
  const events = page.getByRole("listitem");
  await expect(events.filter({ hasText: "Reached Junior Machine Learning Engineer" })).toHaveCount(1);
  await expect(events.filter({ hasText: "Moved down to below the first rung" })).toHaveCount(1);
  await expect(events.filter({ hasText: "Gain Practical Experience" })).toHaveCount(2);
});

test("one saving model: a completed date marks done, a certification is done with both dates in one save, links get https://, errors focus their field", async ({ page, user }) => {
  expect(user.name).toBeTruthy();
  await page.goto("/dashboard");

  const network = page.locator("#item-build-a-network");
  await network.getByText("Dates, note and evidence").click();
  await network.getByLabel("Completed on").fill("2025-03-01");
  await network.getByLabel("Evidence link").fill("example.com/meetup-talk");
  await network.getByRole("button", { name: "Save details" }).click();
  await expect(network.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(network.getByRole("radio", { name: "Done", exact: true })).toBeChecked();
  await expect(network.getByLabel("Evidence link")).toHaveValue("https://example.com/meetup-talk");
  await expect(network.getByRole("link", { name: /Evidence for Build a Network/ })).toHaveAttribute("href", "https://example.com/meetup-talk");

  const aws = page.locator("#item-aws-certified-machine-learning");
  await aws.getByText("Dates, note and evidence").click();
  await aws.getByLabel("Earned on").fill("2026-01-10");
  await aws.getByLabel("Expires on").fill("2025-01-10");
  await aws.getByRole("button", { name: "Save details" }).click();
  await expect(aws.getByLabel("Expires on")).toBeFocused();
  await expect(aws.getByText("The expiry date cannot be before the date it was earned.")).toBeVisible();
  await aws.getByLabel("Expires on").fill("2029-01-10");
  await aws.getByRole("button", { name: "Save details" }).click();
  await expect(aws.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(aws.getByRole("radio", { name: "Done", exact: true })).toBeChecked();
  const history = (await (await page.request.get("/api/history")).json()) as { events: { itemId: string; toStatus: string }[] };
  expect(history.events.filter((event) => event.itemId === "aws-certified-machine-learning")).toEqual([expect.objectContaining({ toStatus: "done" })]);

  // Unsaved text is not lost silently: leaving asks first.
  await network.getByLabel("Note").fill("A talk about feature stores.");
  let asked = false;
  page.once("dialog", async (dialog) => {
    asked = dialog.type() === "beforeunload";
    await dialog.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toBe(true);
});

test("less to wade through: filters, collapsible sections, a quiet To do", async ({ page, user }) => {
  expect(user.name).toBeTruthy();
  await setProgress(page.request, "bachelors-computer-science", { status: "done" });
  await setProgress(page.request, "build-a-network", { status: "in_progress" });
  await page.goto("/dashboard");
  const items = page.locator("#checklist li[id^='item-']");
  const filters = page.getByRole("group", { name: "Show in the checklist" });
  const filter = (name: string) => filters.getByRole("radio", { name, exact: true });

  // Started: the checklist opens on what the next rung needs. The first rung still needs
  // practical experience only.
  await expect(filter("Needed for next rung")).toBeChecked();
  await expect(items).toHaveCount(1);
  await expect(page.locator("#item-gain-practical-experience")).toBeVisible();

  await filters.getByText("In progress", { exact: true }).click();
  await expect(filter("In progress")).toBeChecked();
  await expect(items).toHaveCount(1);
  await expect(page.locator("#item-build-a-network")).toBeVisible();

  // Done counts what the ladder counts: the degree and the step it meets.
  await filters.getByText("Done", { exact: true }).click();
  await expect(filter("Done")).toBeChecked();
  await expect(items).toHaveCount(2);

  await filters.getByText("All", { exact: true }).click();
  await expect(filter("All")).toBeChecked();
  expect(await items.count()).toBeGreaterThanOrEqual(23);
  const education = page.getByRole("region", { name: "Education paths" });
  await education.getByRole("button", { name: "Hide Education paths" }).click();
  await expect(education.getByRole("listitem")).toHaveCount(0);
  await expect(education.getByRole("button", { name: "Show Education paths" })).toHaveAttribute("aria-expanded", "false");
  await education.getByRole("button", { name: "Show Education paths" }).click();
  await expect(page.locator("#item-phd-data-science")).toBeVisible();

  // The unselected default is quieter than a chosen status: no filled background. The label is
  // the option's pill (it holds the visually hidden radio).
  const todo = page.locator("#item-seek-mentoring label").filter({ hasText: "To do" });
  const done = page.locator("#item-bachelors-computer-science label").filter({ hasText: "Done" });
  const background = (locator: typeof todo) => locator.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await background(todo)).toBe("rgb(255, 255, 255)");
  expect(await background(done)).not.toBe("rgb(255, 255, 255)");
  expect(await axeViolations(page)).toEqual([]);
});

test("a status change the server refuses puts the item back and says why; the next change is saved", async ({ page, user }) => {
  expect(user.name).toBeTruthy();
  await setProgress(page.request, "seek-mentoring", { status: "in_progress" });
  await page.goto("/dashboard");
  await showAllItems(page);
  const item = page.locator("#item-seek-mentoring");
  const status = (name: string) => item.getByRole("group", { name: "Status of Seek Mentoring" }).getByRole("radio", { name, exact: true });
  await expect(status("In progress")).toBeChecked();

  // The write is refused as the API refuses one (its error shape); reads go through.
  const refuse = (route: Route) =>
    route.request().method() === "PUT"
      ? route.fulfill({ status: 409, contentType: "application/json", body: JSON.stringify({ error: { code: "conflict", message: "It was changed elsewhere." } }) })
      : route.continue();
  await page.route("**/api/progress/seek-mentoring", refuse);
  await item.getByText("Done", { exact: true }).click();
  await expect(item.getByRole("alert")).toHaveText('Not saved ("Done"): It was changed elsewhere. The item shows what is stored.');
  await expect(status("In progress")).toBeChecked();

  await page.unroute("**/api/progress/seek-mentoring", refuse);
  await item.getByText("Done", { exact: true }).click();
  await expect(status("Done")).toBeChecked();
  await expect(item.getByRole("alert")).toHaveCount(0);
  await page.reload();
  await showAllItems(page);
  await expect(status("Done")).toBeChecked();
});
