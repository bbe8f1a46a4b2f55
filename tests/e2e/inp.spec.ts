// Interaction to Next Paint of a status change (issue 15, item 4): measured in Chromium with
// the Event Timing API at 4× CPU slowdown, on a dashboard with a realistic checklist.
// The machines running this are shared and often busy, and every figure moves with their
// load; so the test interleaves each status change with a reference interaction that runs
// no code of Ladder's (opening and closing "Keyboard help", a native disclosure), takes the
// median of each, and asserts on the difference: what a status change costs beyond any
// interaction on the same page at the same moment; and on the median status change itself,
// at most 100 ms. Figures and bounds: docs/decisions/017.
import type { Page } from "@playwright/test";
import { expect, seedRealisticProgress, showAllItems, signInWithApi, test } from "./fixtures";

const CPU_SLOWDOWN = 4;
/** What a status change may cost beyond the reference interaction (median of ten). */
const OVER_REFERENCE_MS = 48;
/** The budget for a status change at 4× slowdown, asserted on the median of ten. */
const BUDGET_MS = 100;
// Event Timing reports only events at least this long (its minimum); shorter ones count as this.
const THRESHOLD_MS = 16;

// Two rounds over five items: every click sets a status the item does not have yet, and the
// skills move the person's rung, so the ladder card and counts change too.
const ITEMS = ["build-a-network", "masters-machine-learning", "seek-mentoring", "programming-languages", "machine-learning-algorithms"];
const ROUNDS = [
  { label: "To do", value: "todo" },
  { label: "Done", value: "done" },
] as const;

type Kind = "status" | "reference";

declare global {
  interface Window {
    __interactions: Record<number, { kind: Kind; duration: number }>;
  }
}

/** A plain mouse click: locator.click() would run Playwright's hit-target checks inside the page during the very events being timed. */
async function clickAt(page: Page, selector: string, hasText: RegExp) {
  const target = page.locator(selector, { hasText });
  await target.scrollIntoViewIfNeeded();
  await page.waitForTimeout(200);
  const box = await target.boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

test("a status change takes at most 100 ms to paint at 4× CPU slowdown, and at most 48 ms beyond a bare interaction (medians of ten)", async ({ page, account }) => {
  test.setTimeout(180_000);
  expect(await signInWithApi(page.request, account)).toBe(true);
  await seedRealisticProgress(page.request);

  // The longest event of each interaction (pointerdown, pointerup and click share its id).
  await page.addInitScript((threshold) => {
    window.__interactions = {};
    new PerformanceObserver((list) => {
      // interactionId is not in TypeScript's DOM types yet.
      for (const entry of list.getEntries() as (PerformanceEntry & { interactionId?: number; target?: Element | null })[]) {
        if (!entry.interactionId) continue;
        const kind = entry.target?.closest?.("li[id^='item-']") ? "status" : "reference";
        const before = window.__interactions[entry.interactionId]?.duration ?? 0;
        window.__interactions[entry.interactionId] = { kind, duration: Math.max(before, entry.duration) };
      }
    }).observe({ type: "event", durationThreshold: threshold, buffered: true } as PerformanceObserverInit);
  }, THRESHOLD_MS);
  await page.goto("/dashboard", { waitUntil: "networkidle" });
  // The whole list: an item set to To do would leave the default "Needed for next rung" view.
  await showAllItems(page);
  // That click is not one of the timed interactions: forget it once its entries are in.
  await page.waitForTimeout(500);
  await page.evaluate(() => {
    window.__interactions = {};
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });

  const made: Record<Kind, number> = { status: 0, reference: 0 };
  for (const { label, value } of ROUNDS) {
    for (const itemId of ITEMS) {
      await clickAt(page, "summary", /^Keyboard help$/);
      made.reference++;
      await page.waitForTimeout(300);

      const saved = page.waitForResponse((r) => r.url().includes(`/api/progress/${itemId}`) && r.request().method() === "PUT");
      await clickAt(page, `#item-${itemId} label`, new RegExp(`^${label}$`));
      made.status++;
      expect((await saved).status()).toBe(200);
      // Let the reconciling reads and the deferred render finish before the next interaction.
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(300);
      await expect(page.locator(`#item-${itemId} input[value="${value}"]`)).toBeChecked();
    }
  }
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });

  const reported = Object.values(await page.evaluate(() => window.__interactions));
  const durations = (kind: Kind) => {
    const seen = reported.filter((r) => r.kind === kind).map((r) => r.duration);
    expect(seen.length, `more ${kind} interactions reported than made`).toBeLessThanOrEqual(made[kind]);
    return [...seen, ...Array<number>(made[kind] - seen.length).fill(THRESHOLD_MS)].sort((a, b) => a - b);
  };
  const status = durations("status");
  const reference = durations("reference");
  const over = median(status) - median(reference);
  console.log(
    `INP at ${CPU_SLOWDOWN}× CPU slowdown, ${made.status} status changes: median ${median(status)} ms, worst ${status.at(-1)} ms (${status.join(", ")}); ` +
      `reference interaction: median ${median(reference)} ms (${reference.join(", ")}); difference of medians ${over} ms ` +
      `(under ${THRESHOLD_MS} ms counted as ${THRESHOLD_MS})`,
  );
  expect(over).toBeLessThanOrEqual(OVER_REFERENCE_MS);
  // Absolute: what a person on a slow phone waits. The median, not the worst of ten: a single
  // interaction can be held up by anything else on the machine (the reference's worst moves
  // the same way, docs/decisions/017).
  expect(median(status)).toBeLessThanOrEqual(BUDGET_MS);
});
