// Shared pieces of the browser tests: fresh accounts made through the public API (and removed
// afterwards through it), signing in through the form or the API, progress to make pages
// realistic, and the keyboard-focus checks.
import crypto from "node:crypto";
import path from "node:path";
import { type APIRequestContext, test as base, type Cookie, expect, type Locator, type Page } from "@playwright/test";

export { expect };

export const uniqueEmail = (label = "e2e") => `${label}-${crypto.randomUUID()}@example.com`;
export const strongPassword = () => `Granite kettle ${crypto.randomBytes(3).toString("hex")} mosaic`;

export const SCREENSHOTS = path.join(__dirname, "..", "..", "test-results", "screenshots");

export type Account = { id: string; email: string; password: string; name: string | null };

/** Registers a new account through POST /api/auth/register; does not sign in. */
export async function registerAccount(request: APIRequestContext, overrides: Partial<Omit<Account, "id">> = {}): Promise<Account> {
  const email = overrides.email ?? uniqueEmail();
  const password = overrides.password ?? strongPassword();
  const name = overrides.name === undefined ? "Ada Lovelace" : overrides.name;
  const response = await request.post("/api/auth/register", { data: { email, password, ...(name ? { name } : {}) } });
  expect(response.status(), await response.text()).toBe(201);
  const { user } = (await response.json()) as { user: { id: string } };
  return { id: user.id, email, password, name };
}

/**
 * Signs in the way the sign-in form does (csrf token, then the credentials callback). With a
 * page's `page.request` the session cookie lands in that page's browser context.
 */
export async function signInWithApi(request: APIRequestContext, account: Pick<Account, "email" | "password">): Promise<boolean> {
  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { email: account.email, password: account.password, csrfToken, json: "true", callbackUrl: "/dashboard" },
  });
  return response.ok();
}

export async function signInThroughForm(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

type ProgressUpdate = {
  status: "todo" | "in_progress" | "done" | "skipped";
  completedOn?: string | null;
  expiresOn?: string | null;
  note?: string | null;
  evidenceUrl?: string | null;
};

export async function setProgress(request: APIRequestContext, itemId: string, update: ProgressUpdate): Promise<void> {
  const response = await request.put(`/api/progress/${encodeURIComponent(itemId)}`, { data: update });
  expect(response.status(), `${itemId}: ${await response.text()}`).toBe(200);
}

/**
 * Once a person has started, the dashboard's checklist opens on "Needed for next rung": this
 * shows every item. The filter's radios are drawn by their labels, so the label is clicked.
 */
export async function showAllItems(page: Page): Promise<void> {
  const filters = page.getByRole("group", { name: "Show in the checklist" });
  await filters.getByText("All", { exact: true }).click();
  await expect(filters.getByRole("radio", { name: "All", exact: true })).toBeChecked();
}

/** Today in UTC moved by `days`, as the server's "today" sees it. */
export function isoDay(days = 0): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** "7 Mar 2026", as the app writes dates. */
export function displayDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  const month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][(m ?? 1) - 1];
  return `${d} ${month} ${y}`;
}

/**
 * A person part way up the ladder: Machine Learning Engineer, working toward Senior, with a
 * certification to renew soon, one of their own, a track and a note, so every signed-in page
 * shows realistic content.
 */
export async function seedRealisticProgress(request: APIRequestContext): Promise<void> {
  await setProgress(request, "bachelors-computer-science", { status: "done", completedOn: "2019-06-28" });
  await setProgress(request, "gain-practical-experience", {
    status: "done",
    completedOn: "2021-09-01",
    note: "Two years on the recommendations team: feature pipelines and model serving.",
  });
  await setProgress(request, "aws-certified-machine-learning", {
    status: "done",
    completedOn: isoDay(-1000),
    expiresOn: isoDay(40),
    evidenceUrl: "https://www.credly.com/badges/example",
  });
  for (const skill of ["programming-languages", "machine-learning-algorithms", "data-modeling-and-evaluation", "software-engineering-skills"]) {
    await setProgress(request, skill, { status: "done" });
  }
  await setProgress(request, "build-a-network", { status: "in_progress" });
  await setProgress(request, "masters-machine-learning", { status: "in_progress" });
  await setProgress(request, "seek-mentoring", { status: "skipped" });
  const added = await request.post("/api/certifications", { data: { title: "Databricks Certified Machine Learning Professional", issuer: "Databricks" } });
  expect(added.status()).toBe(201);
  const { certification } = (await added.json()) as { certification: { id: string } };
  await setProgress(request, certification.id, { status: "in_progress" });
  const track = await request.put("/api/track", { data: { trackId: "product-mle" } });
  expect(track.status()).toBe(200);
}

type Credentials = Pick<Account, "email" | "password">;

type Fixtures = {
  /** Accounts to delete after the test (internal: see makeAccount and removeAfterTest). */
  accountsToRemove: Credentials[];
  /** Makes another fresh account through the API; every one is deleted after the test. */
  makeAccount: (overrides?: Partial<Omit<Account, "id">>) => Promise<Account>;
  /** Deletes an account a test made itself (e.g. through the sign-up form) after the test. */
  removeAfterTest: (credentials: Credentials) => void;
  /** A fresh account, registered but not signed in. */
  account: Account;
  /** A fresh account, signed in in `page`'s browser context. */
  user: Account;
};

type WorkerFixtures = {
  /**
   * One account per worker with realistic progress (seedRealisticProgress) and its session
   * cookie, for the read-only checks of every page (accessibility, layout); deleted when the
   * worker ends. Tests that change data make their own account.
   */
  progressAccount: { account: Account; cookies: Cookie[] };
};

export const test = base.extend<Fixtures, WorkerFixtures>({
  progressAccount: [
    async ({ playwright }, use, workerInfo) => {
      const api = await playwright.request.newContext({ baseURL: workerInfo.project.use.baseURL });
      const account = await registerAccount(api);
      expect(await signInWithApi(api, account)).toBe(true);
      await seedRealisticProgress(api);
      const { cookies } = await api.storageState();
      await use({ account, cookies });
      expect((await api.delete("/api/account", { data: { password: account.password } })).status()).toBe(204);
      await api.dispose();
    },
    { scope: "worker" },
  ],
  accountsToRemove: async ({ playwright, baseURL }, use) => {
    const accounts: Credentials[] = [];
    await use(accounts);
    // A test may have deleted an account or changed its password already: then there is
    // nothing left to remove, or nothing this fixture can sign in to.
    for (const account of accounts) {
      const api = await playwright.request.newContext({ baseURL });
      if (await signInWithApi(api, account)) {
        const removed = await api.delete("/api/account", { data: { password: account.password } });
        expect(removed.status(), `removing ${account.email}`).toBe(204);
      }
      await api.dispose();
    }
  },
  makeAccount: async ({ playwright, baseURL, accountsToRemove }, use) => {
    const api = await playwright.request.newContext({ baseURL });
    await use(async (overrides) => {
      const account = await registerAccount(api, overrides);
      accountsToRemove.push(account);
      return account;
    });
    await api.dispose();
  },
  removeAfterTest: async ({ accountsToRemove }, use) => {
    await use((credentials) => {
      accountsToRemove.push(credentials);
    });
  },
  account: async ({ makeAccount }, use) => {
    await use(await makeAccount());
  },
  user: async ({ account, page }, use) => {
    expect(await signInWithApi(page.request, account)).toBe(true);
    await use(account);
  },
});

// Keyboard focus.

type FocusState = { description: string; hasVisibleIndicator: boolean };

/**
 * What has focus and whether a person can see it: the focused element (or, for a visually
 * hidden radio, the label box drawn for it) has a non-transparent outline or a box-shadow
 * ring, and lies on screen.
 */
export function focusState(page: Page): Promise<FocusState> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    if (!active || active === document.body) return { description: "nothing (document body)", hasVisibleIndicator: false };
    const label = (el: Element) =>
      `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.getAttribute("type") ? ` type=${el.getAttribute("type")}` : ""}> "${(el.textContent ?? "").trim().slice(0, 40)}"`;
    const isTransparent = (color: string) => color === "transparent" || /rgba\(.*,\s*0\)$/.test(color);
    const hasRing = (el: Element) => {
      const style = getComputedStyle(el);
      const outline = style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) > 0 && !isTransparent(style.outlineColor);
      const shadow = style.boxShadow !== "none" && style.boxShadow !== "";
      return outline || shadow;
    };
    const isShown = (el: Element) => {
      const rect = el.getBoundingClientRect();
      return rect.width > 1 && rect.height > 1 && rect.bottom > 0 && rect.right > 0 && rect.top < window.innerHeight && rect.left < window.innerWidth;
    };
    // Chromium's date input has one more Tab stop inside the browser's own shadow tree, the
    // calendar button: the input then no longer matches :focus and Chromium draws its own ring
    // around that button, which page styles cannot reach (checked by eye in a screenshot).
    if (active instanceof HTMLInputElement && active.type === "date" && !active.matches(":focus")) {
      return { description: `${label(active)} (calendar button)`, hasVisibleIndicator: true };
    }
    const own = active.getBoundingClientRect();
    // A visually hidden input shows its focus on the label that holds it (the status and filter
    // radios) or on the box next to it.
    const parent = active.parentElement;
    const holder = parent instanceof HTMLLabelElement ? [parent] : [];
    const candidates = own.width <= 1 || own.height <= 1 ? [...holder, ...(parent?.children ?? [])].filter((el) => el !== active) : [active];
    const indicator = candidates.find((el) => isShown(el) && hasRing(el));
    return { description: label(active), hasVisibleIndicator: Boolean(indicator) };
  });
}

export async function expectVisibleFocus(page: Page, step: string): Promise<void> {
  const state = await focusState(page);
  expect(state.hasVisibleIndicator, `${step}: ${state.description} has no visible focus indicator`).toBe(true);
}

/** Presses `key`, then checks that `target` has focus and that the focus can be seen. */
export async function pressAndExpectFocus(page: Page, key: string, target: Locator, step: string): Promise<void> {
  await page.keyboard.press(key);
  await expect(target, step).toBeFocused();
  await expectVisibleFocus(page, step);
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, checking after every press that the
 * focus is visible. Fails when `target` is not reached within `max` presses.
 */
export async function tabTo(page: Page, target: Locator, step: string, { backwards = false, max = 60 } = {}): Promise<number> {
  for (let presses = 1; presses <= max; presses += 1) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    await expectVisibleFocus(page, `${step}, press ${presses}`);
    if (await target.evaluate((el) => el === document.activeElement)) return presses;
  }
  throw new Error(`${step}: not reached with ${max} presses of ${backwards ? "Shift+Tab" : "Tab"}`);
}
