// Journeys through mail: the server sends through SMTP to a real SMTP server this spec runs on
// loopback (port E2E_SMTP_PORT, set in playwright.config.ts), and the tests follow the links
// in the mails it receives.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { firstLink, startTestSmtp, type TestSmtp } from "../helpers/smtp";
import { expect, isoDay, signInThroughForm, signInWithApi, strongPassword, test } from "./fixtures";
import { SCHEMES } from "./pages";

const SMTP_PORT = Number(process.env.E2E_SMTP_PORT);
const ROOT = path.resolve(__dirname, "..", "..");
let smtp: TestSmtp;

test.beforeAll(async () => {
  smtp = await startTestSmtp(SMTP_PORT);
});

test.afterAll(async () => {
  await smtp?.stop();
});

/** No axe violations, light and dark, and no sideways scrolling on a 375 px phone. */
async function checkPage(page: Page, heading: string) {
  await page.setViewportSize({ width: 375, height: 812 });
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`), `${page.url()} ${colorScheme}`).toEqual([]);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    expect(scrollWidth, `${page.url()} ${colorScheme}`).toBeLessThanOrEqual(clientWidth);
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** `npm run reminders -- --date …` against the e2e server's database, mailing to this spec's SMTP server. */
async function runReminders(date: string, baseURL: string) {
  const dataDir = path.join(ROOT, "tests", ".output", `e2e-${new URL(baseURL).port}`);
  const { stdout } = await promisify(execFile)(path.join(ROOT, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/reminders.mts", "--date", date], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: `file:${path.join(dataDir, "e2e.db")}`,
      DATA_DIR: dataDir,
      NEXTAUTH_URL: baseURL,
      SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
    },
  });
  return stdout;
}

test("forgot password: the mailed link sets a new password, the old session ends", async ({ page, browser, makeAccount, baseURL }) => {
  const account = await makeAccount({ name: "Ada Lovelace" });
  // Another device, signed in with the old password.
  const otherDevice = await browser.newContext({ baseURL });
  const otherPage = await otherDevice.newPage();
  expect(await signInWithApi(otherPage.request, account)).toBe(true);
  await otherPage.goto("/dashboard");
  await expect(otherPage.getByRole("heading", { level: 1 })).toHaveText("Ada Lovelace's dashboard");

  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await checkPage(page, "Forgot your password?");
  await page.getByLabel("Email").fill(account.email);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByRole("status")).toContainText("Check your inbox");

  const mail = await smtp.waitForMail((m) => m.to === account.email && m.subject === "Reset your Ladder password");
  expect(mail.text).toContain("Hi Ada Lovelace,");
  await page.goto(firstLink(mail, "/reset-password"));
  await checkPage(page, "Choose a new password");
  const newPassword = strongPassword();
  await page.getByLabel("New password").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("status")).toContainText("every device is signed out");
  // The page's own link (the header also offers Sign in).
  await page.locator("#main").getByRole("link", { name: "Sign in" }).click();

  await expect(page).toHaveURL(/\/signin/);
  await signInThroughForm(page, account.email, account.password);
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await signInThroughForm(page, account.email, newPassword);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ada Lovelace's dashboard");
  account.password = newPassword;

  await otherPage.goto("/dashboard");
  await expect(otherPage, "the session from before the reset is gone").toHaveURL(/\/signin/);
  await otherDevice.close();

  // The link works once.
  await page.goto(firstLink(mail, "/reset-password"));
  await page.getByLabel("New password").fill(strongPassword());
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText(/used, expired or not valid/)).toBeVisible();
});

test("confirm the email, get the weekly digest, unsubscribe from it with its link", async ({ page, makeAccount, baseURL }) => {
  const account = await makeAccount({ name: "Grace Hopper" });
  expect(await signInWithApi(page.request, account)).toBe(true);
  await page.goto("/settings");
  await expect(page.getByText("is not confirmed yet")).toBeVisible();

  const confirmation = await smtp.waitForMail((m) => m.to === account.email && m.subject === "Confirm your email for Ladder");
  await page.goto(firstLink(confirmation, "/verify-email"));
  await checkPage(page, "Confirm your email");
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page.getByRole("status")).toContainText("your email address is confirmed");
  await page.goto("/settings");
  await expect(page.getByText(`${account.email} is confirmed.`)).toBeVisible();
  await expect(page.getByLabel("Weekly digest")).toBeChecked();
  await checkPage(page, "Settings");

  const output = await runReminders(isoDay(), baseURL as string);
  expect(output).toMatch(/[1-9]\d* sent/);
  const digest = await smtp.waitForMail((m) => m.to === account.email && m.subject === "Your week on Ladder");
  expect(digest.text).toContain("Hi Grace Hopper,");

  await page.goto(firstLink(digest, "/unsubscribe"));
  await checkPage(page, "Unsubscribe");
  await expect(page.getByText("Stop getting the weekly digest?")).toBeVisible();
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByRole("status")).toContainText("you will no longer get the weekly digest");

  await page.goto("/settings");
  await expect(page.getByLabel("Weekly digest")).not.toBeChecked();
  await expect(page.getByLabel("Certification renewals")).toBeChecked();
  // Target-date reminders have their own switch, saved like the others.
  await page.getByLabel("Target dates").uncheck();
  await page.getByRole("button", { name: "Save reminders" }).click();
  await expect(page.getByText("Reminder settings saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Target dates")).not.toBeChecked();
  await expect(page.getByLabel("Certification renewals")).toBeChecked();
  // A second pass the same week sends nothing more.
  await runReminders(isoDay(), baseURL as string);
  expect(smtp.mails.filter((m) => m.to === account.email && m.subject === "Your week on Ladder")).toHaveLength(1);
});
