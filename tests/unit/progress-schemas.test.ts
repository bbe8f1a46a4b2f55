import { describe, expect, it } from "vitest";
import { createCertificationSchema } from "@/lib/certifications/schemas";
import { addDays, todayUtc } from "@/lib/clock";
import { exportFileSchema } from "@/lib/data-transfer/schemas";
import { isoDateSchema, progressUpdateSchema, setTrackSchema } from "@/lib/progress/schemas";

const ok = (input: unknown) => progressUpdateSchema.safeParse(input).success;

describe("progressUpdateSchema", () => {
  it("accepts each of the four statuses and nothing else", () => {
    for (const status of ["todo", "in_progress", "done", "skipped"]) expect(ok({ status })).toBe(true);
    for (const status of ["DONE", "complete", "", null, 1]) expect(ok({ status })).toBe(false);
    expect(ok({})).toBe(false);
  });

  it("accepts only real calendar dates", () => {
    expect(ok({ status: "done", completedOn: "2024-02-29" })).toBe(true);
    for (const date of ["2026-02-30", "2023-02-29", "2026-13-01", "2026-04-31", "2026-1-05", "05/01/2026", "2026-01-01T00:00:00Z", "1899-12-31"]) {
      expect(isoDateSchema.safeParse(date).success, date).toBe(false);
      expect(ok({ status: "done", completedOn: date }), date).toBe(false);
    }
  });

  it("refuses a completion date after tomorrow (UTC), allows tomorrow for time zones ahead of UTC", () => {
    const today = todayUtc();
    expect(ok({ status: "done", completedOn: addDays(today, 1) })).toBe(true);
    expect(ok({ status: "done", completedOn: addDays(today, 2) })).toBe(false);
    // Expiry dates lie in the future by nature.
    expect(ok({ status: "done", expiresOn: addDays(today, 700) })).toBe(true);
  });

  it("refuses an expiry before the completion date", () => {
    expect(ok({ status: "done", completedOn: "2025-05-01", expiresOn: "2025-04-30" })).toBe(false);
    expect(ok({ status: "done", completedOn: "2025-05-01", expiresOn: "2025-05-01" })).toBe(true);
  });

  it("limits notes to 2,000 characters and stores a blank note as none", () => {
    expect(ok({ status: "done", note: "x".repeat(2000) })).toBe(true);
    expect(ok({ status: "done", note: "x".repeat(2001) })).toBe(false);
    // Counted as a person counts: 2,000 emoji are 2,000 characters.
    expect(ok({ status: "done", note: "🎓".repeat(2000) })).toBe(true);
    expect(progressUpdateSchema.parse({ status: "done", note: "   " }).note).toBeNull();
  });

  it("accepts only http and https evidence links", () => {
    expect(ok({ status: "done", evidenceUrl: "https://www.credly.com/badges/abc" })).toBe(true);
    expect(ok({ status: "done", evidenceUrl: "http://example.com" })).toBe(true);
    for (const url of ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,hi", "ftp://example.com/x", "example.com", "https://", `https://example.com/${"a".repeat(2048)}`]) {
      expect(ok({ status: "done", evidenceUrl: url }), url.slice(0, 40)).toBe(false);
    }
  });

  it("refuses unknown fields", () => {
    expect(ok({ status: "done", userId: "someone-else" })).toBe(false);
    expect(ok({ status: "done", itemId: "seek-mentoring" })).toBe(false);
  });

  it("lets null clear a field and leaves omitted fields out", () => {
    expect(progressUpdateSchema.parse({ status: "todo", note: null, completedOn: null })).toEqual({ status: "todo", note: null, completedOn: null });
  });
});

describe("other input schemas", () => {
  it("certifications need a title and an issuer, and nothing more", () => {
    expect(createCertificationSchema.safeParse({ title: "Databricks ML", issuer: "Databricks" }).success).toBe(true);
    expect(createCertificationSchema.safeParse({ title: " ", issuer: "Databricks" }).success).toBe(false);
    expect(createCertificationSchema.safeParse({ title: "A", issuer: "B", id: "custom-x" }).success).toBe(false);
    expect(createCertificationSchema.safeParse({ title: "A".repeat(201), issuer: "B" }).success).toBe(false);
  });

  it("tracks are one of the five, or null", () => {
    expect(setTrackSchema.safeParse({ trackId: "startup-mle" }).success).toBe(true);
    expect(setTrackSchema.safeParse({ trackId: null }).success).toBe(true);
    expect(setTrackSchema.safeParse({ trackId: "astronaut" }).success).toBe(false);
    expect(setTrackSchema.safeParse({}).success).toBe(false);
  });

  it("an export file must name its format and version", () => {
    const empty = {
      format: "ladder-export",
      version: 1,
      exportedAt: "2026-06-15T10:00:00.000Z",
      user: { name: null, trackId: null },
      progress: [],
      customCertifications: [],
      history: [],
    };
    expect(exportFileSchema.safeParse(empty).success).toBe(true);
    expect(exportFileSchema.safeParse({ ...empty, version: 2 }).success).toBe(false);
    expect(exportFileSchema.safeParse({ ...empty, format: "other" }).success).toBe(false);
    expect(exportFileSchema.safeParse({ ...empty, secret: 1 }).success).toBe(false);
  });
});
