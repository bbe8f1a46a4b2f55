import { describe, expect, it } from "vitest";
import { CATALOG, withCustomCertifications } from "@/lib/catalog";
import { csvCell, toCsv } from "@/lib/data-transfer/csv";
import { checklistSections, summarizeProgress } from "@/lib/progress/checklist";

describe("CSV", () => {
  it("quotes commas, quotes and line breaks as RFC 4180 asks", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(null)).toBe("");
    expect(toCsv([["a", "b"], ["c", null]])).toBe("a,b\r\nc,\r\n");
  });

  it("keeps spreadsheet formulas from running", () => {
    for (const formula of ["=1+1", "+1", "-2+3", "@SUM(A1)", "\tcmd", "\r=1"]) {
      expect(csvCell(formula).replace(/^"/, "").startsWith("'")).toBe(true);
    }
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell("2026-01-05")).toBe("2026-01-05");
  });
});

describe("checklist", () => {
  it("has the 8 steps in order, the certifications (with the person's own), the education paths and the 4 skills", () => {
    const sections = checklistSections(withCustomCertifications(CATALOG, [{ id: "custom-1", title: "Mine", issuer: "Me" }]));
    expect(sections.map((s) => [s.id, s.items.length])).toEqual([
      ["steps", 8],
      ["certifications", 3],
      ["education", 9],
      ["skills", 4],
    ]);
    expect(sections[0]?.items[0]).toMatchObject({ title: "Earn a Bachelor's Degree", order: 1 });
    expect(sections[1]?.items[2]).toMatchObject({ id: "custom-1", isCustom: true, issuer: "Me" });
  });

  it("counts only items on the checklist", () => {
    const summary = summarizeProgress(CATALOG, [
      { itemId: "seek-mentoring", status: "done", completedOn: null, expiresOn: null, note: null, evidenceUrl: null, targetOn: null, updatedAt: null },
      { itemId: "custom-gone", status: "done", completedOn: null, expiresOn: null, note: null, evidenceUrl: null, targetOn: null, updatedAt: null },
      { itemId: "build-a-network", status: "skipped", completedOn: null, expiresOn: null, note: null, evidenceUrl: null, targetOn: null, updatedAt: null },
    ]);
    expect(summary).toEqual({ done: 1, inProgress: 0, skipped: 1, total: 23 });
  });
});
