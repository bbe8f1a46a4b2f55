import path from "node:path";
import { cruise } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import { describe, expect, it } from "vitest";

// The rules `npm run lint` checks (.dependency-cruiser.cjs), run on a small tree that breaks
// each of them once (tests/fixtures/boundaries) and on the project itself.
const root = path.resolve(import.meta.dirname, "../..");

async function violations(baseDir: string): Promise<string[]> {
  const options = await extractDepcruiseOptions(path.join(root, ".dependency-cruiser.cjs"));
  const result = await cruise(["app", "components", "lib"], { ...options, baseDir, outputType: "json" });
  const output = typeof result.output === "string" ? JSON.parse(result.output) : result.output;
  return output.summary.violations.map((v: { rule: { name: string }; from: string }) => `${v.rule.name} ${v.from}`);
}

describe("import boundaries", () => {
  it("refuses each kind of import that points the wrong way", async () => {
    const found = await violations(path.join(root, "tests/fixtures/boundaries"));
    expect(found).toEqual(
      expect.arrayContaining([
        "lib-imports-app-or-components lib/uses-app.ts",
        "client-imports-server-only components/feature/widget.tsx",
        "feature-imports-feature components/other/panel.tsx",
        "domain-imports-http lib/domain/index.ts",
        "lib-folder-cycle lib/one",
        "lib-module-cycle lib/loop/x.ts",
      ]),
    );
  }, 30_000);

  it("finds none in the project", async () => {
    expect(await violations(root)).toEqual([]);
  }, 30_000);
});
