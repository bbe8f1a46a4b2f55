import { afterEach, describe, expect, it, vi } from "vitest";

async function freshEnv() {
  vi.resetModules();
  return import("@/lib/env");
}

describe("configuration check", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("counts an empty variable as unset, also for libraries that read process.env themselves", async () => {
    vi.stubEnv("NEXTAUTH_URL", "");
    vi.stubEnv("LOGIN_WINDOW_MINUTES", "");
    const { getEnv } = await freshEnv();
    const env = getEnv();
    expect(env.NEXTAUTH_URL).toBeUndefined();
    expect(env.LOGIN_WINDOW_MINUTES).toBe(15);
    expect("NEXTAUTH_URL" in process.env).toBe(false);
  });

  it("names an invalid variable", async () => {
    vi.stubEnv("METRICS_TOKEN", "short");
    const { getEnv } = await freshEnv();
    expect(() => getEnv()).toThrow(/METRICS_TOKEN/);
  });

  it("refuses PostgreSQL without a shared secret, and keeps SQLite's generated one", async () => {
    vi.stubEnv("DATABASE_URL", "postgresql://ladder@127.0.0.1:5432/ladder");
    vi.stubEnv("NEXTAUTH_SECRET", "");
    vi.stubEnv("AUTH_SECRET", "");
    let { checkStartupConfig } = await freshEnv();
    expect(() => checkStartupConfig()).toThrow(/NEXTAUTH_SECRET is required with PostgreSQL/);
    vi.stubEnv("NEXTAUTH_SECRET", "x".repeat(40));
    ({ checkStartupConfig } = await freshEnv());
    expect(() => checkStartupConfig()).not.toThrow();
    vi.stubEnv("NEXTAUTH_SECRET", "");
    vi.stubEnv("DATABASE_URL", "file:./data/ladder.db");
    ({ checkStartupConfig } = await freshEnv());
    expect(() => checkStartupConfig()).not.toThrow();
  });
});
