// Sums the JSON reports of one CI run (Vitest runs and the Playwright run) into one closing
// line, "ci: N passed, N failed, N skipped", and exits 1 when a report is missing or empty.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "tests", ".output", "reports");
const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".json")) : [];
let passed = 0;
let failed = 0;
let skipped = 0;

for (const file of files) {
  const report = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
  if (file.startsWith("vitest-")) {
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  } else if (file === "playwright.json") {
    passed += report.stats?.expected ?? 0;
    failed += (report.stats?.unexpected ?? 0) + (report.stats?.flaky ?? 0);
    skipped += report.stats?.skipped ?? 0;
  }
}

console.log(`ci: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (files.length === 0 || passed === 0 || failed > 0) process.exit(1);
