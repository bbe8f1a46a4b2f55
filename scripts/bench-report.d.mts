export type LoadResult = { connections: number; duration: number; requestsPerSecond: number; total: number; p50: number; p99: number; non2xx: number; errors: number; timeouts: number; statusCodes: Record<string, number>;
  /** At 50 connections with rounds: every round's requests/s, in order (requestsPerSecond is their median). */
  rounds?: number[] };
export type RouteId = "bareAppRoute" | "bareAppPage" | "bareRoute" | "barePage" | "ladder" | "progress" | "plan" | "put" | "dashboard";
export type Durability =
  | { provider: "sqlite"; synchronous: string; journalMode: string; isDurable: boolean }
  | { provider: "postgresql"; synchronousCommit: string; fsync: string; isDurable: boolean };
export type PageJavaScript = { gzipBytes: number; rawBytes: number; hasZxcvbn: boolean };
export type BenchRun = {
  provider: "sqlite" | "postgresql";
  seed: { ms: number; counts: { users: number; progress: number; events: number } };
  durability: Durability;
  routes: Partial<Record<RouteId, { label: string; at50: LoadResult; at10: LoadResult; peakRssBytes?: number }>> &
    Record<"bareAppRoute" | "bareAppPage", { label: string; at50: LoadResult; at10: LoadResult }>;
  imports?: {
    clients: number;
    firstStatuses: Record<string, number>;
    attempts: number;
    refusedWithoutRetryAfter: number;
    imported: number;
    failed: number;
    ms: number;
    fileBytes: number;
    historyEvents: number;
    peakRssBytes: number;
  };
  javascript: { bareAppPage: PageJavaScript; barePage: PageJavaScript; dashboard: PageJavaScript };
  memory: { peakRssBytes: number };
};
export type Check = { figure: string; budget: string; value: string; ok: boolean | null };

export const BUDGET: {
  seedSeconds: number;
  ratio: Record<"ladder" | "progress" | "plan" | "put" | "dashboard", number>;
  apiP99At10Ms: number;
  pageP99At10Factor: number;
  rssBytes: number;
  dashboardJsBytes: number;
  concurrentImports: number;
};
export const ROUTES: { id: RouteId; label: string; note?: string; app: "bare" | "ladder"; isPage: boolean }[];
export function verdict(ok: boolean): "pass" | "FAIL";
export function durabilityProblem(durability: Durability | null | undefined): string | null;
export function evaluateRun(run: BenchRun): Check[];
export function markdownTable(runs: BenchRun[]): string;
export function budgetSummary(runs: BenchRun[]): { passed: number; total: number };

/** requests/s at 50 connections as a share of `baseline`'s: the median of the per-round ratios when both have rounds. */
export function rateRatio(result: { at50: LoadResult }, baseline: { at50: LoadResult }): number;
export function median(values: readonly number[]): number;
