import { describe, expect, it } from "vitest";
import { passwordResetMail, targetReminderMail, weeklyDigestMail } from "@/lib/mail/templates";
import { dayInTimeZone, dueDigest, dueRenewal, dueTarget, isTimeZone, weekStart } from "@/lib/reminders/schedule";

describe("renewal reminders", () => {
  it("are due 90, 30 and 7 days before expiry, keyed by the mark's date", () => {
    expect(dueRenewal("aws", "2027-04-01", "2027-01-01")).toEqual({ kind: "renewal", subject: "aws", dueOn: "2027-01-01", daysLeft: 90 });
    expect(dueRenewal("aws", "2027-04-01", "2027-01-02")?.dueOn).toBe("2027-01-01");
    expect(dueRenewal("aws", "2027-04-01", "2027-03-02")?.dueOn).toBe("2027-03-02");
    expect(dueRenewal("aws", "2027-04-01", "2027-03-25")?.dueOn).toBe("2027-03-25");
    expect(dueRenewal("aws", "2027-04-01", "2027-04-01")).toMatchObject({ dueOn: "2027-03-25", daysLeft: 0 });
  });

  it("are not due more than 90 days ahead nor after expiry", () => {
    expect(dueRenewal("aws", "2027-04-01", "2026-12-31")).toBeNull();
    expect(dueRenewal("aws", "2027-04-01", "2027-04-02")).toBeNull();
  });

  it("a pass that missed the marks sends only the latest one", () => {
    // 5 days left: the 7-day mark, not 90 and 30 as well.
    expect(dueRenewal("aws", "2027-04-01", "2027-03-27")?.dueOn).toBe("2027-03-25");
  });
});

describe("weekly digest", () => {
  it("is due once per ISO week, keyed by its Monday", () => {
    expect(weekStart("2026-12-07")).toBe("2026-12-07");
    expect(weekStart("2026-12-13")).toBe("2026-12-07");
    expect(weekStart("2026-12-02")).toBe("2026-11-30");
    expect(dueDigest("2026-12-10")).toEqual({ kind: "digest", subject: "week", dueOn: "2026-12-07" });
  });
});

describe("time zones", () => {
  it("count the person's day in their own zone", () => {
    const now = new Date("2026-12-02T23:30:00Z");
    expect(dayInTimeZone(now, "UTC")).toBe("2026-12-02");
    expect(dayInTimeZone(now, "Asia/Tokyo")).toBe("2026-12-03");
    expect(dayInTimeZone(now, "America/Los_Angeles")).toBe("2026-12-02");
  });

  it("accept IANA names only", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });
});

describe("mail templates", () => {
  it("escape names in HTML and keep links whole in the text", () => {
    const mail = passwordResetMail({ name: "<b>Eve</b>", link: "http://localhost:3000/reset-password?token=abc&x=1", validMinutes: 30 });
    expect(mail.html).toContain("Hi &lt;b&gt;Eve&lt;/b&gt;,");
    expect(mail.html).not.toContain("<b>Eve</b>");
    expect(mail.text).toContain("http://localhost:3000/reset-password?token=abc&x=1\n");
    expect(mail.html).toContain('href="http://localhost:3000/reset-password?token=abc&amp;x=1"');
  });

  it("the digest says when there is not enough history for a pace", () => {
    const mail = weeklyDigestMail({
      name: null,
      weekOf: "2026-12-07",
      changed: [],
      position: "You are not on the ladder yet.",
      next: [],
      pace: null,
      dashboardLink: "http://localhost:3000/dashboard",
      settingsLink: "http://localhost:3000/settings",
      unsubscribeLink: "http://localhost:3000/unsubscribe?token=t",
    });
    expect(mail.text).toContain("Hi,\n");
    expect(mail.text).toContain("Pace: not enough history yet.");
    expect(mail.text).toContain("Unsubscribe from the weekly digest:\nhttp://localhost:3000/unsubscribe?token=t");
  });
});

describe("target-date reminders", () => {
  it("are due from 7 days before the target date, keyed by that day", () => {
    expect(dueTarget("aws", "2027-03-15", "2027-03-07")).toBeNull();
    expect(dueTarget("aws", "2027-03-15", "2027-03-08")).toEqual({ kind: "target", subject: "aws:before", dueOn: "2027-03-08", daysLeft: 7 });
    // A pass that missed the day catches up with the same reminder (same key), up to the day itself.
    expect(dueTarget("aws", "2027-03-15", "2027-03-12")).toEqual({ kind: "target", subject: "aws:before", dueOn: "2027-03-08", daysLeft: 3 });
    expect(dueTarget("aws", "2027-03-15", "2027-03-15")).toEqual({ kind: "target", subject: "aws:before", dueOn: "2027-03-08", daysLeft: 0 });
  });

  it("are due once when overdue: the same key on every later day", () => {
    const late = { kind: "target", subject: "plan:overdue", dueOn: "2027-03-16" };
    expect(dueTarget("plan", "2027-03-15", "2027-03-16")).toEqual({ ...late, daysLeft: -1 });
    expect(dueTarget("plan", "2027-03-15", "2027-05-01")).toEqual({ ...late, daysLeft: -47 });
  });

  it("give a moved target date new keys, never one an earlier date already used", () => {
    const first = dueTarget("aws", "2027-03-15", "2027-03-16");
    // Moved 8 days later: its 7-day mark falls on the old date's overdue day, yet is another reminder.
    const moved = dueTarget("aws", "2027-03-23", "2027-03-16");
    expect(moved?.dueOn).toBe(first?.dueOn);
    expect(moved?.subject).not.toBe(first?.subject);
    expect(dueTarget("aws", "2027-03-14", "2027-03-08")?.dueOn).toBe("2027-03-07");
  });

  it("work from the person's own day around midnight and across the year's end", () => {
    const now = new Date("2027-03-07T23:30:00Z");
    // Still 7 March in UTC and in New York, already 8 March in Auckland: only there the 7-day mark is reached.
    expect(dueTarget("aws", "2027-03-15", dayInTimeZone(now, "UTC"))).toBeNull();
    expect(dueTarget("aws", "2027-03-15", dayInTimeZone(now, "America/New_York"))).toBeNull();
    expect(dueTarget("aws", "2027-03-15", dayInTimeZone(now, "Pacific/Auckland"))?.daysLeft).toBe(7);
    // Just after midnight UTC on the day after the target: overdue in London, not yet in Los Angeles.
    const after = new Date("2027-03-16T00:10:00Z");
    expect(dueTarget("aws", "2027-03-15", dayInTimeZone(after, "Europe/London"))?.subject).toBe("aws:overdue");
    expect(dueTarget("aws", "2027-03-15", dayInTimeZone(after, "America/Los_Angeles"))?.subject).toBe("aws:before");
    expect(dueTarget("aws", "2027-01-03", "2026-12-27")).toEqual({ kind: "target", subject: "aws:before", dueOn: "2026-12-27", daysLeft: 7 });
  });
});

describe("target reminder mail", () => {
  const links = { dashboardLink: "https://ladder.test/dashboard", settingsLink: "https://ladder.test/settings", unsubscribeLink: "https://ladder.test/unsubscribe?token=t" };
  it("names the item or the goal rung and the date, and links to the dashboard", () => {
    const soon = targetReminderMail({ name: "Ada", title: "AWS Certified Machine Learning", goal: false, targetOn: "2027-03-15", daysLeft: 7, ...links });
    expect(soon.subject).toBe("AWS Certified Machine Learning: target date in 7 days");
    expect(soon.text).toContain("2027-03-15");
    expect(soon.text).toContain("https://ladder.test/dashboard");
    expect(soon.text).toContain("Unsubscribe from target date reminders");
    const goal = targetReminderMail({ name: "Ada", title: "Senior Engineer", goal: true, targetOn: "2027-06-30", daysLeft: -1, ...links });
    expect(goal.subject).toBe("Your goal: Senior Engineer: the target date 2027-06-30 has passed");
    expect(goal.text).toContain("You planned to reach Senior Engineer by 2027-06-30.");
  });
});
