import { describe, expect, it } from "vitest";
import { itemNotices } from "@/components/dashboard/notices";
import { CATALOG } from "@/lib/catalog";
import { formatDate, formatSalaryBand } from "@/lib/format";
import { evaluateLadder } from "@/lib/ladder";
import type { ProgressItem } from "@/lib/progress/types";

const TODAY = "2026-06-15";
const row = (itemId: string, fields: Partial<ProgressItem> = {}): ProgressItem => ({
  itemId,
  status: "done",
  completedOn: null,
  expiresOn: null,
  note: null,
  evidenceUrl: null,
  targetOn: null,
  updatedAt: null,
  ...fields,
});
const noticesFor = (items: ProgressItem[]) => itemNotices(CATALOG, items, evaluateLadder(CATALOG, items, TODAY), TODAY);

describe("display formats", () => {
  it("writes salary bands as the public pages do, the article's figures with an en dash", () => {
    expect(formatSalaryBand(84563, 109500)).toBe("$84,563 \u2013 $109,500");
    expect(formatSalaryBand(187500, 237500)).toBe("$187,500 \u2013 $237,500");
  });

  it("writes dates without depending on the locale", () => {
    expect(formatDate("2026-06-01")).toBe("1 Jun 2026");
    expect(formatDate("2025-12-31")).toBe("31 Dec 2025");
  });
});

describe("item notices on the dashboard", () => {
  it("shows an expired certification as expired, and one expiring within 90 days as due for renewal", () => {
    const notices = noticesFor([
      row("aws-certified-machine-learning", { expiresOn: "2026-06-14" }),
      row("google-professional-machine-learning-engineer", { expiresOn: "2026-09-13" }),
    ]);
    expect(notices.get("aws-certified-machine-learning")).toEqual([
      { tone: "warning", text: "Expired on 14 Jun 2026: it no longer counts toward your rung." },
    ]);
    expect(notices.get("google-professional-machine-learning-engineer")).toEqual([
      { tone: "warning", text: "Renew by 13 Sep 2026 (90 days left)." },
    ]);
  });

  it("says when a step counts through an education path or a valid certification", () => {
    const before = noticesFor([]);
    expect(before.get("earn-bachelors-degree")?.[0]?.text).toBe("Also counts as done when you finish a bachelor's education path below.");
    expect(before.get("pursue-advanced-certifications")?.[0]?.text).toBe("Counts only through a certification below that is done and has not expired.");

    // Once met, the item itself shows what met it (itemStandings), so no hint remains.
    const after = noticesFor([row("bachelors-mathematics"), row("aws-certified-machine-learning")]);
    expect(after.get("earn-bachelors-degree")).toBeUndefined();
    expect(after.get("pursue-advanced-certifications")).toBeUndefined();
  });
});
