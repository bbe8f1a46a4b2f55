import { afterEach, describe, expect, it, vi } from "vitest";
import { registerUser, signIn, strongPassword, uniqueEmail, randomIp } from "../helpers/auth";

type Holders = { __ladderDb?: unknown; __ladderRateLimit?: { store?: { close(): Promise<void> } } };
const holders = globalThis as Holders;

async function resetModulesAndStores() {
  await holders.__ladderRateLimit?.store?.close();
  delete holders.__ladderRateLimit;
  vi.resetModules();
}

describe("sign-in throttling", () => {
  afterEach(async () => {
    vi.unstubAllEnvs();
    await resetModulesAndStores();
  });

  it("refuses the 11th failed sign-in for one email within 15 minutes with 429 and Retry-After, from any address", async () => {
    const email = uniqueEmail();
    const password = strongPassword();
    await registerUser({ email, password });
    for (let attempt = 1; attempt <= 10; attempt++) {
      const { response } = await signIn(email, strongPassword(), { ip: randomIp() });
      expect(response.status, `attempt ${attempt}`).toBe(401);
    }
    const { response } = await signIn(email.toUpperCase(), strongPassword(), { ip: randomIp() });
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(await response.json()).toEqual({ error: { code: "rate_limited", message: "Too many failed attempts. Try again in 15 minutes." } });
    // Even the right password waits: the limit is on the account, not on the guess.
    const right = await signIn(email, password, { ip: randomIp() });
    expect(right.response.status).toBe(429);
    expect(right.cookie).toBeNull();
  });

  it("does not count successful sign-ins as failures", async () => {
    const email = uniqueEmail();
    const password = strongPassword();
    await registerUser({ email, password });
    for (let attempt = 1; attempt <= 12; attempt++) {
      expect((await signIn(email, password)).response.status, `attempt ${attempt}`).toBe(200);
    }
  });

  it("a burst of parallel guesses cannot slip past the limit", async () => {
    const email = uniqueEmail();
    await registerUser({ email, password: strongPassword() });
    const results = await Promise.all(Array.from({ length: 16 }, () => signIn(email, strongPassword())));
    const statuses = results.map((result) => result.response.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(10);
    expect(statuses.filter((status) => status === 429)).toHaveLength(6);
  });

  it("refuses failures from one address beyond its limit, whatever the emails (limit configured)", async () => {
    vi.stubEnv("LOGIN_MAX_FAILURES_PER_IP", "3");
    await resetModulesAndStores();
    const helpers = await import("../helpers/auth");
    const ip = randomIp();
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect((await helpers.signIn(uniqueEmail(), strongPassword(), { ip })).response.status).toBe(401);
    }
    const refused = await helpers.signIn(uniqueEmail(), strongPassword(), { ip });
    expect(refused.response.status).toBe(429);
    expect(Number(refused.response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await helpers.signIn(uniqueEmail(), strongPassword(), { ip: randomIp() })).response.status).toBe(401);
  });

  it("refuses registrations from one address beyond the hourly limit (limit configured)", async () => {
    vi.stubEnv("REGISTER_MAX_PER_IP", "2");
    vi.stubEnv("REGISTER_WINDOW_MINUTES", "60");
    await resetModulesAndStores();
    const helpers = await import("../helpers/auth");
    const ip = randomIp();
    expect((await helpers.registerUser({ email: uniqueEmail(), password: strongPassword() }, ip)).status).toBe(201);
    expect((await helpers.registerUser({ email: uniqueEmail(), password: strongPassword() }, ip)).status).toBe(201);
    const refused = await helpers.registerUser({ email: uniqueEmail(), password: strongPassword() }, ip);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(59 * 60);
    expect(retryAfter).toBeLessThanOrEqual(60 * 60);
  });

  it("refuses sign-ins (503) rather than letting them through when the Redis store is down", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.stubEnv("REDIS_URL", "redis://127.0.0.1:1");
    await resetModulesAndStores();
    const helpers = await import("../helpers/auth");
    const { user, password } = await createUserWithDatabaseStore();
    const { response, cookie } = await helpers.signIn(user, password);
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("60");
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("unavailable");
    expect(cookie).toBeNull();
    expect((await helpers.registerUser({ email: uniqueEmail(), password: strongPassword() })).status).toBe(503);
    expect(warn).toHaveBeenCalled();
  });

  it("refuses sign-ins (503) when the database store cannot be reached", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const saved = holders.__ladderDb;
    try {
      delete holders.__ladderDb;
      vi.stubEnv("DATABASE_URL", "postgresql://ladder@127.0.0.1:1/unreachable?connect_timeout=2");
      await resetModulesAndStores();
      const helpers = await import("../helpers/auth");
      const { response, cookie } = await helpers.signIn(uniqueEmail(), strongPassword());
      expect(response.status).toBe(503);
      expect(cookie).toBeNull();
      expect(warn).toHaveBeenCalled();
    } finally {
      holders.__ladderDb = saved;
    }
  });
});

/** A user made before the store is switched, so only the sign-in meets the broken store. */
async function createUserWithDatabaseStore(): Promise<{ user: string; password: string }> {
  const { getDb } = await import("@/lib/db");
  const { hashPassword } = await import("@/lib/auth/password");
  const password = strongPassword();
  const user = await getDb().user.create({ data: { email: uniqueEmail(), passwordHash: await hashPassword(password) } });
  return { user: user.email, password };
}
