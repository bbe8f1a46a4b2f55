import { describe, expect, it } from "vitest";
import { CATALOG } from "@/lib/catalog";
import { shortDescription } from "@/lib/format";
import { checklistSections } from "@/lib/progress/checklist";

describe("shortDescription", () => {
  it("keeps a first sentence that fits one line and says there is more", () => {
    expect(shortDescription("Engage with current or former MLEs. Their guidance can be invaluable.")).toEqual({ short: "Engage with current or former MLEs.", hasMore: true });
  });

  it("does not end a sentence inside an abbreviation such as Ph.D.", () => {
    const text = "Many MLEs hold a Master's or Ph.D. in Machine Learning or Data Science that gives them a deeper understanding of the field.";
    const { short, hasMore } = shortDescription(text);
    expect(short).toBe("Many MLEs hold a Master's or Ph.D. in Machine Learning or Data Science that gives them a…");
    expect(hasMore).toBe(true);
  });

  it("leaves a one-line description whole, with nothing more to show", () => {
    expect(shortDescription("Essential for writing algorithms and creating models.")).toEqual({ short: "Essential for writing algorithms and creating models.", hasMore: false });
  });

  it("shortens every checklist description to at most one line (90 characters and the ellipsis), cut between words", () => {
    for (const section of checklistSections(CATALOG)) {
      for (const entry of section.items) {
        if (!entry.summary) continue;
        const { short, hasMore } = shortDescription(entry.summary);
        expect(short.length, entry.id).toBeLessThanOrEqual(91);
        expect(entry.summary.startsWith(short.replace(/…$/, "")), entry.id).toBe(true);
        expect(hasMore, entry.id).toBe(short !== entry.summary);
      }
    }
  });
});
