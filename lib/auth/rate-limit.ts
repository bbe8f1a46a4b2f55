import "server-only";
import crypto from "node:crypto";
import Redis from "ioredis";
import { type Db, getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Fixed-window counters for sign-in and registration throttling. The counters live where
// every app instance sees them: the database, or Redis when REDIS_URL is set. When the store
// cannot be reached the limiter refuses (503) instead of letting every attempt through.
//
// Sign-in attempts are counted before the password is checked and refunded when it was right:
// an atomic increment first means a burst of parallel guesses cannot all slip past a
// check-then-count gap.

export type RateLimitCounter = { count: number; resetAt: Date };

export type RateLimitStore = {
  /** Adds one to `key` in its current window (a new window of `windowMs` starts when the last one ended). */
  increment(key: string, windowMs: number): Promise<RateLimitCounter>;
  /** Takes one back, e.g. for a sign-in attempt that turned out to be right. */
  decrement(key: string): Promise<void>;
  close(): Promise<void>;
};

export class DatabaseRateLimitStore implements RateLimitStore {
  constructor(private readonly db: Db) {}

  async increment(key: string, windowMs: number): Promise<RateLimitCounter> {
    const now = new Date();
    const resetAt = new Date(now.getTime() + windowMs);
    // Restarting an ended window is one conditional update, so two instances racing here
    // restart it once: the second finds resetAt already in the future.
    await this.db.rateLimit.updateMany({ where: { key, resetAt: { lte: now } }, data: { count: 0, resetAt } });
    let row: RateLimitCounter;
    try {
      // A single INSERT … ON CONFLICT DO UPDATE on both SQLite and PostgreSQL: atomic.
      row = await this.db.rateLimit.upsert({
        where: { key },
        create: { key, count: 1, resetAt },
        update: { count: { increment: 1 } },
        select: { count: true, resetAt: true },
      });
    } catch (error) {
      if ((error as { code?: string }).code !== "P2002") throw error;
      row = await this.db.rateLimit.update({ where: { key }, data: { count: { increment: 1 } }, select: { count: true, resetAt: true } });
    }
    if (Math.random() < 0.01) await this.removeExpired(now);
    return row;
  }

  async decrement(key: string): Promise<void> {
    await this.db.rateLimit.updateMany({ where: { key, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
  }

  async close(): Promise<void> {}

  private async removeExpired(now: Date): Promise<void> {
    await this.db.rateLimit.deleteMany({ where: { resetAt: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } } });
  }
}

// INCR and the expiry in one script: a window cannot be left without an expiry.
const INCREMENT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;

const DECREMENT_SCRIPT = `
if (tonumber(redis.call('GET', KEYS[1]) or '0') > 0) then redis.call('DECR', KEYS[1]) end
return 1`;

export class RedisRateLimitStore implements RateLimitStore {
  private readonly client: Redis;
  private lastWarning = 0;

  constructor(url: string, private readonly keyPrefix = "ladder:ratelimit:") {
    this.client = new Redis(url, {
      // Fail fast (and so closed) when Redis is away instead of queueing requests for long.
      connectTimeout: 2000,
      commandTimeout: 2000,
      maxRetriesPerRequest: 1,
      retryStrategy: (times) => Math.min(times * 200, 2000),
    });
    this.client.on("error", (error: Error) => {
      if (Date.now() - this.lastWarning < 60_000) return;
      this.lastWarning = Date.now();
      console.warn(`[ladder] Redis rate-limit store: ${error.message}`);
    });
  }

  async increment(key: string, windowMs: number): Promise<RateLimitCounter> {
    const [count, ttl] = (await this.client.eval(INCREMENT_SCRIPT, 1, this.keyPrefix + key, String(windowMs))) as [number, number];
    return { count: Number(count), resetAt: new Date(Date.now() + Number(ttl)) };
  }

  async decrement(key: string): Promise<void> {
    await this.client.eval(DECREMENT_SCRIPT, 1, this.keyPrefix + key);
  }

  async close(): Promise<void> {
    this.client.disconnect();
  }
}

type StoreHolder = { store?: RateLimitStore; url?: string };
const holder = globalThis as typeof globalThis & { __ladderRateLimit?: StoreHolder };

/** The shared store: Redis when REDIS_URL is set, the database otherwise. */
export function getRateLimitStore(): RateLimitStore {
  holder.__ladderRateLimit ??= {};
  const state = holder.__ladderRateLimit;
  const url = getEnv().REDIS_URL ?? "";
  if (!state.store || state.url !== url) {
    void state.store?.close();
    state.store = url ? new RedisRateLimitStore(url) : new DatabaseRateLimitStore(getDb());
    state.url = url;
  }
  return state.store;
}

/** Closes the shared store's connection (graceful shutdown). */
export async function closeRateLimitStore(): Promise<void> {
  const state = holder.__ladderRateLimit;
  const store = state?.store;
  if (state) state.store = undefined;
  await store?.close();
}

type Limit = { key: string; max: number; windowMs: number };

function minutes(value: number): number {
  return value * 60 * 1000;
}

function emailKey(email: string): string {
  // Hashed so the table of counters holds no email addresses.
  return `login:email:${crypto.createHash("sha256").update(email.trim().toLowerCase()).digest("hex")}`;
}

/**
 * A browser with a valid device cookie for this email (lib/auth/device-cookie.ts) is counted
 * per device instead of per email, with the same allowance: guesses from elsewhere that lock
 * the email do not lock out the person's own browser.
 */
function loginLimits(email: string, ip: string, deviceId: string | null): Limit[] {
  const env = getEnv();
  const windowMs = minutes(env.LOGIN_WINDOW_MINUTES);
  const personal = deviceId
    ? { key: `login:device:${deviceId}`, max: env.LOGIN_MAX_FAILURES_PER_EMAIL, windowMs }
    : { key: emailKey(email), max: env.LOGIN_MAX_FAILURES_PER_EMAIL, windowMs };
  return [personal, { key: `login:ip:${ip}`, max: env.LOGIN_MAX_FAILURES_PER_IP, windowMs }];
}

function unavailable(error: unknown): AppError {
  console.warn("[ladder] rate-limit store unavailable, refusing the request:", error instanceof Error ? error.message : error);
  return new AppError("unavailable", "Signing in and signing up are unavailable for a moment. Please try again in a minute.", { retryAfter: 60 });
}

async function countAll(store: RateLimitStore, limits: Limit[]): Promise<RateLimitCounter[]> {
  try {
    return await Promise.all(limits.map((limit) => store.increment(limit.key, limit.windowMs)));
  } catch (error) {
    throw unavailable(error);
  }
}

function secondsUntil(date: Date): number {
  return Math.max(1, Math.ceil((date.getTime() - Date.now()) / 1000));
}

function throwWhenExceeded(limits: Limit[], counters: RateLimitCounter[], message: (retryAfter: number) => string): void {
  let retryAfter = 0;
  limits.forEach((limit, index) => {
    const counter = counters[index];
    if (counter && counter.count > limit.max) retryAfter = Math.max(retryAfter, secondsUntil(counter.resetAt));
  });
  if (retryAfter > 0) throw new AppError("rate_limited", message(retryAfter), { retryAfter });
}

export function describeWait(seconds: number): string {
  const wait = Math.max(1, Math.ceil(seconds / 60));
  return `${wait} minute${wait === 1 ? "" : "s"}`;
}

/** A sign-in attempt that has been counted; `succeeded()` takes it back when the password was right. */
export type LoginAttempt = { succeeded(): Promise<void> };

/**
 * Counts one sign-in attempt for the email (or the browser's device cookie for it) and for the
 * client address, and refuses (429) when either has had more failures in the window than allowed.
 */
export async function beginLoginAttempt(
  email: string,
  ip: string,
  options: { deviceId?: string | null; store?: RateLimitStore } = {},
): Promise<LoginAttempt> {
  const store = options.store ?? getRateLimitStore();
  const limits = loginLimits(email, ip, options.deviceId ?? null);
  const counters = await countAll(store, limits);
  throwWhenExceeded(limits, counters, (seconds) => `Too many failed attempts. Try again in ${describeWait(seconds)}.`);
  return {
    async succeeded() {
      await Promise.all(limits.map((limit) => store.decrement(limit.key))).catch(() => {});
    },
  };
}

/** Counts one registration from the client address and refuses (429) beyond the hourly limit. */
export async function countRegistration(ip: string, store: RateLimitStore = getRateLimitStore()): Promise<void> {
  const env = getEnv();
  const limits = [{ key: `register:ip:${ip}`, max: env.REGISTER_MAX_PER_IP, windowMs: minutes(env.REGISTER_WINDOW_MINUTES) }];
  const counters = await countAll(store, limits);
  throwWhenExceeded(limits, counters, (seconds) => `Too many sign-ups from your network. Try again in ${describeWait(seconds)}.`);
}
