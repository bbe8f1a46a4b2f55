import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import HowItWorksPage from "@/app/(marketing)/how-it-works/page";
import { CATALOG, formatSalaryBand, LADDER_LEVELS, REQUIREMENTS } from "@/lib/catalog";
import { describeRules } from "@/lib/ladder";

/** The page as a visitor reads it: markup rendered, tags dropped, entities decoded. */
function toText(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/\s+/g, " ");
}

describe("How your level is computed (/how-it-works)", () => {
  const html = renderToStaticMarkup(createElement(HowItWorksPage));
  const text = toText(html);
  const rules = describeRules(CATALOG);

  it("lists every rung with its title and the article's salary band", () => {
    for (const level of LADDER_LEVELS) {
      expect(text).toContain(level.title);
      expect(text).toContain(formatSalaryBand(level.salaryMin, level.salaryMax));
    }
    expect(text).toContain("$84,563 \u2013 $109,500");
    expect(text).toContain("$187,500 \u2013 $237,500");
  });

  it("shows every requirement of the rule data, with the sentence the evaluator's rules generate", () => {
    for (const requirement of Object.values(REQUIREMENTS)) expect(text).toContain(requirement.title);
    for (const rung of rules.rungs) {
      expect(text).toContain(rung.text);
      for (const requirement of rung.requirements) {
        expect(text).toContain(requirement.text);
        for (const item of requirement.items) expect(text).toContain(item.title);
      }
    }
  });

  it("states the general rules: skipped never counts, expired certifications do not count, percentages count requirements", () => {
    for (const note of rules.notes) expect(text).toContain(note);
    expect(text).toMatch(/"skipped" never satisfy a requirement/);
    expect(text).toMatch(/expiry date is today or later/);
    expect(text).toMatch(/Requirements count, not items/);
    expect(text).toContain(`all ${rules.totalRequirements} requirements`);
  });

  it("gives each rung its own heading, in ladder order", () => {
    const headings = [...html.matchAll(/<h2 id="([a-z-]+)-heading"[^>]*>([^<]+)<\/h2>/g)];
    const rungHeadings = headings.filter(([, id]) => LADDER_LEVELS.some((l) => l.id === id));
    expect(rungHeadings.map(([, id, title]) => [id, title])).toEqual(LADDER_LEVELS.map((l) => [l.id, l.title]));
  });

  it("links every rung from the page's own table of contents", () => {
    const positions = LADDER_LEVELS.map((level) => html.indexOf(`href="#${level.id}"`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});
