import crypto from "node:crypto";
import Redis from "ioredis";
import { afterAll, describe, expect, it, vi } from "vitest";
import { DatabaseRateLimitStore, RedisRateLimitStore, type RateLimitStore } from "@/lib/auth/rate-limit";
import { getDb } from "@/lib/db";

// The same behaviour from both stores: fixed windows, atomic counting, refunds.
function storeContract(name: string, makeStore: () => RateLimitStore) {
  describe(name, () => {
    const key = () => `test:${crypto.randomUUID()}`;

    it("counts within a window and reports when it ends", async () => {
      const store = makeStore();
      const k = key();
      const first = await store.increment(k, 60_000);
      const second = await store.increment(k, 60_000);
      expect([first.count, second.count]).toEqual([1, 2]);
      expect(second.resetAt.getTime() - Date.now()).toBeGreaterThan(55_000);
      expect(Math.abs(second.resetAt.getTime() - first.resetAt.getTime())).toBeLessThan(1500);
    });

    it("starts a new window once the last one has ended", async () => {
      const store = makeStore();
      const k = key();
      await store.increment(k, 300);
      await store.increment(k, 300);
      await new Promise((resolve) => setTimeout(resolve, 450));
      expect((await store.increment(k, 300)).count).toBe(1);
    });

    it("counts parallel increments exactly", async () => {
      const store = makeStore();
      const k = key();
      const counts = await Promise.all(Array.from({ length: 25 }, () => store.increment(k, 60_000)));
      expect(counts.map((counter) => counter.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    });

    it("takes one back on decrement, never below zero", async () => {
      const store = makeStore();
      const k = key();
      await store.increment(k, 60_000);
      await store.increment(k, 60_000);
      await store.decrement(k);
      expect((await store.increment(k, 60_000)).count).toBe(2);
      await store.decrement(k);
      await store.decrement(k);
      await store.decrement(k);
      expect((await store.increment(k, 60_000)).count).toBe(1);
    });
  });
}

storeContract("database rate-limit store", () => new DatabaseRateLimitStore(getDb()));

const redisUrl = process.env.TEST_REDIS_URL?.trim();
const prefix = `ladder-test:${process.pid}:${crypto.randomUUID()}:`;
const redisStores: RedisRateLimitStore[] = [];

describe.runIf(Boolean(redisUrl))("Redis (TEST_REDIS_URL)", () => {
  storeContract("Redis rate-limit store", () => {
    const store = new RedisRateLimitStore(redisUrl as string, prefix);
    redisStores.push(store);
    return store;
  });

  it("leaves no key without an expiry", async () => {
    const store = new RedisRateLimitStore(redisUrl as string, prefix);
    redisStores.push(store);
    await store.increment("expiry-check", 60_000);
    const client = new Redis(redisUrl as string);
    try {
      const ttl = await client.pttl(`${prefix}expiry-check`);
      expect(ttl).toBeGreaterThan(50_000);
      expect(ttl).toBeLessThanOrEqual(60_000);
    } finally {
      client.disconnect();
    }
  });

  afterAll(async () => {
    const client = new Redis(redisUrl as string);
    try {
      const keys = await client.keys(`${prefix}*`);
      if (keys.length > 0) await client.del(...keys);
    } finally {
      client.disconnect();
      await Promise.all(redisStores.map((store) => store.close()));
    }
  });
});

describe("a store that cannot be reached", () => {
  it("rejects, so the limiter refuses (it never reports a count it does not have)", async () => {
    const store = new RedisRateLimitStore("redis://127.0.0.1:1", "unreachable:");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      await expect(store.increment("k", 60_000)).rejects.toThrow();
    } finally {
      warn.mockRestore();
      await store.close();
    }
  });
});
