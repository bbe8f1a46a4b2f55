import { describe, expect, it } from "vitest";
import { CATALOG } from "@/lib/catalog";
import { itemStandings } from "@/lib/ladder/standing";
import type { ProgressRow } from "@/lib/ladder";

const TODAY = "2026-12-02";

describe("item standings agree with the ladder", () => {
  it("a bachelor's path meets 'Earn a Bachelor's Degree' and names what met it", () => {
    const rows: ProgressRow[] = [{ itemId: "bachelors-mathematics", status: "done" }];
    const standing = itemStandings(CATALOG, rows, TODAY).get("earn-bachelors-degree");
    expect(standing).toEqual({ isMet: true, metBy: ["Bachelor's Degree in Mathematics"], notCountedBecause: null });
  });

  it("a master's or Ph.D. meets 'Seek an Advanced Degree'; a bachelor's does not", () => {
    const standings = itemStandings(CATALOG, [{ itemId: "phd-machine-learning", status: "done" }, { itemId: "bachelors-data-science", status: "done" }], TODAY);
    expect(standings.get("seek-advanced-degree")?.metBy).toEqual(["Ph.D. in Machine Learning"]);
    expect(standings.get("earn-bachelors-degree")?.metBy).toEqual(["Bachelor's Degree in Data Science"]);
  });

  it("'Pursue Advanced Certifications' marked done by hand does not count, and says so", () => {
    const standing = itemStandings(CATALOG, [{ itemId: "pursue-advanced-certifications", status: "done" }], TODAY).get("pursue-advanced-certifications");
    expect(standing?.isMet).toBe(false);
    expect(standing?.notCountedBecause).toMatch(/will not count until you have a certification/);
  });

  it("a valid certification meets it; an expired one neither meets it nor counts itself", () => {
    const valid = itemStandings(CATALOG, [{ itemId: "aws-certified-machine-learning", status: "done", expiresOn: "2027-01-01" }], TODAY);
    expect(valid.get("pursue-advanced-certifications")).toMatchObject({ isMet: true, metBy: ["AWS Certified Machine Learning"] });
    const expired = itemStandings(CATALOG, [{ itemId: "aws-certified-machine-learning", status: "done", expiresOn: "2026-01-01" }], TODAY);
    expect(expired.get("pursue-advanced-certifications")?.isMet).toBe(false);
    expect(expired.get("aws-certified-machine-learning")?.isMet).toBe(false);
  });

  it("a step done by itself is met with nothing else named", () => {
    const standing = itemStandings(CATALOG, [{ itemId: "build-a-network", status: "done" }], TODAY).get("build-a-network");
    expect(standing).toEqual({ isMet: true, metBy: [], notCountedBecause: null });
  });
});
