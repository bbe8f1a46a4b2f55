import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  CATALOG,
  CHECKABLE_KINDS,
  ITEM_KINDS,
  catalogVersion,
  getCatalogItem,
  hashString,
  isCatalogItemId,
  isCheckableItemId,
  withCustomCertifications,
} from "../../lib/catalog";
import { catalogSchema } from "../../lib/catalog/schema";

// The source article is kept in tests/fixtures so the suite runs from any clone. Where the
// product owner's copy sits beside the repository (shared/content), the two must be identical.
const ARTICLE = readFileSync(path.resolve(__dirname, "../fixtures/mle-career-path.txt"), "utf8");
const OWNER_COPY = path.resolve(__dirname, "../../../shared/content/mle-career-path.txt");

describe("source article", () => {
  it.runIf(existsSync(OWNER_COPY))("matches the product owner's copy exactly", () => {
    expect(ARTICLE).toBe(readFileSync(OWNER_COPY, "utf8"));
  });
});
const ARTICLE_LINES = ARTICLE.split("\n");

/** The numbered lines under a heading, as [title, rest-of-line]. */
function numberedList(heading: string): { title: string; line: string }[] {
  const start = ARTICLE_LINES.indexOf(heading);
  expect(start, `heading "${heading}" in the article`).toBeGreaterThanOrEqual(0);
  const items: { title: string; line: string }[] = [];
  for (const line of ARTICLE_LINES.slice(start + 1)) {
    const match = /^\s+\d+\. (.+?)(?: \((?:Score: \d+|\$[\d,]+ - \$[\d,]+)\))?: /.exec(line);
    if (match?.[1]) items.push({ title: match[1], line });
    else if (items.length > 0 && line.trim() !== "") break;
  }
  return items;
}

const dollars = (n: number) => `$${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;

function allItems() {
  return [
    ...CATALOG.ladder.map((item) => ({ kind: "level", item })),
    ...CATALOG.steps.map((item) => ({ kind: "step", item })),
    ...CATALOG.certifications.map((item) => ({ kind: "certification", item })),
    ...CATALOG.education.map((item) => ({ kind: "education", item })),
    ...CATALOG.skills.map((item) => ({ kind: "skill", item })),
    ...CATALOG.tracks.map((item) => ({ kind: "track", item })),
    ...CATALOG.factors.map((item) => ({ kind: "factor", item })),
  ];
}

describe("catalog schema and ids", () => {
  it("parses with the zod schema", () => {
    const parsed = catalogSchema.parse(CATALOG);
    expect(parsed.ladder).toHaveLength(5);
    expect(parsed.steps).toHaveLength(8);
    expect(parsed.certifications).toHaveLength(2);
    expect(parsed.education).toHaveLength(9);
    expect(parsed.skills).toHaveLength(4);
    expect(parsed.tracks).toHaveLength(5);
    expect(parsed.factors).toHaveLength(8);
  });

  it("rejects content that breaks the schema", () => {
    const inverted = CATALOG.ladder.map((l, i) => (i === 0 ? { ...l, salaryMin: 300000 } : l));
    expect(catalogSchema.safeParse({ ...CATALOG, ladder: inverted }).success).toBe(false);
    const extraField = CATALOG.skills.map((s) => ({ ...s, level: 3 }));
    expect(catalogSchema.safeParse({ ...CATALOG, skills: extraField }).success).toBe(false);
  });

  it("uses the fixed ids that progress rows reference", () => {
    expect(CATALOG.ladder.map((l) => l.id)).toEqual([
      "junior-mle",
      "mle",
      "senior-mle",
      "ml-team-lead",
      "director-of-ml",
    ]);
    expect(CATALOG.steps.map((s) => s.id)).toEqual([
      "earn-bachelors-degree",
      "gain-practical-experience",
      "pursue-advanced-certifications",
      "seek-advanced-degree",
      "build-a-network",
      "specialize-in-a-domain",
      "transition-to-strategic-roles",
      "seek-mentoring",
    ]);
    expect(CATALOG.certifications.map((c) => c.id)).toEqual([
      "aws-certified-machine-learning",
      "google-professional-machine-learning-engineer",
    ]);
    expect(CATALOG.education.map((e) => e.id)).toEqual([
      "bachelors-computer-science",
      "masters-computer-science",
      "bachelors-mathematics",
      "masters-mathematics",
      "bachelors-data-science",
      "masters-data-science",
      "masters-machine-learning",
      "phd-machine-learning",
      "phd-data-science",
    ]);
    expect(CATALOG.skills.map((s) => s.id)).toEqual([
      "programming-languages",
      "machine-learning-algorithms",
      "data-modeling-and-evaluation",
      "software-engineering-skills",
    ]);
    expect(CATALOG.tracks.map((t) => t.id)).toEqual([
      "research-mle",
      "product-mle",
      "systems-mle",
      "data-centric-mle",
      "startup-mle",
    ]);
    expect(CATALOG.factors.map((f) => f.id)).toEqual([
      "opportunities-for-advancement",
      "skill-development",
      "industry-growth",
      "stability",
      "networking-opportunities",
      "flexibility",
      "salary-and-benefits-progression",
      "work-life-balance",
    ]);
  });

  it("has every id unique across all kinds, and requirement ids apart from item ids", () => {
    const ids = allItems().map(({ item }) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    const requirementIds = CATALOG.ladder.flatMap((l) => l.requirements.map((r) => r.id));
    for (const id of requirementIds) expect(ids).not.toContain(id);
  });

  it("gives a requirement shared by several rungs one definition", () => {
    const byId = new Map<string, unknown>();
    for (const requirement of CATALOG.ladder.flatMap((l) => l.requirements)) {
      const seen = byId.get(requirement.id);
      if (seen) expect(requirement).toEqual(seen);
      byId.set(requirement.id, requirement);
    }
    expect(byId.size).toBe(10);
  });

  it("resolves every cross-reference", () => {
    CATALOG.ladder.forEach((level, i) => {
      // Cumulative ladder: each rung requires exactly the rung below it.
      expect(level.requires).toBe(i === 0 ? null : CATALOG.ladder[i - 1]?.id);
      for (const requirement of level.requirements) {
        if (requirement.kind === "step") {
          expect(getCatalogItem(requirement.stepId)?.kind, requirement.id).toBe("step");
        } else {
          for (const id of requirement.itemIds) {
            const kind = getCatalogItem(id)?.kind;
            expect(kind && (CHECKABLE_KINDS as readonly string[]).includes(kind), `${requirement.id} → ${id}`).toBe(true);
          }
        }
      }
    });
    for (const step of CATALOG.steps) {
      const by = step.satisfiedBy;
      if (by?.kind === "education") {
        for (const degree of by.degrees) {
          expect(CATALOG.education.some((e) => e.degree === degree), `${step.id} ${degree}`).toBe(true);
        }
      }
      if (by?.kind === "certification") expect(CATALOG.certifications.length).toBeGreaterThan(0);
    }
  });

  it("satisfies the three composite steps by category, as DESIGN.md says", () => {
    const byId = Object.fromEntries(CATALOG.steps.map((s) => [s.id, s.satisfiedBy]));
    expect(byId["earn-bachelors-degree"]).toEqual({ kind: "education", degrees: ["bachelor"] });
    expect(byId["seek-advanced-degree"]).toEqual({ kind: "education", degrees: ["master", "phd"] });
    expect(byId["pursue-advanced-certifications"]).toMatchObject({ kind: "certification" });
    expect(CATALOG.steps.filter((s) => "satisfiedBy" in s)).toHaveLength(3);
  });

  it("looks items up by id and tells checkable kinds apart", () => {
    expect(getCatalogItem("mle")?.kind).toBe("level");
    expect(getCatalogItem("phd-data-science")?.item.title).toBe("Ph.D. in Data Science");
    expect(getCatalogItem("nope")).toBeNull();
    expect(isCatalogItemId("startup-mle")).toBe(true);
    expect(isCatalogItemId("startup")).toBe(false);
    expect(isCheckableItemId("software-engineering-skills")).toBe(true);
    expect(isCheckableItemId("aws-certified-machine-learning")).toBe(true);
    expect(isCheckableItemId("startup-mle")).toBe(false);
    expect(isCheckableItemId("stability")).toBe(false);
    expect(isCheckableItemId("director-of-ml")).toBe(false);
    expect(ITEM_KINDS).toEqual(["level", "step", "certification", "education", "skill", "track", "factor"]);
  });

  it("appends a person's certifications without touching the shared catalog", () => {
    const mine = withCustomCertifications(CATALOG, [
      { id: "cert-abc", title: "TensorFlow Developer Certificate", issuer: "Google" },
      { id: "mle", title: "Shadowing a rung", issuer: "Nobody" },
    ]);
    expect(mine.certifications.map((c) => c.id)).toEqual([
      "aws-certified-machine-learning",
      "google-professional-machine-learning-engineer",
      "cert-abc",
    ]);
    expect(getCatalogItem("cert-abc", mine)?.item).toEqual({
      id: "cert-abc",
      title: "TensorFlow Developer Certificate",
      issuer: "Google",
      custom: true,
    });
    expect(isCheckableItemId("cert-abc", mine)).toBe(true);
    expect(isCheckableItemId("cert-abc")).toBe(false);
    expect(CATALOG.certifications).toHaveLength(2);
    expect(catalogSchema.safeParse(mine).success).toBe(true);
  });

  it("derives the version from the content", () => {
    const { version, ...content } = CATALOG;
    expect(version).toBe(catalogVersion);
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(hashString(JSON.stringify(content))).toBe(version);
    const edited = { ...content, tracks: content.tracks.slice(1) };
    expect(hashString(JSON.stringify(edited))).not.toBe(version);
    expect(hashString("a")).not.toBe(hashString("b"));
  });
});

describe("catalog matches the article", () => {
  it("has the rungs in the article's order, with exact titles and salary brackets", () => {
    const list = numberedList("Career Progression for a Machine Learning Engineer");
    expect(list.map((l) => l.title)).toEqual(CATALOG.ladder.map((l) => l.title));
    for (const level of CATALOG.ladder) {
      expect(ARTICLE).toContain(
        `${level.title} (${dollars(level.salaryMin)} - ${dollars(level.salaryMax)}): ${level.summary}`,
      );
    }
    expect(dollars(CATALOG.ladder[0]?.salaryMin ?? 0)).toBe("$84,563");
  });

  it("has the steps in the article's order, numbered as the article numbers them", () => {
    const list = numberedList("Steps to Become a Machine Learning Engineer");
    expect(list.map((l) => l.title)).toEqual(CATALOG.steps.map((s) => s.title));
    for (const step of CATALOG.steps) {
      expect(ARTICLE).toContain(`  ${step.order}. ${step.title}: ${step.summary}`);
    }
  });

  it("has each factor's score on the factor's own line", () => {
    const list = numberedList("Is Machine Learning Engineering a Good Career Path?");
    expect(list.map((l) => l.title)).toEqual(CATALOG.factors.map((f) => f.title));
    CATALOG.factors.forEach((factor, i) => {
      expect(factor.order).toBe(i + 1);
      expect(list[i]?.line).toBe(`  ${factor.order}. ${factor.title} (Score: ${factor.score}): ${factor.summary}`);
    });
    expect(CATALOG.factors.map((f) => f.score)).toEqual([9, 9, 10, 8, 9, 9, 10, 7]);
  });

  it("copies tracks and skills exactly, in order", () => {
    const tracks = numberedList("Different Machine Learning Engineer Career Tracks");
    expect(tracks.map((t) => t.title)).toEqual(CATALOG.tracks.map((t) => t.title));
    const skills = numberedList("Essential Skills for a Machine Learning Engineer");
    expect(skills.map((s) => s.title)).toEqual(CATALOG.skills.map((s) => s.title));
    for (const item of [...CATALOG.tracks, ...CATALOG.skills]) {
      expect(ARTICLE).toContain(`${item.title}: ${item.summary}`);
    }
  });

  it("names the certifications as the article does", () => {
    for (const cert of CATALOG.certifications) expect(ARTICLE).toContain(cert.title);
  });

  it("takes each education path's group and description from the article", () => {
    // Per-degree titles ("Ph.D. in Data Science") are ours; the article lists
    // "Bachelor's or Master's …" lines, which are kept verbatim as `group`.
    for (const e of CATALOG.education) {
      expect(ARTICLE).toContain(e.group);
      expect(ARTICLE).toContain(e.summary);
      expect(e.group).toContain(e.field);
      expect(e.title).toContain(e.field);
      const word = { bachelor: "Bachelor's", master: "Master's", phd: "Ph.D." }[e.degree];
      expect(e.title.startsWith(word)).toBe(true);
      expect(e.group).toContain(word);
    }
  });

  it("copies every summary verbatim, apostrophes included", () => {
    for (const { item } of allItems()) {
      if ("summary" in item) expect(ARTICLE, item.id).toContain(item.summary);
    }
    // The article mixes apostrophes; the catalog keeps each one as written.
    expect(CATALOG.ladder[2]?.summary).toContain("company\u2019s");
    expect(CATALOG.ladder[4]?.summary).toContain("company's");
  });
});
