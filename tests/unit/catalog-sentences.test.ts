import { describe, expect, it } from "vitest";
import { CATALOG } from "@/lib/catalog";

// Descriptions are shown on their own under a title: each must read as a whole sentence.
describe("catalog descriptions", () => {
  it("never start mid-sentence (in lower case)", () => {
    const summaries = [...CATALOG.steps, ...CATALOG.education, ...CATALOG.skills, ...CATALOG.ladder, ...CATALOG.factors].map((item) => item.summary);
    expect(summaries.length).toBeGreaterThan(20);
    expect(summaries.filter((summary) => !/^[A-Z0-9"“]/.test(summary))).toEqual([]);
  });
});
