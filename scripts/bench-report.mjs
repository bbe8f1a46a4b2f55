// The budgets of `npm run bench` and the table it prints: pure functions of the raw results
// (scripts/bench.mjs measures; this decides pass or FAIL). Tested in tests/unit/bench-report.test.ts.

// Budgets (issues 7 and 15). Units are decimal: 1 kB = 1,000 bytes, 1 MB = 1,000,000 bytes.
export const BUDGET = {
  seedSeconds: 60,
  /** Requests/s at 50 connections as a share of the separate bare app's route or page. */
  ratio: { ladder: 0.6, progress: 0.6, plan: 0.6, put: 0.45, dashboard: 0.5 },
  /** p99 at 10 connections: API routes below this; pages at most this many times the bare app's page. */
  apiP99At10Ms: 50,
  pageP99At10Factor: 2,
  rssBytes: 400e6,
  dashboardJsBytes: 60e3,
  concurrentImports: 6,
};

/**
 * What is measured, in order. `baseline` names the figure a route's requests/s is divided
 * by; `second` the in-app bare route or page, shown beside it. Ladder's own routes carry budgets.
 */
export const ROUTES = [
  { id: "bareAppRoute", label: "GET /api/bare", note: "bare app", app: "bare", isPage: false },
  { id: "bareAppPage", label: "GET /bare", note: "bare app", app: "bare", isPage: true },
  { id: "bareRoute", label: "GET /api/bench/bare", note: "inside Ladder", app: "ladder", isPage: false },
  { id: "barePage", label: "GET /bench/bare", note: "inside Ladder", app: "ladder", isPage: true },
  { id: "ladder", label: "GET /api/ladder", app: "ladder", isPage: false },
  { id: "progress", label: "GET /api/progress", app: "ladder", isPage: false },
  { id: "plan", label: "GET /api/plan", app: "ladder", isPage: false },
  { id: "put", label: "PUT /api/progress/:itemId", app: "ladder", isPage: false },
  { id: "dashboard", label: "GET /dashboard", app: "ladder", isPage: true },
];

const int = (n) => Math.round(n).toLocaleString("en-US");
/** The middle value (the lower of the two middle ones for an even count); also used by bench.mjs and cpu-per-request.mjs. */
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

/**
 * A route's requests/s at 50 connections as a share of another's: with rounds (scripts/bench.mjs
 * measures every route in turn, several times), the median of the per-round ratios, each
 * round's route divided by the same round's baseline; else the one figure's.
 */
export function rateRatio(result, baseline) {
  const [a, b] = [result.at50.rounds, baseline.at50.rounds];
  if (a && b && a.length === b.length && a.length > 0) return median(a.map((rps, i) => rps / b[i]));
  return result.at50.requestsPerSecond / baseline.at50.requestsPerSecond;
}
const percent = (ratio) => `${(ratio * 100).toFixed(0)} %`;
export const verdict = (ok) => (ok ? "pass" : "FAIL");
const mb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`;

/** Why figures measured on this database must not be reported, or null when it is durable. */
export function durabilityProblem(durability) {
  if (!durability) return "the server did not report its database settings (GET /api/bench/database)";
  if (durability.isDurable) return null;
  return durability.provider === "sqlite"
    ? `SQLite runs with synchronous=${durability.synchronous}, not FULL: writes would be measured without the sync that makes them durable`
    : `PostgreSQL runs with synchronous_commit=${durability.synchronousCommit}, fsync=${durability.fsync}: writes would be measured without durable commits`;
}

function describeDurability(durability) {
  return durability.provider === "sqlite"
    ? `synchronous=${durability.synchronous}, journal_mode=${durability.journalMode}`
    : `synchronous_commit=${durability.synchronousCommit}, fsync=${durability.fsync}`;
}

/**
 * The budget checks of one run: [{ figure, budget, value, ok }], ok null where no budget
 * applies. Requests/s ratios are to the separate bare app, measured in the same run.
 */
export function evaluateRun(run) {
  const checks = [];
  const add = (figure, budget, value, ok = null) => checks.push({ figure, budget, value, ok });
  add(
    `Seed ${int(run.seed.counts.users)} people through lib/seed (progress rows, history events)`,
    `< ${BUDGET.seedSeconds} s`,
    `${(run.seed.ms / 1000).toFixed(1)} s (${int(run.seed.counts.progress)}, ${int(run.seed.counts.events)})`,
    run.seed.ms / 1000 < BUDGET.seedSeconds,
  );
  add("Database durability (GET /api/bench/database)", "synchronous FULL", describeDurability(run.durability), run.durability.isDurable);
  const bareAppPageP99 = run.routes.bareAppPage.at10.p99;
  for (const route of ROUTES) {
    const result = run.routes[route.id];
    if (!result) continue;
    const name = route.note ? `${route.label} (${route.note})` : route.label;
    const isLadderRoute = route.app === "ladder" && !route.id.startsWith("bare");
    const second = run.routes[route.isPage ? "barePage" : "bareRoute"];
    const rps = result.at50.requestsPerSecond;
    const ratio = rateRatio(result, run.routes[route.isPage ? "bareAppPage" : "bareAppRoute"]);
    const budget = BUDGET.ratio[route.id];
    add(
      `${name}: requests/s at 50 connections, % of the bare app (of Ladder's bare ${route.isPage ? "page" : "route"})`,
      budget ? `≥ ${budget * 100} %` : "–",
      `${int(rps)} req/s, ${percent(ratio)}${second ? ` (${percent(rateRatio(result, second))})` : ""}`,
      budget ? ratio >= budget : null,
    );
    add(`${name}: p50 / p99 latency at 50 connections`, "–", `${result.at50.p50} / ${result.at50.p99} ms`);
    if (!isLadderRoute) {
      add(`${name}: p99 latency at 10 connections`, "–", `${result.at10.p99} ms`);
    } else if (route.isPage) {
      const limit = BUDGET.pageP99At10Factor * bareAppPageP99;
      add(`${name}: p99 latency at 10 connections`, `≤ ${BUDGET.pageP99At10Factor}× bare page`, `${result.at10.p99} ms (limit ${limit} ms)`, result.at10.p99 <= limit);
    } else {
      add(`${name}: p99 latency at 10 connections`, `< ${BUDGET.apiP99At10Ms} ms`, `${result.at10.p99} ms`, result.at10.p99 < BUDGET.apiP99At10Ms);
    }
    const failed = result.at50.non2xx + result.at50.errors + result.at10.non2xx + result.at10.errors;
    add(`${name}: non-2xx responses and errors (all runs)`, "0", `${int(failed)} of ${int(result.at50.total + result.at10.total)}`, failed === 0);
  }
  if (run.imports) {
    const { imports } = run;
    const firstAnswers = Object.entries(imports.firstStatuses)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([status, count]) => `${count} × ${status}`)
      .join(", ");
    const isOneAtATime = imports.firstStatuses["200"] >= 1 && imports.firstStatuses["429"] >= 1 && imports.refusedWithoutRetryAfter === 0;
    const allImported = imports.imported === imports.clients && imports.failed === 0;
    add(
      `${imports.clients} concurrent imports of a ${(imports.fileBytes / 1e6).toFixed(1)} MB export (${int(imports.historyEvents)} history events): first answers`,
      "200 and 429 + Retry-After",
      firstAnswers,
      isOneAtATime,
    );
    add(
      `${imports.clients} concurrent imports: each retried after Retry-After until done`,
      `all ${imports.clients}`,
      `${imports.imported} of ${imports.clients} in ${(imports.ms / 1000).toFixed(1)} s, ${imports.attempts} requests, peak RSS ${mb(imports.peakRssBytes)}`,
      allImported,
    );
  }
  add("Peak RSS of Ladder's server through the whole bench (process tree)", `< ${BUDGET.rssBytes / 1e6} MB`, mb(run.memory.peakRssBytes), run.memory.peakRssBytes < BUDGET.rssBytes);
  add("JavaScript the bare app's page loads (gzipped)", "–", `${(run.javascript.bareAppPage.gzipBytes / 1e3).toFixed(1)} kB`);
  add("JavaScript Ladder's bare page loads (gzipped)", "–", `${(run.javascript.barePage.gzipBytes / 1e3).toFixed(1)} kB`);
  // The budget's baseline is the bare app's page: what any Next.js page of this version ships.
  const extra = run.javascript.dashboard.gzipBytes - run.javascript.bareAppPage.gzipBytes;
  add("JavaScript /dashboard loads beyond the bare app's page (gzipped)", `≤ ${BUDGET.dashboardJsBytes / 1e3} kB`, `${(extra / 1e3).toFixed(1)} kB`, extra <= BUDGET.dashboardJsBytes);
  add("zxcvbn password dictionaries among /dashboard's scripts", "none", run.javascript.dashboard.hasZxcvbn ? "present" : "none", !run.javascript.dashboard.hasZxcvbn);
  return checks;
}

const PROVIDER_NAMES = { sqlite: "SQLite", postgresql: "PostgreSQL" };

/** The report table: one row per figure, one column per database, each budget as pass/FAIL. */
export function markdownTable(runs) {
  const evaluated = runs.map(evaluateRun);
  const header = ["Figure", "Budget", ...runs.map((r) => PROVIDER_NAMES[r.provider] ?? r.provider)];
  const rows = evaluated[0].map((check, i) => [
    check.figure,
    check.budget,
    ...evaluated.map((checks) => {
      const cell = checks[i];
      return cell.ok === null ? cell.value : `${cell.value} ${verdict(cell.ok)}`;
    }),
  ]);
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  const line = (row) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(" | ")} |`;
  return [line(header), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...rows.map(line)].join("\n");
}

/** "n of m budgets pass" over every run, for the closing line. */
export function budgetSummary(runs) {
  const checks = runs.flatMap(evaluateRun).filter((check) => check.ok !== null);
  return { passed: checks.filter((check) => check.ok).length, total: checks.length };
}
