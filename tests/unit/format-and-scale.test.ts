import { describe, expect, it } from "vitest";
import { formatThousands, niceTicks, pct, percentScale } from "@/components/charts/scale";
import { CATALOG, formatDollars, formatSalaryBand } from "@/lib/catalog";

describe("money as the article writes it", () => {
  it("prints dollars with thousands separators and no cents", () => {
    expect(formatDollars(84563)).toBe("$84,563");
    expect(formatDollars(200000)).toBe("$200,000");
  });

  it("prints every rung's band with an en dash", () => {
    expect(CATALOG.ladder.map((l) => formatSalaryBand(l.salaryMin, l.salaryMax))).toEqual([
      "$84,563 – $109,500",
      "$124,998 – $200,000",
      "$150,000 – $207,863",
      "$172,150 – $212,400",
      "$187,500 – $237,500",
    ]);
  });
});

describe("chart scale", () => {
  it("gives the salary chart round $50k ticks that cover every band", () => {
    const { domain, ticks } = niceTicks(CATALOG.ladder.flatMap((l) => [l.salaryMin, l.salaryMax]));
    expect(domain).toEqual([50000, 250000]);
    expect(ticks.map(formatThousands)).toEqual(["$50k", "$100k", "$150k", "$200k", "$250k"]);
  });

  it("maps the domain onto 0–100 % of the plot", () => {
    const x = percentScale([50000, 250000]);
    expect(x(50000)).toBe(0);
    expect(x(250000)).toBe(100);
    expect(pct(x(84563))).toBe("17.282%");
  });
});
