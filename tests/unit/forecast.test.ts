import { describe, expect, it } from "vitest";
import { CATALOG, SKILLS } from "../../lib/catalog";
import { type ForecastInput, type ForecastRow, forecastPlan, MIN_HISTORY_DAYS, PACE_WINDOW_DAYS } from "../../lib/ladder";
import { itemsToReach } from "../../lib/ladder/forecast";

// Every case runs on a fixed "today": the forecast reads no clock.
const TODAY = "2026-06-15";
const AWS = "aws-certified-machine-learning";
const [SKILL_A, SKILL_B, ...OTHER_SKILLS] = SKILLS.map((s) => s.id) as [string, string, ...string[]];

const doneOn = (itemId: string, completedOn: string, expiresOn: string | null = null): ForecastRow => ({
  itemId,
  status: "done",
  completedOn,
  expiresOn,
});

// Junior reached inside the window: two requirements met in the last 8 weeks.
const JUNIOR_IN_WINDOW = [doneOn("earn-bachelors-degree", "2026-05-01"), doneOn("gain-practical-experience", "2026-06-01")];

const forecast = (items: ForecastRow[], extra: Partial<ForecastInput> = {}) =>
  forecastPlan({ catalog: CATALOG, items, historySince: "2026-01-01", targetRungId: null, targetDate: null, today: TODAY, ...extra });

describe("forecastPlan: history threshold", () => {
  it("says 'not enough history' instead of guessing when there is no history at all", () => {
    const result = forecast([], { historySince: null });
    expect(result).toMatchObject({ basis: "not_enough_history", perWeek: null, nextRungOn: null, targetRungOn: null, onTrack: null });
  });

  it(`needs ${MIN_HISTORY_DAYS} days of history: 13 days are not enough, 14 are`, () => {
    const thirteen = forecast(JUNIOR_IN_WINDOW.map((r) => ({ ...r, completedOn: "2026-06-10" })), { historySince: "2026-06-02" });
    expect(thirteen.basis).toBe("not_enough_history");
    expect(thirteen.nextRungOn).toBeNull();
    const fourteen = forecast(JUNIOR_IN_WINDOW.map((r) => ({ ...r, completedOn: "2026-06-10" })), { historySince: "2026-06-01" });
    expect(fourteen.basis).toBe("pace");
    expect(fourteen.windowDays).toBe(14);
    // 2 requirements in 2 weeks.
    expect(fourteen.perWeek).toBe(1);
  });
});

describe("forecastPlan: pace and projection", () => {
  it("measures requirements met per week over the last 8 weeks and projects the next rung", () => {
    const result = forecast(JUNIOR_IN_WINDOW);
    expect(result.windowDays).toBe(PACE_WINDOW_DAYS);
    expect(result.metInWindow).toBe(2);
    expect(result.perWeek).toBe(0.25);
    expect(result.nextRungId).toBe("mle");
    // MLE still needs a certification and the skills: 2 requirements at 0.25 a week = 8 weeks.
    expect(result.nextRungOn).toBe("2026-08-10");
  });

  it("counts requirements, not items: four skills make one requirement", () => {
    const skills = SKILLS.map((s, i) => doneOn(s.id, `2026-05-0${i + 1}`));
    const result = forecast([...JUNIOR_IN_WINDOW.map((r) => ({ ...r, completedOn: "2025-01-01" })), ...skills]);
    expect(result.metInWindow).toBe(1);
    expect(result.perWeek).toBe(0.13);
  });

  it("does not count work done before the window", () => {
    const result = forecast(JUNIOR_IN_WINDOW.map((r) => ({ ...r, completedOn: "2026-03-01" })));
    expect(result).toMatchObject({ basis: "no_recent_progress", perWeek: 0, nextRungOn: null });
  });

  it("uses the day a row was saved when it has no completion date", () => {
    const rows: ForecastRow[] = [
      { itemId: "earn-bachelors-degree", status: "done", updatedAt: "2026-05-01T10:00:00.000Z" },
      { itemId: "gain-practical-experience", status: "done", updatedAt: "2025-05-01T10:00:00.000Z" },
    ];
    expect(forecast(rows).metInWindow).toBe(1);
  });

  it("never lets skipped items speed up a forecast", () => {
    const skipped: ForecastRow[] = ["seek-advanced-degree", "specialize-in-a-domain", "build-a-network", "pursue-advanced-certifications"].map(
      (itemId) => ({ itemId, status: "skipped", completedOn: "2026-06-01", updatedAt: "2026-06-01T00:00:00.000Z" }),
    );
    const plain = forecast(JUNIOR_IN_WINDOW, { targetRungId: "senior-mle" });
    const withSkipped = forecast([...JUNIOR_IN_WINDOW, ...skipped], { targetRungId: "senior-mle" });
    expect(withSkipped).toEqual(plain);
  });

  it("counts an expiring certification as lost from its expiry date inside the horizon", () => {
    const mle: ForecastRow[] = [
      doneOn("earn-bachelors-degree", "2020-01-01"),
      doneOn("gain-practical-experience", "2021-01-01"),
      ...OTHER_SKILLS.map((id) => doneOn(id, "2022-01-01")),
      doneOn(SKILL_A, "2026-05-01"),
      doneOn(SKILL_B, "2026-06-01"),
    ];
    const lasting = forecast([...mle, doneOn(AWS, "2025-08-01", null)]);
    const expiring = forecast([...mle, doneOn(AWS, "2025-08-01", "2026-07-31")]);
    // One requirement (the skills) in 8 weeks; Senior still needs 2.
    expect(lasting.perWeek).toBe(0.13);
    expect(lasting.nextRungId).toBe("senior-mle");
    expect(lasting.nextRungOn).toBe("2026-10-05");
    // From 1 Aug the certification no longer counts: 3 requirements, 24 weeks from today.
    expect(expiring.nextRungOn).toBe("2026-11-30");
  });
});

describe("forecastPlan: against the plan", () => {
  it("is behind by whole weeks when the projection passes the target date", () => {
    // Senior needs 4 more requirements at 0.25 a week: 16 weeks, 5 Oct 2026.
    const result = forecast(JUNIOR_IN_WINDOW, { targetRungId: "senior-mle", targetDate: "2026-09-01" });
    expect(result.targetRungOn).toBe("2026-10-05");
    expect(result.onTrack).toBe(false);
    expect(result.weeksBehind).toBe(5);
  });

  it("is on track when the projection is on or before the target date", () => {
    const result = forecast(JUNIOR_IN_WINDOW, { targetRungId: "senior-mle", targetDate: "2026-10-05" });
    expect(result).toMatchObject({ onTrack: true, weeksBehind: 0 });
  });

  it("aims a date without a rung at the next rung", () => {
    const result = forecast(JUNIOR_IN_WINDOW, { targetDate: "2026-08-01" });
    expect(result.targetRungId).toBe("mle");
    expect(result.targetRungOn).toBe("2026-08-10");
    expect(result).toMatchObject({ onTrack: false, weeksBehind: 2 });
  });

  it("has no verdict without a target date, and none without a pace", () => {
    expect(forecast(JUNIOR_IN_WINDOW, { targetRungId: "senior-mle" }).onTrack).toBeNull();
    expect(forecast(JUNIOR_IN_WINDOW, { targetRungId: "senior-mle", targetDate: "2026-12-01", historySince: "2026-06-10" }).onTrack).toBeNull();
  });

  it("reports a target rung already reached as on track", () => {
    const result = forecast(JUNIOR_IN_WINDOW, { targetRungId: "junior-mle", targetDate: "2026-07-01" });
    expect(result).toMatchObject({ targetReached: true, onTrack: true, targetRungOn: null });
  });

  it("moves with the clock it is given, and only with it", () => {
    const input = { targetRungId: "senior-mle", targetDate: "2026-12-01" };
    expect(forecast(JUNIOR_IN_WINDOW, input)).toEqual(forecast(JUNIOR_IN_WINDOW, input));
    // Two weeks later the degree (1 May) has left the 8-week window: half the pace, 32 weeks.
    const later = forecast(JUNIOR_IN_WINDOW, { ...input, today: "2026-06-29" });
    expect(later.perWeek).toBe(0.13);
    expect(later.targetRungOn).toBe("2027-02-08");
  });
});

describe("itemsToReach", () => {
  it("counts one item per open requirement and one per open part of 'all of'", () => {
    // Junior is reached; MLE needs a certification (1) and all 4 skills (4).
    expect(itemsToReach(CATALOG, JUNIOR_IN_WINDOW, TODAY, "mle")).toBe(5);
    expect(itemsToReach(CATALOG, [...JUNIOR_IN_WINDOW, doneOn(SKILL_A, "2026-06-01")], TODAY, "mle")).toBe(4);
    expect(itemsToReach(CATALOG, JUNIOR_IN_WINDOW, TODAY, "junior-mle")).toBe(0);
    expect(itemsToReach(CATALOG, [], TODAY, "nowhere")).toBeNull();
  });
});
