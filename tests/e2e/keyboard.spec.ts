// A whole journey by keyboard alone: sign in, change three things, read the ladder position.
// After every key press the expected element has focus and the focus can be seen.
import { expect, expectVisibleFocus, pressAndExpectFocus, tabTo, test } from "./fixtures";

test("sign in, change three items and read the ladder position by keyboard, with visible focus at every step", async ({ page, account }) => {
  await page.goto("/signin?callbackUrl=%2Fdashboard");
  const skipLink = page.getByRole("link", { name: "Skip to content" });
  await pressAndExpectFocus(page, "Tab", skipLink, "skip link on /signin");
  await pressAndExpectFocus(page, "Tab", page.getByRole("link", { name: "Ladder, home" }), "home link");
  await tabTo(page, page.getByLabel("Email"), "email field");
  await page.keyboard.type(account.email);
  await pressAndExpectFocus(page, "Tab", page.getByLabel("Password"), "password field");
  await page.keyboard.type(account.password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/dashboard$/);
  const card = page.getByRole("region", { name: "Your position on the ladder" });
  await expect(card.locator("[aria-live]")).toContainText("You are Aspiring MLE");

  // The skip link jumps over the navigation into the page's content.
  await pressAndExpectFocus(page, "Tab", skipLink, "skip link on /dashboard");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/dashboard#main$/);
  // The first link in the content: the first thing the next rung still needs.
  await tabTo(page, card.getByRole("link", { name: "Earn a Bachelor's Degree" }), "first link in the content");

  // 1. and 2. Two steps to Done with the arrow keys: each press saves the next status.
  for (const title of ["Earn a Bachelor's Degree", "Gain Practical Experience"]) {
    const group = page.getByRole("group", { name: `Status of ${title}`, exact: true });
    await tabTo(page, group.getByRole("radio", { name: "To do", exact: true }), `status of ${title}`);
    await pressAndExpectFocus(page, "ArrowRight", group.getByRole("radio", { name: "In progress", exact: true }), `${title}: In progress`);
    await expect(group.getByRole("radio", { name: "In progress", exact: true })).toBeChecked();
    await pressAndExpectFocus(page, "ArrowRight", group.getByRole("radio", { name: "Done", exact: true }), `${title}: Done`);
    await expect(group.getByRole("radio", { name: "Done", exact: true })).toBeChecked();
  }

  // 3. The focus track, after the checklist: a new value in the select, then Save track.
  const track = page.getByLabel("Career track");
  await tabTo(page, track, "track select", { max: 120 });
  await page.keyboard.press("ArrowDown");
  await expect(track).toHaveValue("research-mle");
  await expect(track).toBeFocused();
  await expectVisibleFocus(page, "track select after choosing");
  const saveTrack = page.getByRole("button", { name: "Save track" });
  await pressAndExpectFocus(page, "Tab", saveTrack, "Save track");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Track saved.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Your focus track" }).getByRole("paragraph").filter({ hasText: /^Research MLE$/ })).toBeVisible();
  // Saving must not drop the focus to the page: the next Tab carries on from where it was.
  await expect(saveTrack).toBeFocused();
  await expectVisibleFocus(page, "Save track after saving");

  // Read the position: the card, then back up to the position bar's link to the ladder page
  // (the bar stays in view while the page scrolls).
  await expect(card.locator("[aria-live]")).toContainText("You are Junior Machine Learning Engineer");
  const ladderLink = page.getByRole("region", { name: "Where you stand" }).getByRole("link", { name: "View ladder" });
  await tabTo(page, ladderLink, "back to the position bar", { backwards: true, max: 150 });
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/ladder$/);
  await expect(page.getByText("You are Junior Machine Learning Engineer.", { exact: true })).toBeVisible();

  // The changes were saved, not only shown.
  const ladder = await page.request.get("/api/ladder");
  expect((await ladder.json()).current.title).toBe("Junior Machine Learning Engineer");
  const progress = (await (await page.request.get("/api/progress")).json()) as { items: { itemId: string; status: string }[] };
  expect(progress.items.filter((i) => i.status === "done").map((i) => i.itemId).sort()).toEqual(["earn-bachelors-degree", "gain-practical-experience"]);
});

test("buttons keep the keyboard focus while they save: settings name, own certification", async ({ page, user }) => {
  expect(user.id).toBeTruthy();
  await page.goto("/settings");
  const name = page.getByLabel("Name", { exact: true });
  await tabTo(page, name, "name field");
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("Ada King");
  const saveName = page.getByRole("button", { name: "Save name" });
  await pressAndExpectFocus(page, "Tab", saveName, "Save name");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Name saved.")).toBeVisible();
  await expect(saveName).toBeFocused();
  await expectVisibleFocus(page, "Save name after saving");

  await page.goto("/dashboard");
  const summary = page.getByText("Add a certification of your own");
  await tabTo(page, summary, "add a certification", { max: 120 });
  await page.keyboard.press("Enter");
  await pressAndExpectFocus(page, "Tab", page.getByLabel("Title"), "certification title");
  await page.keyboard.type("TensorFlow Developer Certificate");
  await pressAndExpectFocus(page, "Tab", page.getByLabel("Issuer"), "certification issuer");
  await page.keyboard.type("Google");
  const add = page.getByRole("button", { name: "Add certification" });
  await tabTo(page, add, "Add certification");
  await page.keyboard.press("Enter");
  await expect(page.getByText('Added "TensorFlow Developer Certificate".')).toBeVisible();
  await expect(add).toBeFocused();
  await expectVisibleFocus(page, "Add certification after adding");
  await expect(page.getByRole("group", { name: "Status of TensorFlow Developer Certificate" }).getByRole("radio", { name: "Done" })).toBeChecked();
});

test("every stop in the Tab order of the signed-in pages shows its focus", async ({ page, progressAccount }) => {
  await page.context().addCookies(progressAccount.cookies);
  for (const path of ["/dashboard", "/ladder", "/history", "/settings"]) {
    await page.goto(path);
    await pressAndExpectFocus(page, "Tab", page.getByRole("link", { name: "Skip to content" }), `${path}: first Tab`);
    let stops = 1;
    // Round the whole page once, until the focus leaves the document or wraps to the start.
    for (; stops < 200; stops += 1) {
      await page.keyboard.press("Tab");
      const hasWrapped = await page.evaluate(() => {
        const active = document.activeElement;
        return !active || active === document.body || active.getAttribute("href") === "#main";
      });
      if (hasWrapped) break;
      await expectVisibleFocus(page, `${path}, Tab stop ${stops + 1}`);
    }
    expect(stops, `${path}: the Tab order never came to an end`).toBeLessThan(200);
    expect(stops, `${path}: suspiciously few Tab stops`).toBeGreaterThan(5);
  }
});
