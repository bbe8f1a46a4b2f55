// Sharing a plan, end to end in Chromium: a mentor invited, accepting with their own account
// in a second browser, reading at the granted level, commenting, then revoked; and the public
// page turned on, opened signed out, turned off.
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { firstLink, startTestSmtp, type TestSmtp } from "../helpers/smtp";
import { expect, SCREENSHOTS, setProgress, signInThroughForm, signInWithApi, test } from "./fixtures";

// The server mails through SMTP on this loopback port (playwright.config.ts); the invitation
// mail is read here and its link followed, as the mentor would.
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT);
let smtp: TestSmtp;

test.beforeAll(async () => {
  smtp = await startTestSmtp(SMTP_PORT);
});

test.afterAll(async () => {
  await smtp?.stop();
});

async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

/** No sideways scroll on a 375 px phone, light and dark, and no axe violation. */
async function expectPhoneFriendlyAndAccessible(page: Page, where: string, shot: string) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    for (const width of [375, 1280]) {
      await page.setViewportSize({ width, height: 812 });
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
      expect(scrollWidth, `${where} at ${width} px, ${colorScheme}: scrolls sideways`).toBeLessThanOrEqual(clientWidth);
      await page.screenshot({ path: path.join(SCREENSHOTS, `${shot}-${width}-${colorScheme}.png`), fullPage: true });
    }
    expect(await axeViolations(page), `${where}, ${colorScheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

test("a person invites a mentor, who reads at the granted level and comments until revoked", async ({ page, browser, makeAccount, baseURL }) => {
  const person = await makeAccount({ name: "Pat Person" });
  const mentor = await makeAccount({ name: "Mo Mentor" });
  expect(await signInWithApi(page.request, person)).toBe(true);
  await setProgress(page.request, "build-a-network", { status: "in_progress", note: "Private: coffee with the platform team" });
  const plan = await page.request.put("/api/plan", { data: { targetRungId: "senior-mle", targetDate: "2031-03-31" } });
  expect(plan.status(), await plan.text()).toBe(200);

  // The person invites at the "checklist" level; the link is mailed and also shown to copy.
  await page.goto("/settings");
  await page.getByLabel("Their email address").fill(mentor.email);
  await page.getByLabel("What they may see").selectOption("checklist");
  await page.getByRole("button", { name: "Send invitation" }).click();
  const copied = await page.getByLabel(`Invitation link for ${mentor.email}`).inputValue();
  expect(copied).toMatch(/\/mentoring\/accept\?token=[A-Za-z0-9_-]{43}$/);
  const mail = await smtp.waitForMail((m) => m.to === mentor.email && m.subject === "Pat Person invites you to mentor them on Ladder");
  expect(mail.text).toContain("the status and dates of each item");
  const link = firstLink(mail, "/mentoring/accept");
  expect(link).toBe(copied);

  // The mentor, in a browser of their own, accepts with their own account.
  const mentorContext = await browser.newContext({ baseURL });
  const mentorPage = await mentorContext.newPage();
  // Signed out, the link asks them to sign in first and comes back to the invitation.
  await mentorPage.goto(link);
  await expect(mentorPage).toHaveURL(/\/signin\?callbackUrl=/);
  await signInThroughForm(mentorPage, mentor.email, mentor.password);
  await expect(mentorPage.getByRole("heading", { level: 1 })).toHaveText("Accept an invitation to mentor");
  await expectPhoneFriendlyAndAccessible(mentorPage, "/mentoring/accept", "mentoring-accept");
  await mentorPage.getByRole("button", { name: "Accept the invitation" }).click();
  await mentorPage.getByRole("link", { name: "Open Pat Person's plan" }).click();
  await expect(mentorPage.getByRole("heading", { level: 1 })).toHaveText("Pat Person's plan");
  const networkRow = mentorPage.getByRole("listitem").filter({ hasText: "Build a Network" }).last();
  await expect(networkRow).toContainText("In progress");
  await expect(mentorPage.getByText("coffee with the platform team")).toHaveCount(0);
  await expectPhoneFriendlyAndAccessible(mentorPage, "the person's view (/mentoring/<id>)", "mentoring-person");

  // A comment with markup arrives as text.
  const comment = "<script>window.__injected = 1</script> Keep going!";
  await mentorPage.getByRole("textbox", { name: "Your comment" }).fill(comment);
  await mentorPage.getByRole("button", { name: "Send comment" }).click();
  await expect(mentorPage.getByText("Comment sent.")).toBeVisible();

  await mentorPage.goto("/mentoring");
  await expect(mentorPage.getByRole("row", { name: /Pat Person/ })).toContainText("%");
  // The goal from the person's plan, in its own column from the sm breakpoint.
  await expect(mentorPage.getByRole("row", { name: /Pat Person/ })).toContainText("Senior Machine Learning Engineer by");
  await expect(mentorPage.getByRole("img", { name: "People per rung" })).toBeVisible();
  await mentorPage.getByRole("button", { name: "% to next" }).focus();
  await mentorPage.keyboard.press("Enter");
  await expect(mentorPage.getByRole("columnheader", { name: "% to next" })).toHaveAttribute("aria-sort", "ascending");
  await mentorPage.keyboard.press("Enter");
  await expect(mentorPage.getByRole("columnheader", { name: "% to next" })).toHaveAttribute("aria-sort", "descending");
  await expectPhoneFriendlyAndAccessible(mentorPage, "/mentoring", "mentoring-with-people");

  // The person sees the comment as typed, and when the mentor last looked.
  await page.goto("/dashboard");
  const comments = page.getByRole("region", { name: "Comments from your mentors" });
  await expect(comments).toContainText(comment);
  expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
  await page.goto("/settings");
  await expect(page.getByText(/Last looked \d+ \w+ \d{4}/)).toBeVisible();

  // Revoked: the mentor's next request is refused.
  await page.getByRole("button", { name: "Revoke access for Mo Mentor" }).click();
  await expect(page.getByText("No one can read your plan.")).toBeVisible();
  const gone = await mentorPage.goto(link.replace(/accept\?token=.*/, ""));
  expect(gone?.status()).toBe(200);
  await expect(mentorPage.getByText("No one has shared their plan with you yet.")).toBeVisible();
  const api = await mentorPage.request.get("/api/mentees");
  expect(((await api.json()) as { mentees: unknown[] }).mentees).toEqual([]);

  // The person deletes the comment.
  await page.goto("/dashboard");
  await comments.getByRole("button", { name: /Delete/ }).click();
  await expect(page.getByRole("region", { name: "Comments from your mentors" })).toHaveCount(0);
  await mentorContext.close();
});

test("the public page: on, opened signed out without anything private, off and gone", async ({ page, browser, makeAccount, baseURL }) => {
  const person = await makeAccount({ name: "Sam <b>Share</b>" });
  expect(await signInWithApi(page.request, person)).toBe(true);
  await setProgress(page.request, "bachelors-computer-science", { status: "done", completedOn: "2019-06-28", note: "Private: thesis on ranking" });
  await setProgress(page.request, "build-a-network", { status: "in_progress", evidenceUrl: "https://evidence.example/private" });

  await page.goto("/settings");
  await expect(page.getByText("Your public page is off.")).toBeVisible();
  await page.getByLabel("Show my checklist statuses on the page").check();
  await page.getByRole("button", { name: "Turn on my public page" }).click();
  const link = await page.getByLabel("Your public link").inputValue();
  expect(link).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/);

  const visitor = await browser.newContext({ baseURL });
  const visitorPage = await visitor.newPage();
  const response = await visitorPage.goto(link);
  expect(response?.status()).toBe(200);
  const headers = response?.headers() ?? {};
  expect(headers["x-robots-tag"]).toContain("noindex");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["cache-control"]).toContain("no-store");
  await expect(visitorPage.getByRole("heading", { level: 1 })).toHaveText("Sam <b>Share</b>'s career plan");
  await expect(visitorPage.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(visitorPage.getByText("Salary band:").first()).toBeVisible();
  await expect(visitorPage.getByRole("listitem").filter({ hasText: "Build a Network" })).toContainText("In progress");
  const html = await visitorPage.content();
  for (const secret of ["thesis on ranking", "evidence.example", person.email, "2019-06-28"]) expect(html).not.toContain(secret);
  const image = await visitorPage.locator('meta[property="og:image"]').getAttribute("content");
  const png = await visitor.request.get(new URL(image ?? "", link).pathname);
  expect(png.status()).toBe(200);
  expect(png.headers()["content-type"]).toBe("image/png");
  await expectPhoneFriendlyAndAccessible(visitorPage, "/share/<token>", "share-page");

  // Turned off: the same link is gone at once.
  await page.getByRole("button", { name: "Turn off my public page" }).click();
  await expect(page.getByText("Your public page is off.")).toBeVisible();
  const after = await visitorPage.goto(link);
  expect(after?.status()).toBe(404);
  await visitor.close();
});
