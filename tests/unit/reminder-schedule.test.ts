import { describe, expect, it } from "vitest";
import { passwordResetMail, weeklyDigestMail } from "@/lib/mail/templates";
import { dayInTimeZone, dueDigest, dueRenewal, isTimeZone, weekStart } from "@/lib/reminders/schedule";

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
