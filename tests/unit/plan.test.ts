import { describe, expect, it } from "vitest";
import { datedItems } from "@/lib/plan/dated-items";
import { planUpdateSchema } from "@/lib/plan/schemas";
import { earliestTargetDate, progressUpdateSchema } from "@/lib/progress/schemas";
import type { ProgressItem } from "@/lib/progress/types";

const TODAY = "2026-06-15";
const item = (itemId: string, status: ProgressItem["status"], targetOn: string | null): ProgressItem => ({
  itemId,
  status,
  completedOn: null,
  expiresOn: null,
  note: null,
  evidenceUrl: null,
  targetOn,
  updatedAt: null,
});

describe("datedItems", () => {
  it("splits open items into overdue (before today) and next up (today to 30 days), soonest first", () => {
    const result = datedItems(
      [
        item("late-b", "in_progress", "2026-06-10"),
        item("late-a", "todo", "2026-05-01"),
        item("today", "todo", TODAY),
        item("in-30", "todo", "2026-07-15"),
        item("in-31", "todo", "2026-07-16"),
        item("no-date", "todo", null),
      ],
      TODAY,
    );
    expect(result.overdue.map((i) => i.itemId)).toEqual(["late-a", "late-b"]);
    expect(result.upcoming).toEqual([
      { itemId: "today", targetOn: TODAY },
      { itemId: "in-30", targetOn: "2026-07-15" },
    ]);
  });

  it("never lists done or skipped items, whatever their date", () => {
    const result = datedItems([item("done", "done", "2026-06-01"), item("skipped", "skipped", "2026-06-20")], TODAY);
    expect(result).toEqual({ overdue: [], upcoming: [] });
  });
});

describe("plan input", () => {
  it("accepts a rung and a date, or nulls, and refuses unknown fields and malformed dates naming the field", () => {
    expect(planUpdateSchema.safeParse({ targetRungId: "mle", targetDate: "2027-01-31" }).success).toBe(true);
    expect(planUpdateSchema.safeParse({ targetRungId: null, targetDate: null }).success).toBe(true);
    const unknown = planUpdateSchema.safeParse({ targetRungId: "mle", by: "soon" });
    expect(unknown.error?.issues[0]).toMatchObject({ code: "unrecognized_keys", keys: ["by"] });
    expect(planUpdateSchema.safeParse({ targetDate: "2027-02-29" }).error?.issues[0]?.path).toEqual(["targetDate"]);
    expect(progressUpdateSchema.safeParse({ status: "todo", targetOn: "31/01/2027" }).error?.issues[0]?.path).toEqual(["targetOn"]);
  });

  it("takes yesterday in UTC as the earliest new target date", () => {
    expect(earliestTargetDate(new Date("2026-06-15T00:30:00Z"))).toBe("2026-06-14");
  });
});
