import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/catalog/route";
import { CATALOG, catalogVersion } from "@/lib/catalog";
import { catalogSchema } from "@/lib/catalog/schema";

const URL = "http://localhost/api/catalog";
const get = (headers: Record<string, string> = {}) => GET(new Request(URL, { headers }), undefined);

describe("GET /api/catalog", () => {
  it("answers 200 with the whole catalog, an ETag and a short public cache lifetime", async () => {
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("etag")).toBe(`"${catalogVersion}"`);
    const cacheControl = response.headers.get("cache-control") ?? "";
    expect(cacheControl).toMatch(/\bpublic\b/);
    expect(cacheControl).toMatch(/\bmust-revalidate\b/);
    const maxAge = Number(/max-age=(\d+)/.exec(cacheControl)?.[1]);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(3600);

    const body = await response.json();
    expect(Object.keys(body).sort()).toEqual(
      ["version", "ladder", "steps", "certifications", "education", "skills", "tracks", "factors"].sort(),
    );
    expect(body).toEqual(JSON.parse(JSON.stringify(CATALOG)));
    expect(catalogSchema.parse(body).version).toBe(catalogVersion);
  });

  it("serves the article's content: five rungs with their bands, eight steps, eight factor scores", async () => {
    const body = await (await get()).json();
    expect(body.ladder.map((l: { title: string; salaryMin: number; salaryMax: number }) => [l.title, l.salaryMin, l.salaryMax])).toEqual([
      ["Junior Machine Learning Engineer", 84563, 109500],
      ["Machine Learning Engineer", 124998, 200000],
      ["Senior Machine Learning Engineer", 150000, 207863],
      ["Machine Learning Team Lead", 172150, 212400],
      ["Director of Machine Learning", 187500, 237500],
    ]);
    expect(body.steps).toHaveLength(8);
    expect(body.steps[0].title).toBe("Earn a Bachelor's Degree");
    expect(body.factors.map((f: { score: number }) => f.score)).toEqual([9, 9, 10, 8, 9, 9, 10, 7]);
    expect(body.ladder[1].requirements.map((r: { id: string }) => r.id)).toEqual(["req-valid-certification", "req-essential-skills"]);
  });

  it("answers 304 with an empty body when If-None-Match names the current version", async () => {
    const etag = (await get()).headers.get("etag") ?? "";
    const response = await get({ "If-None-Match": etag });
    expect(response.status).toBe(304);
    expect(await response.text()).toBe("");
    expect(response.headers.get("etag")).toBe(etag);
    expect(response.headers.get("cache-control")).toMatch(/must-revalidate/);
  });

  it.each([
    ["a weak validator", (etag: string) => `W/${etag}`],
    ["a list that contains it", (etag: string) => `"stale-1", W/"stale,2" , ${etag}`],
    ["the wildcard", () => "*"],
  ])("answers 304 for %s", async (_, header) => {
    const response = await get({ "If-None-Match": header(`"${catalogVersion}"`) });
    expect(response.status).toBe(304);
    expect(await response.text()).toBe("");
  });

  it.each([
    ["another version", '"0000000000000000"'],
    ["a list without it", '"aaa", W/"bbb"'],
    ["the bare version without quotes", catalogVersion],
    ["a tag that only contains it", `"${catalogVersion}x"`],
  ])("answers 200 with the catalog for %s", async (_, header) => {
    const response = await get({ "If-None-Match": header });
    expect(response.status).toBe(200);
    expect((await response.json()).version).toBe(catalogVersion);
  });
});
