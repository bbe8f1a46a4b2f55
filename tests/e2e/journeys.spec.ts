// The progress journey on the dashboard: check items off, watch the ladder card climb without
// a reload, find it all again after one; then let a certification expire and read why the
// rung dropped.
import { displayDate, expect, isoDay, setProgress, showAllItems, test } from "./fixtures";
import type { Locator, Page } from "@playwright/test";

const SKILLS = [
  "Proficiency in Programming Languages",
  "Understanding of Machine Learning Algorithms",
  "Data Modeling and Evaluation",
  "Software Engineering Skills",
];
const AWS = "AWS Certified Machine Learning";

const statusOf = (page: Page, title: string) => page.getByRole("group", { name: `Status of ${title}`, exact: true });

async function setStatus(page: Page, title: string, status: "To do" | "In progress" | "Done" | "Skipped") {
  // A person clicks the visible box; the radio itself is visually hidden.
  await statusOf(page, title).getByText(status, { exact: true }).click();
  await expect(statusOf(page, title).getByRole("radio", { name: status, exact: true })).toBeChecked();
}

/** The ladder card's live position line: "You are <title>". */
const positionOf = (page: Page): Locator => page.getByRole("region", { name: "Your position on the ladder" }).locator("[aria-live]");

/** Puts a marker on the window: it survives client-side updates and disappears with a reload. */
async function markDocument(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { journeyMarker: string }).journeyMarker = "still the same page";
  });
}
const documentMarker = (page: Page) => page.evaluate(() => (window as unknown as { journeyMarker?: string }).journeyMarker ?? null);

test("checking off steps, a dated certification and the skills moves the ladder card up without a reload, and it all stays after one", async ({
  page,
  user,
}) => {
  expect(user.name).toBe("Ada Lovelace");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ada Lovelace's dashboard");
  await expect(positionOf(page)).toHaveText(/You are Aspiring MLE/);
  await expect(page.getByText("0 of 23 checklist items done.")).toBeVisible();
  await markDocument(page);

  // Junior: a bachelor's and practical experience.
  await setStatus(page, "Earn a Bachelor's Degree", "Done");
  await expect(positionOf(page)).toHaveText(/You are Aspiring MLE/);
  await setStatus(page, "Gain Practical Experience", "In progress");
  await setStatus(page, "Gain Practical Experience", "Done");
  await expect(positionOf(page)).toContainText("You are Junior Machine Learning Engineer");
  await expect(positionOf(page)).toContainText("Salary band: $84,563 – $109,500");

  // MLE: a valid certification with its dates, and the four skills.
  const earnedOn = isoDay(-200);
  const expiresOn = isoDay(530);
  await setStatus(page, AWS, "Done");
  const aws = page.locator("#item-aws-certified-machine-learning");
  await aws.getByText("Dates, note and evidence").click();
  await aws.getByLabel("Earned on").fill(earnedOn);
  await aws.getByLabel("Expires on").fill(expiresOn);
  await aws.getByLabel("Evidence link").fill("https://www.credly.com/badges/example");
  await aws.getByRole("button", { name: "Save details" }).click();
  await expect(aws.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(aws.getByText(`(earned ${displayDate(earnedOn)}, expires ${displayDate(expiresOn)}, evidence link)`)).toBeVisible();

  for (const skill of SKILLS.slice(0, 3)) await setStatus(page, skill, "Done");
  await expect(positionOf(page)).toContainText("You are Junior Machine Learning Engineer");
  await expect(page.getByRole("region", { name: "Your position on the ladder" }).getByText("Essential skills")).toBeVisible();
  await setStatus(page, SKILLS[3] as string, "Done");
  await expect(positionOf(page)).toContainText("You are Machine Learning Engineer");
  await expect(positionOf(page)).toContainText("Salary band: $124,998 – $200,000");
  await expect(page.getByRole("heading", { name: /Next rung: Senior Machine Learning Engineer/ })).toBeVisible();
  await expect(page.getByText("7 of 23 checklist items done.")).toBeVisible();
  expect(await documentMarker(page), "the page was reloaded").toBe("still the same page");

  // Everything was saved: a fresh load shows the same.
  await page.reload();
  expect(await documentMarker(page)).toBeNull();
  // Started: the list opens on what the next rung needs; the checks below read every item.
  await showAllItems(page);
  await expect(positionOf(page)).toContainText("You are Machine Learning Engineer");
  await expect(page.getByText("7 of 23 checklist items done.")).toBeVisible();
  for (const title of ["Earn a Bachelor's Degree", "Gain Practical Experience", AWS, ...SKILLS]) {
    await expect(statusOf(page, title).getByRole("radio", { name: "Done", exact: true }), title).toBeChecked();
  }
  await expect(statusOf(page, "Build a Network").getByRole("radio", { name: "To do", exact: true })).toBeChecked();
  await aws.getByText("Dates, note and evidence").click();
  await expect(aws.getByLabel("Earned on")).toHaveValue(earnedOn);
  await expect(aws.getByLabel("Expires on")).toHaveValue(expiresOn);
  await expect(aws.getByLabel("Evidence link")).toHaveValue("https://www.credly.com/badges/example");

  // The ladder page and the history agree.
  await page.getByRole("navigation", { name: "Main" }).getByRole("list").getByRole("link", { name: "Ladder" }).click();
  await expect(page.getByText("You are Machine Learning Engineer.", { exact: true })).toBeVisible();
  await page.goto("/history");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your history");
  await expect(page.getByText(AWS).first()).toBeVisible();
});

test("a certification whose expiry date has passed drops the rung and the dashboard says why", async ({ page, user }) => {
  expect(user.email).toContain("@example.com");
  // Already an MLE, set up through the API.
  await setProgress(page.request, "bachelors-computer-science", { status: "done" });
  await setProgress(page.request, "gain-practical-experience", { status: "done" });
  await setProgress(page.request, "aws-certified-machine-learning", { status: "done", completedOn: isoDay(-800), expiresOn: isoDay(300) });
  for (const skill of ["programming-languages", "machine-learning-algorithms", "data-modeling-and-evaluation", "software-engineering-skills"]) {
    await setProgress(page.request, skill, { status: "done" });
  }
  await page.goto("/dashboard");
  await expect(positionOf(page)).toContainText("You are Machine Learning Engineer");
  await expect(page.getByText("Why your position dropped")).toHaveCount(0);
  await showAllItems(page);

  const expired = isoDay(-3);
  const aws = page.locator("#item-aws-certified-machine-learning");
  await aws.getByText("Dates, note and evidence").click();
  await aws.getByLabel("Expires on").fill(expired);
  await aws.getByRole("button", { name: "Save details" }).click();
  await expect(aws.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  const card = page.getByRole("region", { name: "Your position on the ladder" });
  await expect(positionOf(page)).toContainText("You are Junior Machine Learning Engineer");
  await expect(card.getByText("Why your position dropped")).toBeVisible();
  await expect(card.getByText(`${AWS} expired on ${displayDate(expired)} and no longer counts.`)).toBeVisible();
  await expect(aws.getByText(`Expired on ${displayDate(expired)}: it no longer counts toward your rung.`)).toBeVisible();

  // The same after a reload, and on the ladder page.
  await page.reload();
  await expect(positionOf(page)).toContainText("You are Junior Machine Learning Engineer");
  await expect(card.getByText(`${AWS} expired on ${displayDate(expired)} and no longer counts.`)).toBeVisible();
  await page.goto("/ladder");
  await expect(page.getByText("You are Junior Machine Learning Engineer.", { exact: true })).toBeVisible();

  // Renewing it (a new expiry date) brings the rung back.
  await page.goto("/dashboard");
  await showAllItems(page);
  await aws.getByText("Dates, note and evidence").click();
  await aws.getByLabel("Expires on").fill(isoDay(700));
  await aws.getByRole("button", { name: "Save details" }).click();
  await expect(positionOf(page)).toContainText("You are Machine Learning Engineer");
  await expect(card.getByText("Why your position dropped")).toHaveCount(0);
});
