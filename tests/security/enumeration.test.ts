// Finding 5: sign-up's 409 says an email has an account. Accepted for a sign-up that signs
// people in at once, only because every sign-up (409s included) counts against a per-address
// limit that a client cannot dodge (docs/security.md).
import { afterEach, describe, expect, it, vi } from "vitest";
import { randomIp, strongPassword, uniqueEmail } from "../helpers/auth";

type Holders = { __ladderRateLimit?: { store?: { close(): Promise<void> } } };
const holders = globalThis as Holders;

describe("probing sign-up for existing accounts is limited per address", () => {
  afterEach(async () => {
    vi.unstubAllEnvs();
    await holders.__ladderRateLimit?.store?.close();
    delete holders.__ladderRateLimit;
    vi.resetModules();
  });

  it("409s count toward the limit, and new X-Forwarded-For values do not reset it", async () => {
    vi.stubEnv("REGISTER_MAX_PER_IP", "3");
    vi.resetModules();
    const { authedRequest } = await import("../helpers/auth");
    const { POST } = await import("@/app/api/auth/register/route");
    const socket = randomIp();
    const taken = uniqueEmail();
    const probe = (email: string) =>
      POST(
        authedRequest("/api/auth/register", {
          method: "POST",
          ip: socket,
          headers: { "x-forwarded-for": randomIp() },
          body: JSON.stringify({ email, password: strongPassword() }),
        }),
        {},
      );
    expect((await probe(taken)).status).toBe(201);
    expect((await probe(taken)).status).toBe(409);
    expect((await probe(uniqueEmail())).status).toBe(201);
    const refused = await probe(taken);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
  });
});
