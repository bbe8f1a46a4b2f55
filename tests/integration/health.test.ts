import { afterEach, describe, expect, it, vi } from "vitest";

type DbHolder = { __ladderDb?: unknown };

describe("GET /api/health", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
    delete (globalThis as DbHolder).__ladderDb;
  });

  it("answers 200 ok after a real query", async () => {
    const { GET } = await import("@/app/api/health/route");
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "ok" });
  });

  it("answers 503 when the database cannot be reached", async () => {
    vi.resetModules();
    delete (globalThis as DbHolder).__ladderDb;
    vi.stubEnv("DATABASE_URL", "postgresql://ladder@127.0.0.1:1/unreachable?connect_timeout=2");
    const { GET } = await import("@/app/api/health/route");
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "error", db: "error" });
  });
});
